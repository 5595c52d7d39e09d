using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Planning;
using Agency.Portal.Features.Planning;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Planning;

public sealed class PlanningPageTests : ComponentTestBase
{
    public PlanningPageTests()
    {
        Services.AddSingleton<WorkloadPlanner>();
        Services.AddScoped<PlanningSettings>();
    }

    // Acme answers on X and Facebook; X has a forecast of 100 posts (70 English, 20 Spanish, 10 undetermined), Facebook one stored
    // before languages were kept.
    protected override async Task SeedAsync()
    {
        var brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
        }
        Tenant.Set(Tenant.Current.WithBrand(brand.Id));
        await using var x = Setup.Create(Tenant.Current);
        x.ChannelAccounts.Add(
            new ChannelAccount
            {
                Network = Network.X,
                Handle = "acme",
                ExternalAccountId = "1",
                Department = Department.Service,
            }
        );
        x.ChannelAccounts.Add(
            new ChannelAccount
            {
                Network = Network.Facebook,
                Handle = "Acme",
                ExternalAccountId = "2",
                Department = Department.Marketing,
            }
        );
        x.ForecastRuns.Add(Run(Network.X, ["en", "es", "und"], [70, 20, 10]));
        x.ForecastRuns.Add(Run(Network.Facebook, [], []));
        await x.SaveChangesAsync();
    }

    private static ForecastRun Run(Network network, List<string> languages, List<int> posts) =>
        new()
        {
            Network = network,
            IntervalMinutes = 60,
            Model = "Holt-Winters",
            CreatedAt = DateTime.UtcNow,
            FirstLocalDay = DateOnly.FromDateTime(DateTime.UtcNow),
            HistoryPosts = posts.Sum(),
            Point = [.. Enumerable.Repeat(4.0, 24)],
            Lower = [.. Enumerable.Repeat(3.0, 24)],
            Upper = [.. Enumerable.Repeat(5.0, 24)],
            Required = [.. Enumerable.Repeat(1, 24)],
            LanguageCodes = languages,
            LanguagePosts = posts,
        };

    [Fact]
    public void Each_channel_shows_the_languages_its_posts_are_in_as_a_bar_with_its_key()
    {
        var cut = Render<PlanningPage>(p => p.Add(x => x.Brand, "acme"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[aria-label='Languages of the posts']")));
        var x = cut.Find("[aria-label='X / Twitter']");
        var mix = x.QuerySelector("[aria-label='Languages of the posts']")!;
        Assert.Equal("English 70 % · Spanish 20 % · undetermined 10 %", mix.QuerySelector("[role='img']")!.GetAttribute("aria-label"));
        // Languages in the palette's order, undetermined posts grey.
        Assert.Equal(
            ["width:70%;background:#1e88e5", "width:20%;background:#fb8c00", "width:10%;background:#9e9e9e"],
            mix.QuerySelectorAll(".language-bar > span").Select(s => s.GetAttribute("style"))
        );
        Assert.Equal(
            ["English 70 %", "Spanish 20 %", "undetermined 10 %"],
            mix.QuerySelectorAll(".language-keys > span").Select(s => s.TextContent.Trim())
        );
        Assert.Contains("at least 5 % of the posts", mix.TextContent);
        // A forecast stored before languages were kept shows none.
        Assert.Null(cut.Find("[aria-label='Facebook']").QuerySelector("[aria-label='Languages of the posts']"));
    }
}
