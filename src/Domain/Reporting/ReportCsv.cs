using System.Globalization;
using System.Text;

namespace Agency.Domain.Reporting;

/// <summary>CSV exports (RFC 4180, UTF-8). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
public static class ReportCsv
{
    /// <summary>
    /// The figures of a period as numbers a BI tool reads: one row per figure with its unit (count, percent, seconds) and,
    /// for headlines, the period before and the change with its unit. Empty cells: no value (nothing to measure).
    /// </summary>
    public static string Metrics(BrandDashboard d)
    {
        var sb = new StringBuilder();
        Line(sb, "section", "item", "figure", "unit", "this_period", "period_before", "change", "change_unit");
        foreach (var m in HeadlineMetrics.All)
            Figures(
                sb,
                ["headline", "", m.Key, m.NumberUnit],
                m.Number(d.Current),
                m.Number(d.Previous),
                m.ChangeNumber(d.Current, d.Previous),
                m.ChangeUnit
            );
        foreach (var t in d.ResponseTimes)
        {
            var channel = ReportFormat.Network(t.Network);
            Figures(sb, ["first response", channel, "conversations", "count"], t.Conversations);
            Figures(sb, ["first response", channel, "answered", "count"], t.Responded);
            Figures(sb, ["first response", channel, "median", "seconds"], t.MedianSeconds);
            Figures(sb, ["first response", channel, "90th percentile", "seconds"], t.P90Seconds);
            Figures(sb, ["first response", channel, "median in service hours", "seconds"], t.BusinessMedianSeconds);
        }
        foreach (var s in d.Sla)
        {
            Figures(sb, ["service level", s.Policy, "first response met", "percent"], s.FirstResponse * 100);
            Figures(sb, ["service level", s.Policy, "resolution met", "percent"], s.Resolution * 100);
        }
        foreach (var day in d.Days)
            Figures(sb, ["volume", day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "messages received", "count"], day.Total);
        Figures(sb, ["forwards", "", "forwarded", "count"], d.Forwards.Count);
        foreach (var (o, n) in d.Forwards.Outcomes.OrderBy(x => x.Key))
            Figures(sb, ["forwards", ReportFormat.Outcome(o), "conversations", "count"], n);
        foreach (var (tag, n) in d.TopTags)
            Figures(sb, ["tags", tag, "conversations", "count"], n);
        Figures(sb, ["backlog", "", "waiting now", "count"], d.Backlog.Waiting);
        return sb.ToString();
    }

    // Text cells are escaped; numbers are ours and written as they are (a leading minus is a number, not a formula).
    private static void Figures(
        StringBuilder sb,
        string[] text,
        double? now,
        double? before = null,
        double? change = null,
        string changeUnit = ""
    )
    {
        sb.AppendJoin(',', text.Select(Escape));
        sb.Append(',').Append(HeadlineMetrics.Machine(now));
        sb.Append(',').Append(HeadlineMetrics.Machine(before));
        sb.Append(',').Append(HeadlineMetrics.Machine(change));
        sb.Append(',').Append(Escape(change is null ? "" : changeUnit));
        sb.Append("\r\n");
    }

    public static string Conversations(
        IEnumerable<(ConversationFact Fact, string Customer, string? Policy)> rows,
        TimeZoneInfo zone,
        DateTime nowUtc
    )
    {
        var sb = new StringBuilder();
        Line(
            sb,
            "conversation_id",
            "started_at_utc",
            "started_local",
            "network",
            "account_department",
            "customer",
            "intent",
            "sentiment",
            "status",
            "needs_response",
            "first_response_at_utc",
            "first_response_seconds",
            "first_response_service_hours_seconds",
            "sla_policy",
            "first_response_sla",
            "resolution_sla",
            "moved_to_private",
            "forwarded",
            "forward_outcome",
            "resolved_at_utc",
            "tags"
        );
        foreach (var (f, customer, policy) in rows)
        {
            Line(
                sb,
                f.Id.ToString(),
                Utc(f.StartedAt),
                TimeZoneInfo.ConvertTimeFromUtc(f.StartedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                f.Network.ToString(),
                f.Department.ToString(),
                customer,
                f.Intent?.ToString() ?? "",
                f.Sentiment?.ToString() ?? "",
                f.Status.ToString(),
                f.NeedsResponse ? "yes" : "no",
                Utc(f.FirstResponseAt),
                Num(f.FirstResponseSeconds),
                Num(f.FirstResponseBusinessSeconds),
                policy ?? "",
                Sla(f.FirstResponseAsOf(nowUtc)),
                Sla(f.ResolutionAsOf(nowUtc)),
                f.MovedToPrivate ? "yes" : "no",
                f.Forwarded ? "yes" : "no",
                f.Forwarded ? f.ForwardOutcome.ToString() : "",
                Utc(f.ResolvedAt),
                string.Join("; ", f.TagList())
            );
        }
        return sb.ToString();
    }

    private static string Sla(SlaResult r) => r == SlaResult.None ? "" : r.ToString();

    private static string Utc(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder sb, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                sb.Append(',');
            sb.Append(Escape(cells[i]));
        }
        sb.Append("\r\n");
    }

    public static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
