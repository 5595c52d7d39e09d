using Agency.Domain.Rostering;
using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Rostering;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using Agency.Portal.Features.Shifts;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Rostering;

/// <summary>A run with what the page shows of it: coverage per brand for one week, against the published table too.</summary>
public sealed record RosterWeek(
    RosterRun Run,
    int Week,
    IReadOnlyList<BrandCoverage> Draft,
    IReadOnlyList<BrandCoverage> Published,
    List<Shift> Shifts,
    List<StaffMember> Staff
)
{
    /// <summary>Of the hours this week's shifts give people who stated preferred hours, the share inside them; null when none do.</summary>
    public double? PreferredKept { get; init; }

    public double DraftCovered => Covered(Draft);
    public double PublishedCovered => Covered(Published);

    private static double Covered(IReadOnlyList<BrandCoverage> c) =>
        c.Sum(b => b.Demand) is var d and > 0 ? 1 - (double)c.Sum(b => b.Short) / d : 1;
}

/// <summary>The scheduler's roster desk: start, watch and stop runs, look at a draft's coverage, edit it by hand, publish it.</summary>
public sealed class RosterDesk(
    IDbContextFactory<AgencyDbContext> dbs,
    RosterRunner runner,
    RosterPlanner planner,
    ShiftBook book,
    TenantContext tenant,
    TimeProvider clock
)
{
    public RosterRunner Runner => runner;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TimeZoneInfo> ZoneAsync()
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await book.ZoneAsync(db, CancellationToken.None);
    }

    public async Task<List<RosterRun>> RunsAsync()
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.RosterRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync();
    }

    public async Task<Outcome<Guid>> StartAsync(DateTime? firstDay, int weeks, int seconds)
    {
        var result = await runner.StartAsync(tenant.Current, firstDay is { } d ? DateOnly.FromDateTime(d) : null, weeks, seconds);
        if (result.Ok)
            return Outcome<Guid>.Success(Guid.Parse(result.Field!));
        return Outcome<Guid>.Invalid(result.Field ?? "", result.Error ?? "Not started.");
    }

    public Task<WorkResult> PublishAsync(Guid runId) => planner.PublishAsync(tenant.Current, runId);

    /// <summary>Where a running roster stands, whichever server builds it; null once it no longer runs.</summary>
    public Task<RosterLive?> LiveAsync(Guid runId) => runner.LiveAsync(tenant.Current, runId);

    /// <summary>Asks a running roster to stop and keep its best roster, whichever server builds it.</summary>
    public Task<bool> StopAsync(Guid runId) => runner.StopAsync(tenant.Current, runId);

    public async Task<RosterWeek?> WeekAsync(Guid runId, int week)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var run = await db.RosterRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId);
        if (run is null)
            return null;
        week = Math.Clamp(week, 0, run.Weeks - 1);
        var horizon = await planner.BuildAsync(tenant.Current, run.FirstDay, run.Weeks);
        var draft = await planner.CoverageAsync(
            tenant.Current,
            horizon,
            run.Status == RosterRunStatus.Published ? null : runId,
            7 * week,
            7
        );
        var published = await planner.CoverageAsync(tenant.Current, horizon, null, 7 * week, 7, simulate: false); // only its share covered is shown
        var from = horizon.UtcOf(7 * week * horizon.Problem.PerDay).AddDays(-1);
        var to = horizon.UtcOf((7 * week + 7) * horizon.Problem.PerDay);
        var shifts = await db
            .Shifts.AsNoTracking()
            .Where(s => s.EndsAt > from && s.StartsAt < to)
            .Where(s => s.RosterRunId == runId || (s.IsPublished && s.Source == ShiftSource.Manual))
            .OrderBy(s => s.StartsAt)
            .ToListAsync();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync();
        var preferred = (await db.WorkContracts.AsNoTracking().Where(c => c.PreferredFrom != null && c.PreferredTo != null).ToListAsync())
            .Where(c => c.Preferred is not null)
            .ToDictionary(c => c.StaffMemberId, c => c.Preferred!.Value);
        var zone = horizon.Zone;
        var weekStart = horizon.UtcOf(7 * week * horizon.Problem.PerDay);
        var withWish = shifts.Where(s => s.StartsAt >= weekStart && preferred.ContainsKey(s.StaffMemberId)).ToList();
        double? kept =
            withWish.Count == 0
                ? null
                : withWish.Sum(s => preferred[s.StaffMemberId].Inside(Local(s.StartsAt), Local(s.EndsAt)).TotalMinutes)
                    / withWish.Sum(s => (s.EndsAt - s.StartsAt).TotalMinutes);
        return new RosterWeek(run, week, draft, published, shifts, staff) { PreferredKept = kept };

        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
    }

    /// <summary>Adds a shift to the draft, or moves one; every labour rule is checked against the draft.</summary>
    public async Task<Outcome<bool>> SaveShiftAsync(Guid runId, Guid? shiftId, Guid? staffId, DateTime? day, string? from, string? to)
    {
        var (start, end, error) = ShiftTimes.Parse(day, from, to, await ZoneAsync());
        if (error is not null)
            return Outcome<bool>.Invalid("Start", error);
        var result = shiftId is { } id
            ? await book.MoveShiftAsync(tenant.Current, id, start, end)
            : await book.AddShiftAsync(tenant.Current, staffId, start, end, rosterRunId: runId);
        return result.Ok ? Outcome<bool>.Success(true) : Outcome<bool>.Invalid(result.Field ?? "Start", result.Error ?? "Not saved.");
    }

    public async Task DeleteShiftAsync(Guid shiftId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        // Only a draft's own shifts are deleted here; the published table is changed on the Shifts page.
        if (await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId && !s.IsPublished) is not { } shift)
            return;
        db.Shifts.Remove(shift);
        await db.SaveChangesAsync();
    }
}
