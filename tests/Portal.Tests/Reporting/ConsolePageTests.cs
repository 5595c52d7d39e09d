using System.Security.Claims;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.Reporting;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Direction = Agency.Domain.Conversations.Direction;

namespace Agency.Portal.Tests.Reporting;

public sealed class ConsolePageTests : ComponentTestBase
{
    private Brand brand = default!;

    public ConsolePageTests()
    {
        Services.AddSingleton<ReportRollups>();
        Services.AddSingleton<AgencyConsole>();
    }

    // One conversation 20 days ago at 09:00 UTC, answered in 5 minutes against a first-response target of an hour.
    protected override async Task SeedAsync()
    {
        brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "UTC",
        };
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
        }
        await using var x = Setup.Create(Tenant.Current.WithBrand(brand.Id));
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "acme",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        var policy = new SlaPolicy
        {
            Name = "X within the hour",
            FirstResponseMinutes = 60,
            NextResponseMinutes = 60,
            ResolutionMinutes = 24 * 60,
        };
        x.ChannelAccounts.Add(account);
        x.SlaPolicies.Add(policy);
        await x.SaveChangesAsync();
        var started = DateTime.UtcNow.Date.AddDays(-20).AddHours(9);
        var c = new Conversation
        {
            ChannelAccountId = account.Id,
            Network = Network.X,
            CustomerExternalId = "115712",
            CustomerHandle = "@pat",
            StartedAt = started,
            LastActivityAt = started,
            SlaPolicyId = policy.Id,
            Routed = true,
        };
        var question = new Post
        {
            ConversationId = c.Id,
            ChannelAccountId = account.Id,
            ExternalId = "in-1",
            Direction = Direction.Inbound,
            AuthorExternalId = "115712",
            AuthorHandle = "@pat",
            Text = "Where is my refund?",
            CreatedAt = started,
            ReceivedAt = started,
        };
        var answer = new Post
        {
            ConversationId = c.Id,
            ChannelAccountId = account.Id,
            ExternalId = "out-1",
            Direction = Direction.Outbound,
            AuthorExternalId = "brand",
            AuthorHandle = "acme",
            Text = "Sorry, we are on it",
            CreatedAt = started.AddMinutes(5),
            ReceivedAt = started.AddMinutes(5),
        };
        c.Record(question);
        c.Record(answer);
        x.Conversations.Add(c);
        x.Posts.AddRange(question, answer);
        await x.SaveChangesAsync();
    }

    private IRenderedComponent<CascadingValue<PortalContext>> RenderPage()
    {
        Render<MudPopoverProvider>();
        var lead = new PortalContext(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.AgencyAdmin)], "test")),
            [UserRole.AgencyAdmin],
            [new BrandAccess(AgencyId, brand.Id, "acme", "Acme", "#C62828", "UTC", false, null)],
            null
        );
        return Render<CascadingValue<PortalContext>>(p => p.Add(x => x.Value, lead).AddChildContent<ConsolePage>());
    }

    private static string Total(IRenderedComponent<CascadingValue<PortalContext>> cut) =>
        cut.Find(".heat-total[data-total-met]").GetAttribute("data-total-met")
        + "/"
        + cut.Find(".heat-total[data-total-met]").GetAttribute("data-total-missed");

    [Fact]
    public void The_heat_map_shows_the_last_week_and_reaches_back_a_month_when_asked()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("last 7 days", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.Equal("0/0", Total(cut)); // the conversation is older than a week
        Assert.Contains("No first-response target was decided in the last 7 days", cut.Markup);

        cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim() == "30 days").Click();
        cut.WaitForAssertion(
            () =>
            {
                Assert.Contains("last 30 days", cut.Markup);
                Assert.Equal("1/0", Total(cut));
            },
            TimeSpan.FromSeconds(10)
        );
        Assert.DoesNotContain("No first-response target was decided", cut.Markup);
        // The hour it started in shows the share met, and the row's whole-day cell the same.
        var row = cut.FindAll("[role=row]").Single(r => r.TextContent.Contains("Acme"));
        var cells = row.QuerySelectorAll("[role=cell]");
        Assert.Equal(25, cells.Length);
        Assert.Equal("100", cells[9].TextContent.Trim());
        Assert.Equal("100", cells[24].TextContent.Trim());
        Assert.All(cells.Where((_, h) => h != 9 && h != 24), cell => Assert.Equal("", cell.TextContent.Trim()));
    }
}
