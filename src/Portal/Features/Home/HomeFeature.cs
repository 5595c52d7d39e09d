namespace Agency.Portal.Features.Home;

public static class HomeFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddHomeFeature(this IServiceCollection services) => services.AddScoped<CountAgency>();
}
