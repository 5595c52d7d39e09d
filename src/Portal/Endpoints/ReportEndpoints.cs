using System.Globalization;
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
                return Invalid(error);
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
                    return Invalid(error);
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
                        return Results.Problem(statusCode: 400, title: "Invalid month", detail: "Give the month as yyyy-MM, e.g. 2026-10.");
                    var report = await monthly.BuildAsync(tenant.Current, first.Year, first.Month, http.RequestAborted);
                    return Results.File(report.Pdf, "application/pdf", report.FileName);
                }
                var (period, error) = Period(from, to, header.Zone);
                if (period is null)
                    return Invalid(error);
                var d = await r.DashboardAsync(tenant.Current, period, http.RequestAborted);
                var pdf = MonthlyReportPdf.Render(header, d, "Service report", clock.GetUtcNow().UtcDateTime);
                return Results.File(pdf, "application/pdf", $"{header.Slug}-report-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.pdf");
            }
        );
    }

    private static (ReportPeriod? Period, string? Error) Period(string? from, string? to, TimeZoneInfo zone) =>
        PeriodParameters.Parse(from, to, zone, "The first day", "The last day");

    private static IResult Invalid(string? error) => Results.Problem(statusCode: 400, title: "Invalid period", detail: error);

    private static IResult Csv(string text, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", fileName);
}
