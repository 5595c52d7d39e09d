using Agency.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Jobs;

/// <summary>
/// Base for jobs that act for one tenant. Each run gets its own DI scope whose tenant is taken
/// from the job data map; a run without a tenant has an empty scope, so it reads nothing and any
/// write of tenant data throws.
/// </summary>
public abstract class TenantJob(IServiceScopeFactory scopes) : IJob
{
    public const string AgencyKey = "agencyId";
    public const string BrandKey = "brandId";

    public static JobDataMap DataFor(Guid agencyId, Guid? brandId = null)
    {
        var map = new JobDataMap { [AgencyKey] = agencyId.ToString() };
        if (brandId is { } b)
            map[BrandKey] = b.ToString();
        return map;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var scopeOfTenant = ReadTenant(context.MergedJobDataMap);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(scopeOfTenant);
        await ExecuteAsync(scope.ServiceProvider, scopeOfTenant, context, ct);
    }

    internal static TenantScope ReadTenant(JobDataMap map)
    {
        var agency = ReadGuid(map, AgencyKey);
        var brand = ReadGuid(map, BrandKey);
        return agency switch
        {
            null => TenantScope.None,
            { } a when brand is { } b => TenantScope.ForBrand(a, b, TenantSource.Job),
            { } a => TenantScope.ForAgency(a, TenantSource.Job),
        };
    }

    private static Guid? ReadGuid(JobDataMap map, string key) =>
        map.TryGetValue(key, out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : null;

    protected abstract Task ExecuteAsync(IServiceProvider services, TenantScope tenant, IJobExecutionContext context, CancellationToken ct);
}
