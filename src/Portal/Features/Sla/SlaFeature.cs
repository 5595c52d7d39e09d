namespace Agency.Portal.Features.Sla;

public static class SlaFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddSlaFeature(this IServiceCollection services)
    {
        services.AddScoped<SlaPolicySettings>();
        return services;
    }
}
