namespace Agency.Portal.Features.Planning;

public static class PlanningFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddPlanningFeature(this IServiceCollection services)
    {
        services.AddScoped<PlanningSettings>();
        return services;
    }
}
