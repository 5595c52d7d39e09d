using Agency.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Jobs;

/// <summary>
/// Runs a piece of work once per active brand, each in its own DI scope set to that brand, so that
/// one brand's failure or data never leaks into another's run.
/// </summary>
public sealed class BrandFanOut(IServiceScopeFactory scopes, CrossTenantReader crossTenant, ILogger<BrandFanOut> logger)
{
    public sealed record Result(int Succeeded, IReadOnlyList<(CrossTenantReader.BrandRef Brand, Exception Error)> Failed);

    public async Task<Result> RunAsync(Func<IServiceProvider, TenantScope, CancellationToken, Task> work, CancellationToken ct = default)
    {
        var failed = new List<(CrossTenantReader.BrandRef, Exception)>();
        var ok = 0;
        foreach (var brand in await crossTenant.ActiveBrandsAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            var tenant = TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.Job);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            try
            {
                await work(scope.ServiceProvider, tenant, ct);
                ok++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Fan-out work failed for brand {Brand} ({BrandId})", brand.Slug, brand.BrandId);
                failed.Add((brand, ex));
            }
        }
        return new Result(ok, failed);
    }

    /// <summary>For Quartz jobs: runs the work per brand and fails the run (with each brand's error) if any brand failed.</summary>
    public async Task RunForJobAsync(
        string what,
        Func<IServiceProvider, TenantScope, CancellationToken, Task> work,
        CancellationToken ct = default
    )
    {
        var result = await RunAsync(work, ct);
        if (result.Failed.Count > 0)
            throw new Quartz.JobExecutionException(
                $"{what} failed for {result.Failed.Count} brand(s): {string.Join("; ", result.Failed.Select(f => $"{f.Brand.Slug}: {f.Error.Message}"))}"
            );
    }
}
