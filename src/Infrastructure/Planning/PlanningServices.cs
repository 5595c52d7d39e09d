using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Planning;

public static class PlanningServices
{
    public static IServiceCollection AddPlanning(this IServiceCollection services) => services.AddSingleton<WorkloadPlanner>();

    public static void AddPlanningJobs(this IQuartzBuilder q)
    {
        q.AddJob(typeof(ForecastJob), j => j.WithIdentity(ForecastJob.Key).StoreDurably());
        q.AddTrigger(t =>
            t.ForJob(ForecastJob.Key)
                .WithIdentity("forecast-nightly", "planning")
                .WithCronSchedule("0 15 3 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc))
        );
    }
}
