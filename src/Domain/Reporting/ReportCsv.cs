using System.Globalization;
using System.Text;

namespace Agency.Domain.Reporting;

/// <summary>CSV exports (RFC 4180, UTF-8). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
public static class ReportCsv
{
    public static string Metrics(BrandDashboard d)
    {
        var sb = new StringBuilder();
        Line(sb, "section", "item", "figure", "this period", "period before", "change");
        foreach (var (metric, now, before, change) in ReportFormat.Headlines(d))
            Line(sb, "headline", "", metric, now, before, change);
        foreach (var t in d.ResponseTimes)
        {
            var channel = ReportFormat.Network(t.Network);
            Line(sb, "first response", channel, "conversations", ReportFormat.Count(t.Conversations), "", "");
            Line(sb, "first response", channel, "answered", ReportFormat.Count(t.Responded), "", "");
            Line(sb, "first response", channel, "median", ReportFormat.Duration(t.MedianSeconds), "", "");
            Line(sb, "first response", channel, "90th percentile", ReportFormat.Duration(t.P90Seconds), "", "");
            Line(sb, "first response", channel, "median in service hours", ReportFormat.Duration(t.BusinessMedianSeconds), "", "");
        }
        foreach (var s in d.Sla)
        {
            Line(sb, "service level", s.Policy, "first response met", ReportFormat.Share(s.FirstResponse), "", "");
            Line(sb, "service level", s.Policy, "resolution met", ReportFormat.Share(s.Resolution), "", "");
        }
        foreach (var day in d.Days)
            Line(
                sb,
                "volume",
                day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "messages received",
                ReportFormat.Count(day.Total),
                "",
                ""
            );
        Line(sb, "forwards", "", "forwarded", ReportFormat.Count(d.Forwards.Count), "", "");
        foreach (var (o, n) in d.Forwards.Outcomes.OrderBy(x => x.Key))
            Line(sb, "forwards", ReportFormat.Outcome(o), "conversations", ReportFormat.Count(n), "", "");
        foreach (var (tag, n) in d.TopTags)
            Line(sb, "tags", tag, "conversations", ReportFormat.Count(n), "", "");
        Line(sb, "backlog", "", "waiting now", ReportFormat.Count(d.Backlog.Waiting), "", "");
        return sb.ToString();
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
