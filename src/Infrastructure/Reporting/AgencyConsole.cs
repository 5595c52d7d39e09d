using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Reporting;

/// <summary>One brand on the agency console, as of now.</summary>
public sealed record ConsoleBrand(
    Guid BrandId,
    string Name,
    string Slug,
    string Color,
    int Queue,
    int Waiting,
    DateTime? OldestWaitingSince,
    int AtRisk,
    int Overdue,
    int BreachesToday,
    int OnShift,
    int? RequiredNow
);

/// <summary>First-response targets met and missed per hour of the day (UTC, of the customer's first post) over the heat map's days.</summary>
public sealed record HeatRow(Guid BrandId, string Name, IReadOnlyList<(int Met, int Missed)> Hours)
{
    /// <summary>Every hour together: the brand's share met over the period.</summary>
    public (int Met, int Missed) Total => (Hours.Sum(h => h.Met), Hours.Sum(h => h.Missed));
}

/// <param name="HeatDays">How many days back the heat map reaches.</param>
public sealed record ConsoleView(IReadOnlyList<ConsoleBrand> Brands, IReadOnlyList<HeatRow> Heat, DateTime AsOf, int HeatDays);

/// <summary>
/// The agency console: every brand the caller may see, each read inside its own brand scope (no
/// filter is bypassed), with live queue figures, today's breaches, people on shift against the
/// staffing requirement of the latest forecast, and an hour-by-brand heat map of SLA attainment.
/// </summary>
public sealed class AgencyConsole(DatabaseSetup database, ReportRollups rollups, TimeProvider clock)
{
    /// <summary>Work due within this long counts as at risk.</summary>
    public static readonly TimeSpan RiskWindow = TimeSpan.FromMinutes(30);

    /// <summary>The days the heat map can reach back: a week to see today's trouble, a month or a quarter for a pattern by hour.</summary>
    public static readonly IReadOnlyList<int> HeatPeriods = [7, 30, 90];

    public async Task<ConsoleView> ReadAsync(
        TenantScope caller,
        IReadOnlyCollection<Guid> brandIds,
        int heatDays = 7,
        CancellationToken ct = default
    )
    {
        var agency = caller.AgencyId ?? throw new TenantException("The console is read inside an agency.");
        if (!HeatPeriods.Contains(heatDays))
            throw new ArgumentOutOfRangeException(
                nameof(heatDays),
                heatDays,
                $"The heat map covers one of {string.Join(", ", HeatPeriods)} days."
            );
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-heatDays);

        List<(Guid Id, List<Guid> Brands)> onShift;
        await using (var db = database.Create(caller with { BrandId = null }))
        {
            var working = db.Shifts.Where(s => s.IsPublished && s.StartsAt <= now && s.EndsAt > now).Select(s => s.StaffMemberId);
            onShift = (
                await db
                    .StaffMembers.AsNoTracking()
                    .Where(m => m.IsActive && working.Contains(m.Id))
                    .Select(m => new { m.Id, m.BrandIds })
                    .ToListAsync(ct)
            )
                .Select(m => (m.Id, m.BrandIds))
                .ToList();
        }

        var brands = new List<ConsoleBrand>();
        var heat = new List<HeatRow>();
        foreach (var brandId in brandIds)
        {
            var scope = TenantScope.ForBrand(agency, brandId, caller.Source, caller.UserId, caller.UserName);
            await rollups.RefreshAsync(scope, ct);
            await using var db = database.Create(scope);
            var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == brandId && !b.IsArchived, ct);
            if (brand is null)
                continue;
            var zone = brand.TimeZone;
            var midnight = ReportPeriod.Last(1, now, zone).FromUtc;
            var queued = db.Conversations.AsNoTracking().Where(c => c.Queue == QueueState.In);
            var queue = await queued.CountAsync(ct);
            var backlog = await BrandReports.BacklogAsync(db, ct);
            var soon = now + RiskWindow;
            var atRisk = await queued.CountAsync(c => c.DueAt != null && c.DueAt >= now && c.DueAt < soon, ct);
            var overdue = await queued.CountAsync(c => c.DueAt != null && c.DueAt < now, ct);
            var breaches = await db.SlaEvents.CountAsync(e => e.Kind == SlaEventKind.Breach && e.At >= midnight, ct);
            brands.Add(
                new ConsoleBrand(
                    brand.Id,
                    brand.Name,
                    brand.Slug,
                    brand.Color,
                    queue,
                    backlog.Waiting,
                    backlog.OldestWaitingSince,
                    atRisk,
                    overdue,
                    breaches,
                    onShift.Count(m => m.Brands.Contains(brandId)),
                    await RequiredNowAsync(db, zone, now, ct)
                )
            );

            var facts = await db
                .ConversationFacts.AsNoTracking()
                .Where(f => f.StartedAt >= since && f.SlaPolicyId != null)
                .Select(f => new
                {
                    f.StartedAt,
                    f.FirstResponseSla,
                    f.FirstResponseDueAt,
                })
                .ToListAsync(ct);
            var cells = Enumerable
                .Range(0, 24)
                .Select(h =>
                {
                    var results = facts
                        .Where(f => f.StartedAt.Hour == h)
                        .Select(f => ConversationFact.AsOf(f.FirstResponseSla, f.FirstResponseDueAt, now))
                        .ToList();
                    return (results.Count(r => r == SlaResult.Met), results.Count(r => r == SlaResult.Missed));
                })
                .ToList();
            heat.Add(new HeatRow(brand.Id, brand.Name, cells));
        }
        return new ConsoleView(
            brands.OrderByDescending(b => b.Overdue).ThenByDescending(b => b.AtRisk).ThenBy(b => b.Name, StringComparer.Ordinal).ToList(),
            heat.OrderBy(h => h.Name, StringComparer.Ordinal).ToList(),
            now,
            heatDays
        );
    }

    /// <summary>People needed now by the latest forecast of each channel (null when no forecast covers now).</summary>
    private static async Task<int?> RequiredNowAsync(AgencyDbContext db, TimeZoneInfo zone, DateTime now, CancellationToken ct)
    {
        var latest = await db.ForecastRuns.GroupBy(r => r.Network).Select(g => g.Max(r => r.CreatedAt)).ToListAsync(ct);
        var runs = await db
            .ForecastRuns.AsNoTracking()
            .Where(r => latest.Contains(r.CreatedAt))
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(ct);
        int? total = null;
        foreach (var run in runs.GroupBy(r => r.Network).Select(g => g.First()))
            if (run.RequiredAt(now, zone) is { } need)
                total = (total ?? 0) + need;
        return total;
    }
}
