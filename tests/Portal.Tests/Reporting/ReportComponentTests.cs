using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Reporting;
using Agency.Portal.Features.Reporting;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Agency.Portal.Tests.Reporting;

public sealed class KpiCardsTests : BunitContext
{
    private static BrandDashboard Dashboard(Kpis now, Kpis before, Backlog backlog)
    {
        var period = new ReportPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), TimeZoneInfo.Utc);
        return new BrandDashboard(
            period,
            now,
            before,
            [],
            [],
            [],
            new ForwardFigures(0, null, new Dictionary<ForwardOutcome, int>()),
            [],
            backlog,
            new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc)
        );
    }

    public KpiCardsTests() => Services.AddMudServices();

    [Fact]
    public void Each_headline_shows_now_before_and_whether_the_change_is_good()
    {
        // Response rate 80 % (was 50 %): better. Median 10 min (was 5 min): worse. Volume up: neither.
        var now = new Kpis(120, 50, 10, 8, 600, 1800, 9, 1, 10, 100, 2, 3);
        var before = new Kpis(100, 40, 10, 5, 300, 900, 5, 5, 5, 100, 0, 0);
        var cut = Render<KpiCards>(p =>
            p.Add(x => x.Dashboard, Dashboard(now, before, new Backlog(4, new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc))))
        );

        var rate = cut.Find("[data-metric='Response rate']");
        Assert.Equal("80.0 %", rate.QuerySelector("[data-now]")!.TextContent);
        Assert.Equal("50.0 %", rate.QuerySelector("[data-before]")!.TextContent);
        Assert.NotNull(rate.QuerySelector(".change-good"));

        var median = cut.Find("[data-metric='First response, median']");
        Assert.Equal("10 min 00 s", median.QuerySelector("[data-now]")!.TextContent);
        Assert.NotNull(median.QuerySelector(".change-bad"));

        var received = cut.Find("[data-metric='Messages received']");
        Assert.Contains("+20.0 %", received.TextContent);
        Assert.Null(received.QuerySelector(".change-good, .change-bad"));

        var backlog = cut.Find("[data-metric='Backlog now']");
        Assert.Contains("4 waiting", backlog.TextContent);
        Assert.Contains("oldest waiting 1 h 00 min", backlog.TextContent);
    }

    [Fact]
    public void An_empty_period_shows_dashes_not_zeros_for_rates_and_times()
    {
        var empty = new Kpis(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0);
        var cut = Render<KpiCards>(p => p.Add(x => x.Dashboard, Dashboard(empty, empty, new Backlog(0, null))));
        Assert.Equal("–", cut.Find("[data-metric='Response rate'] [data-now]").TextContent);
        Assert.Equal("–", cut.Find("[data-metric='First response, median'] [data-now]").TextContent);
        Assert.Contains("nobody is waiting", cut.Find("[data-metric='Backlog now']").TextContent);
    }
}

public sealed class DashboardChartsTests : BunitContext
{
    public DashboardChartsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Volume_is_drawn_per_channel_and_per_intent()
    {
        var days = new[]
        {
            new DayVolume(
                new DateOnly(2026, 11, 16),
                new Dictionary<Network, int> { [Network.X] = 3, [Network.Facebook] = 1 },
                new Dictionary<Intent, int> { [Intent.Complaint] = 4 },
                1,
                2,
                1
            ),
            new DayVolume(
                new DateOnly(2026, 11, 17),
                new Dictionary<Network, int> { [Network.X] = 2 },
                new Dictionary<Intent, int> { [Intent.Praise] = 2 },
                0,
                0,
                2
            ),
        };
        var cut = Render<DashboardCharts>(p => p.Add(x => x.Days, days));
        foreach (var panel in new[] { "Messages per day by channel", "Messages per day by intent", "Sentiment per day" })
            Assert.NotEmpty(cut.Find($"[aria-label='{panel}']").QuerySelectorAll("svg"));
        Assert.Contains("X / Twitter", cut.Markup);
        Assert.Contains("Facebook", cut.Markup);
        Assert.Contains("Complaint", cut.Markup);
        Assert.Contains("Negative", cut.Markup);
        // The period's mix: 4 complaints and 2 praise of 6 labelled messages.
        var mix = cut.Find("[aria-label='What customers wrote about']");
        Assert.NotEmpty(mix.QuerySelectorAll("svg"));
        Assert.Contains("Complaint 67 %", mix.TextContent);
        Assert.Contains("Praise 33 %", mix.TextContent);
    }

    [Fact]
    public void Sentiment_is_drawn_in_red_and_green_and_a_day_without_messages_is_no_point()
    {
        var days = new[]
        {
            new DayVolume(
                new DateOnly(2026, 11, 16),
                new Dictionary<Network, int> { [Network.X] = 2 },
                new Dictionary<Intent, int> { [Intent.Complaint] = 2 },
                2,
                0,
                0
            ),
            new DayVolume(new DateOnly(2026, 11, 17), new Dictionary<Network, int>(), new Dictionary<Intent, int>(), 0, 0, 0),
            new DayVolume(
                new DateOnly(2026, 11, 18),
                new Dictionary<Network, int> { [Network.X] = 1 },
                new Dictionary<Intent, int> { [Intent.Praise] = 1 },
                0,
                0,
                1
            ),
        };
        var cut = Render<DashboardCharts>(p => p.Add(x => x.Days, days));
        var sentiment = cut.Find("[aria-label='Sentiment per day']");
        Assert.Contains("#D32F2F", sentiment.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("17 Nov", sentiment.TextContent, StringComparison.Ordinal);
        Assert.Contains("18 Nov", sentiment.TextContent, StringComparison.Ordinal);
        Assert.Contains("17 Nov", cut.Find("[aria-label='Messages per day by channel']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_without_labelled_messages_says_so_instead_of_an_empty_ring()
    {
        var days = new[]
        {
            new DayVolume(new DateOnly(2026, 11, 16), new Dictionary<Network, int>(), new Dictionary<Intent, int>(), 0, 0, 0),
        };
        var cut = Render<DashboardCharts>(p => p.Add(x => x.Days, days));
        Assert.Contains("No labelled messages in this period.", cut.Find("[aria-label='What customers wrote about']").TextContent);
    }
}
