using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Replies;

public static class ReplyServices
{
    /// <summary>The networks' clients and the outbox that sends replies through them.</summary>
    public static IServiceCollection AddReplies(this IServiceCollection services, IConfiguration config)
    {
        var outbound = config.GetSection(OutboundOptions.Section).Get<OutboundOptions>() ?? new OutboundOptions();
        services.AddSingleton(Options.Create(outbound));
        services.AddHttpClient(MetaGraphClient.Name, c => c.Timeout = outbound.Timeout);
        services.AddHttpClient(XApiClient.Name, c => c.Timeout = outbound.Timeout);
        services.AddSingleton<INetworkClient, MetaGraphClient>();
        services.AddSingleton<INetworkClient, XApiClient>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWorker>();
        if (outbound.WorkerEnabled)
            services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
