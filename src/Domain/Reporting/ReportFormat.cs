using System.Globalization;
using Agency.Domain.Channels;
using Agency.Domain.Classification;

namespace Agency.Domain.Reporting;

/// <summary>How figures are written on the dashboard, in the PDF and in e-mails, so that they read the same everywhere.</summary>
public static class ReportFormat
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Duration(int? seconds)
    {
        if (seconds is not { } s)
            return "–";
        if (s < 60)
            return $"{s} s";
        if (s < 3600)
            return $"{s / 60} min {s % 60:00} s";
        if (s < 86_400)
            return $"{s / 3600} h {s % 3600 / 60:00} min";
        return $"{s / 86_400} d {s % 86_400 / 3600} h";
    }

    /// <summary>
    /// The median in service hours, saying why when it reads 0 s beside a real calendar median: most of these conversations
    /// began and were answered while the service was closed, when the service-hours clock does not run.
    /// </summary>
    public static string ServiceHoursMedian(ResponseTimes t) =>
        t.BusinessMedianSeconds == 0 && t.MedianSeconds > 0
            ? "0 s (most arrived and were answered outside service hours)"
            : Duration(t.BusinessMedianSeconds);

    public static string Share(double? share) => share is { } v ? (v * 100).ToString("0.0", En) + " %" : "–";

    public static string Count(int n) => n.ToString("N0", En);

    /// <summary>The change from the previous period, e.g. "+12.5 %" or "−3.0 pts" for shares.</summary>
    public static string Change(double? now, double? before, bool isShare)
    {
        if (now is null || before is null)
            return "";
        if (isShare)
            return Signed((now.Value - before.Value) * 100) + " pts";
        if (before.Value == 0)
            return now.Value == 0 ? "±0 %" : "new";
        return Signed((now.Value - before.Value) / before.Value * 100) + " %";
    }

    private static string Signed(double v) =>
        Math.Round(v, 1) switch
        {
            0 => "±0.0",
            > 0 => "+" + v.ToString("0.0", En),
            _ => "−" + (-v).ToString("0.0", En),
        };

    public static string Day(DateOnly d) => d.ToString("d MMM yyyy", En);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", En);

    public static string Intent(Intent? intent) =>
        intent switch
        {
            Classification.Intent.ServiceQuestion => "Service question",
            Classification.Intent.Complaint => "Complaint",
            Classification.Intent.Praise => "Praise",
            Classification.Intent.SalesLead => "Sales lead",
            Classification.Intent.General => "General",
            Classification.Intent.Spam => "Spam",
            _ => "Unlabelled",
        };

    public static string Network(Network n) => Networks.Describe(n);

    public static string Outcome(ForwardOutcome o) =>
        o switch
        {
            ForwardOutcome.Waiting => "Waiting for an answer",
            ForwardOutcome.Answered => "Answered",
            ForwardOutcome.Resolved => "Resolved",
            ForwardOutcome.SentBack => "Sent back to marketing",
            _ => "Not forwarded",
        };

    /// <summary>The headline figures, in the order the dashboard, the PDF and the e-mail show them (<see cref="HeadlineMetrics"/>).</summary>
    public static IReadOnlyList<(string Metric, string Now, string Before, string Change)> Headlines(BrandDashboard d) =>
        HeadlineMetrics
            .All.Select(m => (m.Label, m.Format(d.Current), m.Format(d.Previous), m.FormatChange(d.Current, d.Previous)))
            .ToList();
}
