using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Tenancy;

public static class TenancyServices
{
    /// <summary>The tenant of the current scope, who may enter what, and the few reads that cross tenants.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantAccessResolver>();
        services.AddSingleton<CrossTenantReader>();
        services.AddSingleton<AgencyWideReader>();
        services.AddSingleton<CreateAgency>();
        return services;
    }
}
