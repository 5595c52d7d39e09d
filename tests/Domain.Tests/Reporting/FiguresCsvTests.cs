using Agency.Domain.Channels;
using Agency.Domain.Reporting;

namespace Agency.Domain.Tests.Reporting;

/// <summary>The figures CSV is for BI tools: numbers with units, a plain minus, no display strings.</summary>
public class FiguresCsvTests
{
    private static Kpis Figures(int inbound, int responded, int? median) =>
        new(inbound, inbound, inbound, responded, median, median * 3, 8, 2, 1, 10, 0, 0);

    private static readonly BrandDashboard Falling = new(
        new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), TimeZoneInfo.Utc),
        Figures(inbound: 1600, responded: 800, median: 1603),
        Figures(inbound: 2000, responded: 1800, median: 1200),
        [],
        [new ResponseTimes(Network.X, 1600, 800, 1603, 4809, 0, 0)],
        [],
        new ForwardFigures(0, null, new Dictionary<ForwardOutcome, int>()),
        [],
        new Backlog(3, null),
        new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)
    );

    private static string[] Row(string csv, string figure) =>
        csv.Split("\r\n").Single(l => l.StartsWith("headline,,", StringComparison.Ordinal) && l.Split(',')[2] == figure).Split(',');

    [Fact]
    public void Headlines_are_numbers_with_units_and_a_fall_has_a_plain_minus()
    {
        var csv = ReportCsv.Metrics(Falling);
        Assert.Equal(["headline", "", "messages_received", "count", "1600", "2000", "-20", "percent"], Row(csv, "messages_received"));
        Assert.Equal(["headline", "", "response_rate", "percent", "50", "90", "-40", "percentage points"], Row(csv, "response_rate"));
        Assert.Equal(
            ["headline", "", "first_response_median", "seconds", "1603", "1200", "33.58", "percent"],
            Row(csv, "first_response_median")
        );
        Assert.Contains("\r\nfirst response,X / Twitter,median,seconds,1603,,,\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dashboard_figure_has_one_definition_with_a_unit_and_a_direction()
    {
        Assert.Equal(ReportFormat.Headlines(Falling).Select(h => h.Metric), HeadlineMetrics.All.Select(m => m.Label));
        Assert.Equal(HeadlineMetrics.All.Count, HeadlineMetrics.All.Select(m => m.Key).Distinct().Count());
        Assert.Equal(BetterWhen.Lower, HeadlineMetrics.All.Single(m => m.Key == "negative_messages").Better);
        Assert.Equal("\u221220.0 %", ReportFormat.Headlines(Falling).Single(h => h.Metric == "Messages received").Change);
    }

    [Fact]
    public void A_zero_service_hours_median_beside_a_real_one_says_why()
    {
        Assert.Equal(
            "0 s (most arrived and were answered outside service hours)",
            ReportFormat.ServiceHoursMedian(new ResponseTimes(Network.X, 10, 10, 1603, 4809, 0, 0))
        );
        Assert.Equal("5 min 00 s", ReportFormat.ServiceHoursMedian(new ResponseTimes(Network.X, 10, 10, 1603, 4809, 300, 900)));
        Assert.Equal("–", ReportFormat.ServiceHoursMedian(new ResponseTimes(Network.X, 10, 0, null, null, null, null)));
    }
}
