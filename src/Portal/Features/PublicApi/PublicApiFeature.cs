namespace Agency.Portal.Features.PublicApi;

public static class PublicApiFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddPublicApiFeature(this IServiceCollection services)
    {
        services.AddScoped<ApiKeys>();
        return services;
    }
}
