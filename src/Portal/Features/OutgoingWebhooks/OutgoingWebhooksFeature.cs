namespace Agency.Portal.Features.OutgoingWebhooks;

public static class OutgoingWebhooksFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddOutgoingWebhooksFeature(this IServiceCollection services)
    {
        services.AddScoped<Webhooks>();
        return services;
    }
}
