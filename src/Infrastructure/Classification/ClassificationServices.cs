using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Classification;

public static class ClassificationServices
{
    public static IServiceCollection AddClassification(this IServiceCollection services)
    {
        services.AddSingleton<IntentModels>();
        services.AddSingleton<RetrainIntentModel>();
        return services;
    }

    public static void AddClassificationJobs(this IQuartzBuilder q)
    {
        q.AddJob(typeof(RetrainIntentModelsJob), j => j.WithIdentity(RetrainIntentModelsJob.Key).StoreDurably());
        q.AddTrigger(t =>
            t.ForJob(RetrainIntentModelsJob.Key)
                .WithIdentity("retrain-intent-models-nightly", "classification")
                .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc))
        );
    }
}
