namespace Agency.Portal.Features.Routing;

public static class RoutingFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddRoutingFeature(this IServiceCollection services)
    {
        services.AddScoped<RoutingRuleSettings>();
        services.AddScoped<MarketingQueries>();
        return services;
    }
}
