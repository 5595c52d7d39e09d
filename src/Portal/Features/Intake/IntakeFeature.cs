namespace Agency.Portal.Features.Intake;

public static class IntakeFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddIntakeFeature(this IServiceCollection services) =>
        services.AddScoped<RetryDelivery>().AddScoped<ReadIntakeState>();
}
