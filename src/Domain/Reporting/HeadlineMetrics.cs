using System.Globalization;

namespace Agency.Domain.Reporting;

public enum MetricUnit
{
    Count,
    Share,
    Seconds,
}

/// <summary>Which way a figure should move: volumes are neither good nor bad.</summary>
public enum BetterWhen
{
    Neither,
    Higher,
    Lower,
}

/// <summary>One headline figure, defined once for the dashboard, the CSV, the PDF, the e-mail and the API.</summary>
public sealed record HeadlineMetric(string Key, string Label, MetricUnit Unit, BetterWhen Better, Func<Kpis, double?> Value)
{
    /// <summary>The figure as people read it ("26 min 43 s", "61.0 %").</summary>
    public string Format(Kpis k) =>
        Unit switch
        {
            MetricUnit.Share => ReportFormat.Share(Value(k)),
            MetricUnit.Seconds => ReportFormat.Duration(Value(k) is { } s ? (int)s : null),
            _ => ReportFormat.Count((int)(Value(k) ?? 0)),
        };

    /// <summary>The change as people read it: percent for counts and times, points for shares.</summary>
    public string FormatChange(Kpis now, Kpis before) => ReportFormat.Change(Value(now), Value(before), Unit == MetricUnit.Share);

    /// <summary>The figure as a number in <see cref="NumberUnit"/> (shares in percent), for CSV and BI tools.</summary>
    public double? Number(Kpis k) => Value(k) is { } v ? (Unit == MetricUnit.Share ? v * 100 : v) : null;

    public string NumberUnit =>
        Unit switch
        {
            MetricUnit.Share => "percent",
            MetricUnit.Seconds => "seconds",
            _ => "count",
        };

    /// <summary>The change as a number: percentage points for shares, percent otherwise; null where none can be given.</summary>
    public double? ChangeNumber(Kpis now, Kpis before)
    {
        if (Value(now) is not { } n || Value(before) is not { } b)
            return null;
        if (Unit == MetricUnit.Share)
            return (n - b) * 100;
        return b == 0 ? null : (n - b) / b * 100;
    }

    public string ChangeUnit => Unit == MetricUnit.Share ? "percentage points" : "percent";
}

public static class HeadlineMetrics
{
    public static readonly IReadOnlyList<HeadlineMetric> All =
    [
        new("messages_received", "Messages received", MetricUnit.Count, BetterWhen.Neither, k => k.Inbound),
        new("conversations", "Conversations", MetricUnit.Count, BetterWhen.Neither, k => k.Conversations),
        new("response_rate", "Response rate", MetricUnit.Share, BetterWhen.Higher, k => k.ResponseRate),
        new("first_response_median", "First response, median", MetricUnit.Seconds, BetterWhen.Lower, k => k.FirstResponseMedianSeconds),
        new("first_response_p90", "First response, 90th percentile", MetricUnit.Seconds, BetterWhen.Lower, k => k.FirstResponseP90Seconds),
        new("first_response_sla_met", "First-response SLA met", MetricUnit.Share, BetterWhen.Higher, k => k.SlaAttainment),
        new("negative_messages", "Negative messages", MetricUnit.Share, BetterWhen.Lower, k => k.NegativeShare),
        new("moved_to_private", "Moved to private", MetricUnit.Count, BetterWhen.Neither, k => k.MovedToPrivate),
        new("forwarded_from_marketing", "Forwarded from marketing", MetricUnit.Count, BetterWhen.Neither, k => k.Forwards),
    ];

    /// <summary>A number written for machines: invariant culture, a plain minus, no thousands separators, at most two decimals.</summary>
    public static string Machine(double? value) => value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
