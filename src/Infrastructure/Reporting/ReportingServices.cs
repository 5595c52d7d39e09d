using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Reporting;

public static class ReportingServices
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<ReportRollups>();
        services.AddSingleton<BrandReports>();
        services.AddSingleton<MonthlyReports>();
        services.AddSingleton<AgencyConsole>();
        return services;
    }

    public static void AddReportingJobs(this IQuartzBuilder q)
    {
        q.AddJob(typeof(ReportRollupJob), j => j.WithIdentity(ReportRollupJob.Key).StoreDurably());
        q.AddTrigger(t =>
            t.ForJob(ReportRollupJob.Key)
                .WithIdentity("report-rollups-every-minute", "reporting")
                .WithCronSchedule("30 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc))
        );
        q.AddJob(typeof(MonthlyReportJob), j => j.WithIdentity(MonthlyReportJob.Key).StoreDurably());
        q.AddTrigger(t =>
            t.ForJob(MonthlyReportJob.Key)
                .WithIdentity("monthly-reports-hourly", "reporting")
                .WithCronSchedule("0 7 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc))
        );
    }
}
