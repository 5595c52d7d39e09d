using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.OutgoingWebhooks;

public static class OutgoingWebhookServices
{
    public static IServiceCollection AddOutgoingWebhooks(this IServiceCollection services, IConfiguration config)
    {
        var webhooks = config.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(Options.Create(webhooks));
        services
            .AddHttpClient(WebhookHttp.ClientName, c => c.Timeout = webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookHttp.Handler(webhooks.AllowInsecure));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookWorker>();
        if (webhooks.WorkerEnabled)
            services.AddHostedService(sp => sp.GetRequiredService<WebhookWorker>());
        return services;
    }
}
