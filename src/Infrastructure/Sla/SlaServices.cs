using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Sla;

public static class SlaServices
{
    public static IServiceCollection AddSla(this IServiceCollection services) => services.AddSingleton<SlaEscalation>();

    public static void AddSlaJobs(this IQuartzBuilder q)
    {
        q.AddJob(typeof(SlaEscalationJob), j => j.WithIdentity(SlaEscalationJob.Key).StoreDurably());
        q.AddTrigger(t =>
            t.ForJob(SlaEscalationJob.Key)
                .WithIdentity("sla-escalation-every-minute", "work")
                .WithCronSchedule("0 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc))
        );
    }
}
