namespace Agency.Portal.Features.Auditing;

public static class AuditingFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddAuditingFeature(this IServiceCollection services)
    {
        services.AddScoped<SearchAuditLog>();
        return services;
    }
}
