using Agency.Domain.Reporting;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Agency.Infrastructure.Reporting;

public sealed record MonthlyReport(BrandHeader Brand, BrandDashboard Dashboard, string Title, byte[] Pdf, string FileName);

/// <summary>
/// The monthly report of a brand: the dashboard of a calendar month (in the brand's time zone) as a
/// PDF, and its delivery by e-mail to the brand's managers once per month. Each manager sent the report
/// is stored as their mail goes out (<see cref="ReportRecipient"/>), so a run that fails part way sends
/// next time only to those who did not get it; the month is marked delivered (<see cref="ReportDelivery"/>)
/// once everyone has it. Only a stop between a mail going out and its row being stored can send that one mail twice.
/// </summary>
public sealed class MonthlyReports(
    DatabaseSetup database,
    BrandReports reports,
    IMailSender mail,
    TimeProvider clock,
    ILogger<MonthlyReports> logger
)
{
    public static ReportPeriod MonthPeriod(int year, int month, TimeZoneInfo zone) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), zone);

    public async Task<MonthlyReport> BuildAsync(TenantScope brand, int year, int month, CancellationToken ct = default)
    {
        var header = await reports.BrandAsync(brand, ct);
        var dashboard = await reports.DashboardAsync(brand, MonthPeriod(year, month, header.Zone), ct);
        var title = $"Monthly service report, {ReportFormat.Month(year, month)}";
        var pdf = MonthlyReportPdf.Render(header, dashboard, title, clock.GetUtcNow().UtcDateTime);
        return new MonthlyReport(header, dashboard, title, pdf, $"{header.Slug}-{year:0000}-{month:00}.pdf");
    }

    /// <summary>Sends last month's report to the brand's managers if it has not gone yet. Returns how many people it went to (0 when nothing was due).</summary>
    public async Task<int> SendDueAsync(TenantScope brand, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> recipients,
            sent;
        int year,
            month;
        await using (var db = database.Create(brand))
        {
            var b = await db.Brands.AsNoTracking().SingleAsync(x => x.Id == brand.BrandId, ct);
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, b.TimeZone));
            var last = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
            (year, month) = (last.Year, last.Month);
            // A brand that did not exist during the month has nothing to report.
            if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(b.CreatedAt, b.TimeZone)) > last.AddMonths(1).AddDays(-1))
                return 0;
            if (await db.ReportDeliveries.AnyAsync(d => d.Year == year && d.Month == month, ct))
                return 0;
            sent = await db.ReportRecipients.Where(r => r.Year == year && r.Month == month).Select(r => r.Email).ToListAsync(ct);
            var managers = db
                .BrandMemberships.Where(m => m.BrandId == brand.BrandId && m.Role == BrandRole.BrandManager)
                .Select(m => m.UserId);
            // Locked-out (disabled) people get nothing; DateTimeOffset is compared here, as SQLite cannot.
            recipients = (
                await db.OfAgency()
                    .Where(u => managers.Contains(u.Id) && u.Email != null)
                    .Select(u => new { u.Email, u.LockoutEnd })
                    .ToListAsync(ct)
            )
                .Where(u => u.LockoutEnd is null || u.LockoutEnd < clock.GetUtcNow())
                .Select(u => u.Email!)
                .Order(StringComparer.Ordinal)
                .ToList();
            // Managers who already got it (a run that failed part way) are not sent it again.
            recipients = recipients.Except(sent, StringComparer.OrdinalIgnoreCase).ToList();
        }
        if (recipients.Count == 0)
        {
            // Everyone left has it from a run that failed part way: the month is delivered. With nobody to send to at all, it is
            // asked again next run, so a manager invited later still gets it.
            if (sent.Count > 0)
                await DeliveredAsync(brand, year, month, now, sent.Count, ct);
            return 0;
        }

        var report = await BuildAsync(brand, year, month, ct);
        var body =
            $"Hello,\r\n\r\nattached is the service report of {report.Brand.Name} for {ReportFormat.Month(year, month)}.\r\n\r\n"
            + string.Join("\r\n", ReportFormat.Headlines(report.Dashboard).Select(h => $"{h.Metric}: {h.Now} (before: {h.Before})"))
            + "\r\n\r\nThe dashboard in Agency shows any period and every transcript.\r\n";
        foreach (var to in recipients)
        {
            await mail.SendAsync(
                to,
                $"{report.Brand.Name}: {report.Title}",
                body,
                [new MailAttachment(report.FileName, "application/pdf", report.Pdf)],
                ct
            );
            await using var db = database.Create(brand);
            db.ReportRecipients.Add(
                new ReportRecipient
                {
                    BrandId = brand.BrandId!.Value,
                    Year = year,
                    Month = month,
                    Email = to,
                    SentAt = clock.GetUtcNow().UtcDateTime,
                }
            );
            await db.SaveChangesAsync(CancellationToken.None); // the mail has gone: its row is stored even when the run is being stopped
        }

        await DeliveredAsync(brand, year, month, now, sent.Count + recipients.Count, ct);
        logger.LogInformation(
            "Monthly report {Year}-{Month} of brand {BrandId} sent to {Count} manager(s)",
            year,
            month,
            brand.BrandId,
            recipients.Count
        );
        return recipients.Count;
    }

    /// <summary>Marks the month's report delivered to everyone: it is not sent again.</summary>
    private async Task DeliveredAsync(TenantScope brand, int year, int month, DateTime at, int recipients, CancellationToken ct)
    {
        await using var db = database.Create(brand);
        db.ReportDeliveries.Add(
            new ReportDelivery
            {
                BrandId = brand.BrandId!.Value,
                Year = year,
                Month = month,
                SentAt = at,
                Recipients = recipients,
            }
        );
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The Quartz job: every hour, each brand whose last month's report has not gone out sends it.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("monthly-reports", "reporting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await fanOut.RunForJobAsync(
            "Monthly reports",
            (sp, tenant, token) => sp.GetRequiredService<MonthlyReports>().SendDueAsync(tenant, token),
            ct
        );
}
