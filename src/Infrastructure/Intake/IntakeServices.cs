using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Intake;

public static class IntakeServices
{
    /// <summary>Webhook receipt, the inbox worker that parses and stores deliveries, and file imports.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration config)
    {
        var intake = config.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        services.AddSingleton(Options.Create(intake));
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<PostNotifier>();
        services.AddSingleton<IntakeSignal>();
        services.AddSingleton(sp => new PostWriter(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Classification.IntentModels>()
        )
        {
            QuietPeriod = intake.QuietPeriod,
        });
        services.AddSingleton<IntakeProcessor>();
        services.AddSingleton<IntakeReceiver>();
        services.AddSingleton<InboxWorker>();
        services.AddSingleton<Importer>();
        if (intake.WorkerEnabled)
            services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}
