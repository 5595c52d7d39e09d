namespace Agency.Portal.Features.Rostering;

public static class RosteringFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddRosteringFeature(this IServiceCollection services)
    {
        services.AddScoped<RosterDesk>();
        services.AddScoped<ListContracts>();
        return services;
    }
}
