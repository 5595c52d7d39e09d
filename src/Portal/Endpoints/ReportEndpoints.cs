using System.Globalization;
using System.Net;
using System.Text;
using Agency.Domain.Reporting;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;

namespace Agency.Portal.Endpoints;

/// <summary>
/// Report downloads of one brand. TenantMiddleware has already refused (404) a brand the user may
/// not enter; the policy refuses roles that do not see reports. Bad dates get a 400 with the reason.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/b/{brand}/reports").RequireAuthorization(PortalSetup.ReportPolicy);

        reports.MapGet("/metrics.csv", async (string? from, string? to, TenantContext tenant, BrandReports r, HttpContext http) =>
        {
            var header = await r.BrandAsync(tenant.Current, http.RequestAborted);
            var (period, error) = Period(from, to, header.Zone);
            if (period is null)
                return Invalid(http, header.Slug, "Invalid period", error);
            var d = await r.DashboardAsync(tenant.Current, period, http.RequestAborted);
            return Csv(ReportCsv.Metrics(d), $"{header.Slug}-figures-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
        });

        reports.MapGet(
            "/conversations.csv",
            async (string? from, string? to, TenantContext tenant, BrandReports r, TimeProvider clock, HttpContext http) =>
            {
                var header = await r.BrandAsync(tenant.Current, http.RequestAborted);
                var (period, error) = Period(from, to, header.Zone);
                if (period is null)
                    return Invalid(http, header.Slug, "Invalid period", error);
                var rows = await r.ConversationFactsAsync(tenant.Current, period, http.RequestAborted);
                return Csv(
                    ReportCsv.Conversations(rows, header.Zone, clock.GetUtcNow().UtcDateTime),
                    $"{header.Slug}-conversations-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"
                );
            }
        );

        // Any period, or a calendar month with ?month=2026-10 (the monthly report that is e-mailed).
        reports.MapGet(
            "/report.pdf",
            async (
                string? from,
                string? to,
                string? month,
                TenantContext tenant,
                BrandReports r,
                MonthlyReports monthly,
                TimeProvider clock,
                HttpContext http
            ) =>
            {
                var header = await r.BrandAsync(tenant.Current, http.RequestAborted);
                if (month is not null)
                {
                    if (
                        !DateOnly.TryParseExact(
                            month + "-01",
                            "yyyy-MM-dd",
                            CultureInfo.InvariantCulture,
                            DateTimeStyles.None,
                            out var first
                        )
                    )
                        return Invalid(http, header.Slug, "Invalid month", "Give the month as yyyy-MM, e.g. 2026-10.");
                    var report = await monthly.BuildAsync(tenant.Current, first.Year, first.Month, http.RequestAborted);
                    return Results.File(report.Pdf, "application/pdf", report.FileName);
                }
                var (period, error) = Period(from, to, header.Zone);
                if (period is null)
                    return Invalid(http, header.Slug, "Invalid period", error);
                var d = await r.DashboardAsync(tenant.Current, period, http.RequestAborted);
                var pdf = MonthlyReportPdf.Render(header, d, "Service report", clock.GetUtcNow().UtcDateTime);
                return Results.File(pdf, "application/pdf", $"{header.Slug}-report-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.pdf");
            }
        );
    }

    private static (ReportPeriod? Period, string? Error) Period(string? from, string? to, TimeZoneInfo zone) =>
        PeriodParameters.Parse(from, to, zone, "The first day", "The last day");

    // A person who followed a bad link gets a page with the reason and a way back; a program gets problem details.
    private static IResult Invalid(HttpContext http, string slug, string title, string? detail)
    {
        if (!http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
            return Results.Problem(statusCode: 400, title: title, detail: detail);
        var (t, d, back) = (
            WebUtility.HtmlEncode(title),
            WebUtility.HtmlEncode(detail ?? ""),
            WebUtility.HtmlEncode($"/b/{slug}/dashboard")
        );
        return Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + $"<title>{t} · Agency</title></head><body style=\"font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\">"
                + $"<h1>{t}</h1><p>{d}</p><p><a href=\"{back}\">Back to the dashboard</a></p></body></html>",
            "text/html; charset=utf-8",
            Encoding.UTF8,
            StatusCodes.Status400BadRequest
        );
    }

    private static IResult Csv(string text, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", fileName);
}
