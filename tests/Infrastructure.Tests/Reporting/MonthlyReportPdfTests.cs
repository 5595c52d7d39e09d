using Agency.Domain.Channels;
using Agency.Domain.Reporting;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tests.Support;

namespace Agency.Infrastructure.Tests.Reporting;

/// <summary>The monthly PDF keeps a fall a fall (the minus sign) and keeps its text on the page.</summary>
public class MonthlyReportPdfTests
{
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), TimeZoneInfo.Utc);

    private static Kpis Figures(int inbound, int responded) => new(inbound, inbound, inbound, responded, 1200, 3600, 8, 2, 1, 10, 0, 0);

    private static BrandDashboard Dashboard() =>
        new(
            November,
            Figures(inbound: 80, responded: 40),
            Figures(inbound: 100, responded: 90),
            [],
            [new ResponseTimes(Network.X, 80, 40, 1200, 3600, 0, 0)],
            [],
            new ForwardFigures(0, null, new Dictionary<ForwardOutcome, int>()),
            [],
            new Backlog(0, null),
            new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)
        );

    private static readonly BrandHeader Brand = new(Guid.NewGuid(), "Acme", "acme", "#1E88E5", TimeZoneInfo.Utc, null, null);

    [Fact]
    public void A_fall_keeps_its_minus_sign()
    {
        var headline = ReportFormat.Headlines(Dashboard()).Single(h => h.Metric == "Messages received");
        Assert.StartsWith("\u2212", headline.Change, StringComparison.Ordinal); // "−20.0 %" on the page
        var text = PdfContent.Raw(MonthlyReportPdf.Render(Brand, Dashboard(), "Service report", default));
        Assert.Contains("-20.0 %", text, StringComparison.Ordinal);
        Assert.Contains("-40.0 pts", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_text_runs_off_the_right_edge()
    {
        var (_, rightmost, width) = MonthlyReportPdf.RenderLaidOut(Brand, Dashboard(), "Service report", default);
        Assert.True(rightmost <= width - 39, $"Text reaches {rightmost:0} pt of a {width:0} pt page.");
    }

    [Theory]
    [InlineData("\u221210.9 %", "-10.9 %")]
    [InlineData("Caf\u00e9 \u20ac5", "Caf\u00e9 \u20ac5")]
    [InlineData("\u65e5\u672c", "??")]
    public void Text_is_kept_to_what_the_font_encoding_can_show(string text, string shown) => Assert.Equal(shown, WinAnsi.Of(text));
}
