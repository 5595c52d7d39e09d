using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Planning;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Planning;

/// <summary>The current brand's channel plans and latest forecasts, and recomputing them.</summary>
public sealed class PlanningSettings(IDbContextFactory<AgencyDbContext> dbs, WorkloadPlanner planner, TenantContext tenant)
{
    /// <summary>A plan per network the brand has accounts on (defaults where none is saved), and each one's latest forecast.</summary>
    public async Task<List<(ChannelPlan Plan, ForecastRun? Latest)>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var networks = await db.ChannelAccounts.AsNoTracking().Where(a => a.IsActive).Select(a => a.Network).Distinct().ToListAsync(ct);
        var plans = await db.ChannelPlans.AsNoTracking().ToDictionaryAsync(p => p.Network, ct);
        var result = new List<(ChannelPlan, ForecastRun?)>();
        foreach (var n in networks.OrderBy(n => n))
        {
            var latest = await db
                .ForecastRuns.AsNoTracking()
                .Where(r => r.Network == n)
                .OrderByDescending(r => r.CreatedAt)
                .FirstOrDefaultAsync(ct);
            result.Add((plans.GetValueOrDefault(n) ?? ChannelPlan.DefaultFor(n), latest));
        }
        return result;
    }

    public async Task<Outcome<ChannelPlan>> SaveAsync(ChannelPlan input, CancellationToken ct = default)
    {
        if (input.Validate().FirstOrDefault() is { Key: { } field, Value: { } message })
            return Outcome<ChannelPlan>.Invalid(field, message);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.ChannelPlans.SingleOrDefaultAsync(p => p.Network == input.Network, ct);
        if (existing is null)
        {
            existing = new ChannelPlan { Network = input.Network };
            db.ChannelPlans.Add(existing);
        }
        existing.IntervalMinutes = input.IntervalMinutes;
        existing.AverageHandlingMinutes = input.AverageHandlingMinutes;
        existing.Concurrency = input.Concurrency;
        existing.ServiceLevel = input.ServiceLevel;
        existing.TargetMinutes = input.TargetMinutes;
        existing.Shrinkage = input.Shrinkage;
        existing.HorizonWeeks = input.HorizonWeeks;
        existing.MinimumStaff = input.MinimumStaff;
        await db.SaveChangesAsync(ct);
        return Outcome<ChannelPlan>.Success(existing);
    }

    public Task<IReadOnlyList<ForecastRun>> RecomputeAsync(IProgress<PlanProgress> progress, CancellationToken ct = default) =>
        planner.PlanAsync(tenant.Current, progress, ct);

    public static string Describe(Network n) => Networks.Describe(n);
}
