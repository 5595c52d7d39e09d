using Agency.Domain.Channels;
using Agency.Domain.Rostering;
using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Rostering;

/// <summary>
/// The problem of one agency's horizon in grid terms, and how to turn grid shifts back into shifts:
/// whole local days of the agency's time zone from a Monday, cut into intervals.
/// </summary>
/// <param name="BrandIds">The brand of each of the problem's lines of demand (a brand, or one channel of a brand: <see cref="DemandSeries"/>).</param>
public sealed record RosterHorizon(
    CoverageProblem Problem,
    IReadOnlyList<Guid> StaffIds,
    IReadOnlyList<Guid> BrandIds,
    TimeZoneInfo Zone,
    DateOnly FirstDay
)
{
    /// <summary>The work each line answers, on the grid, for checking a roster by simulation (forecasts that know their plan only).</summary>
    public IReadOnlyList<DemandStream> Streams { get; init; } = [];

    public DateTime UtcOf(int interval) =>
        TimeZoneInfo.ConvertTimeToUtc(
            FirstDay.ToDateTime(TimeOnly.MinValue).AddMinutes(interval * Problem.IntervalMinutes) is var local && Zone.IsInvalidTime(local)
                ? local.AddHours(1)
                : local,
            Zone
        );

    /// <summary>The grid interval a moment falls in (may be outside the horizon).</summary>
    public int IntervalOf(DateTime utc) =>
        (int)
            Math.Floor(
                (
                    TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone)
                    - FirstDay.ToDateTime(TimeOnly.MinValue)
                ).TotalMinutes / Problem.IntervalMinutes
            );

    public Shift ToShift(PlannedShift s, Guid runId)
    {
        var start = UtcOf(s.From(Problem.PerDay));
        return new Shift
        {
            StaffMemberId = StaffIds[s.Person],
            StartsAt = start,
            EndsAt = start.AddMinutes(s.Length * Problem.IntervalMinutes),
            Source = ShiftSource.Roster,
            IsPublished = false,
            RosterRunId = runId,
        };
    }

    public PlannedShift? ToPlanned(Shift s)
    {
        var person = StaffIds.ToList().IndexOf(s.StaffMemberId);
        var from = IntervalOf(s.StartsAt);
        if (person < 0 || from < 0 || from >= Problem.Intervals)
            return null;
        var length = (int)Math.Round((s.EndsAt - s.StartsAt).TotalMinutes / Problem.IntervalMinutes);
        return new PlannedShift(person, from / Problem.PerDay, from % Problem.PerDay, length);
    }
}

/// <summary>Required and scheduled people per interval of one brand over a stretch of the horizon.</summary>
public sealed record BrandCoverage(Guid BrandId, string Brand, int[] Required, int[] Scheduled)
{
    /// <summary>What the people scheduled would achieve on each channel of this line, by simulation (<see cref="RosterService"/>).</summary>
    public IReadOnlyList<SimulatedService> Service { get; init; } = [];

    public int Short => Required.Zip(Scheduled).Sum(z => Math.Max(0, z.First - z.Second));
    public int Demand => Required.Sum();
}

/// <summary>
/// Builds the agency's roster problem from the database (active staff, their brands and contracts,
/// approved time off, manual shifts kept as they are, staff needed per brand from the latest
/// forecasts), stores a run's best roster as draft shifts, and publishes a draft as the shift table.
/// </summary>
public sealed class RosterPlanner(DatabaseSetup database, AgencyWideReader reader, ShiftBook book, TimeProvider clock)
{
    public const int IntervalMinutes = 30;

    public async Task<RosterHorizon> BuildAsync(TenantScope agency, DateOnly firstDay, int weeks, CancellationToken ct = default)
    {
        await using var db = database.Create(agency);
        var zone = await book.ZoneAsync(db, ct);
        var brands = await db
            .Brands.AsNoTracking()
            .Where(b => !b.IsArchived)
            .OrderBy(b => b.Name)
            .Select(b => new
            {
                b.Id,
                b.Name,
                b.TimeZoneId,
            })
            .ToListAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        var contracts = await db.WorkContracts.AsNoTracking().ToDictionaryAsync(c => c.StaffMemberId, ct);
        var days = 7 * weeks;
        var grid = new RosterHorizon(
            new CoverageProblem
            {
                Days = days,
                IntervalMinutes = IntervalMinutes,
                Brands = [],
                Demand = [],
                Staff = [],
            },
            staff.Select(s => s.Id).ToList(),
            brands.Select(b => b.Id).ToList(),
            zone,
            firstDay
        );
        var fromUtc = grid.UtcOf(0).AddDays(-1);
        var toUtc = grid.UtcOf(grid.Problem.Intervals).AddDays(1);
        var timeOff = await db
            .TimeOff.AsNoTracking()
            .Where(t => t.Status == TimeOffStatus.Approved && t.EndsAt > fromUtc && t.StartsAt < toUtc)
            .ToListAsync(ct);
        var manual = await db
            .Shifts.AsNoTracking()
            .Where(s => s.IsPublished && s.Source == ShiftSource.Manual && s.EndsAt > fromUtc && s.StartsAt < toUtc)
            .ToListAsync(ct);

        var brandIds = brands.Select(b => b.Id).ToHashSet();
        // Channels whose forecast needs nobody add nothing, and are no reason to cover a brand's channels apart.
        var forecasts = (await reader.LatestForecastsAsync(agency.AgencyId!.Value, brandIds, ct))
            .Where(r => r.Required.Any(n => n > 0))
            .ToList();
        // The lines of demand: a brand, or each of its channels where some of its people work only some channels, or each language of
        // those where some of its people do not speak a language its customers write in.
        var skills = staff.Select(s => new PersonSkills(s.BrandIds, s.Channels, s.Languages)).ToList();
        var lines = DemandSeries.For(
            brands.Select(b => (b.Id, b.Name)).ToList(),
            forecasts.GroupBy(r => r.BrandId).ToDictionary(g => g.Key, g => (IReadOnlyList<Network>)g.Select(r => r.Network).ToList()),
            skills,
            forecasts.Where(r => r.KnowsLanguages).Select(r => new ChannelLanguages(r.BrandId, r.Network, r.Languages)).ToList()
        );
        var pool = staff
            .Select(
                (s, k) =>
                {
                    var c = contracts.GetValueOrDefault(s.Id) ?? WorkContract.Default(s.Id);
                    int I(double hours) => (int)Math.Round(hours * 60 / IntervalMinutes);
                    var rest = I(c.MinRestHours);
                    var mine = manual.Where(m => m.StaffMemberId == s.Id).ToList();
                    var blocked = timeOff
                        .Where(t => t.StaffMemberId == s.Id)
                        .Select(t => (grid.IntervalOf(t.StartsAt), grid.IntervalOf(t.EndsAt.AddTicks(-1)) + 1))
                        .Concat(mine.Select(m => (grid.IntervalOf(m.StartsAt) - rest, grid.IntervalOf(m.EndsAt.AddTicks(-1)) + 1 + rest)))
                        .ToList();
                    var busy = mine.Select(m => grid.IntervalOf(m.StartsAt))
                        .Where(i => i >= 0 && i < grid.Problem.Intervals)
                        .Select(i => i / grid.Problem.PerDay)
                        .ToHashSet();
                    var taken = Enumerable
                        .Range(0, weeks)
                        .Select(w =>
                            mine.Where(m => grid.IntervalOf(m.StartsAt) is var i && i >= 0 && i / grid.Problem.PerDay / 7 == w)
                                .Sum(m => (int)((m.EndsAt - m.StartsAt).TotalMinutes / IntervalMinutes))
                        )
                        .ToList();
                    return new PoolMember(
                        s.Id,
                        s.Name,
                        Enumerable.Range(0, lines.Count).Where(l => lines[l].ServedBy(skills[k])).ToList(),
                        I(c.MinShiftHours),
                        I(c.MaxShiftHours),
                        I(c.MinHoursPerWeek),
                        I(c.MaxHoursPerWeek),
                        c.MaxConsecutiveDays,
                        rest,
                        c.MaxWeekendsPer4Weeks
                    )
                    {
                        Blocked = blocked,
                        BusyDays = busy,
                        WeekIntervalsTaken = taken,
                        Preferred = c.Preferred?.OnGrid(IntervalMinutes),
                    };
                }
            )
            .ToList();

        var demand = lines.Select(_ => new int[grid.Problem.Intervals]).ToArray();
        var streams = new List<DemandStream>();
        foreach (var run in forecasts)
        {
            var brand = brands.Single(b => b.Id == run.BrandId);
            var brandZone = TimeZoneInfo.TryFindSystemTimeZoneById(brand.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
            var at = Enumerable.Range(0, grid.Problem.Intervals).Select(t => run.IndexAt(grid.UtcOf(t), brandZone)).ToArray();
            foreach (var (line, required, share) in DemandSeries.Need(lines, run))
            {
                var need = new int[at.Length];
                for (var t = 0; t < at.Length; t++)
                    if (at[t] >= 0 && at[t] < required.Count)
                        demand[line][t] += need[t] = required[at[t]];
                // The forecast's arrivals per grid interval (its own intervals may be longer or shorter than the grid's).
                if (!run.KnowsPlan)
                    continue;
                var scale = share * IntervalMinutes / run.IntervalMinutes;
                var arrivals = at.Select(i => i >= 0 && i < run.Point.Count ? run.Point[i] * scale : 0).ToArray();
                streams.Add(new DemandStream(line, run.Network, run.Work(TimeSpan.FromMinutes(IntervalMinutes)), arrivals, need));
            }
        }
        var problem = new CoverageProblem
        {
            Days = days,
            IntervalMinutes = IntervalMinutes,
            Brands = lines.Select(l => l.Name).ToList(),
            Demand = demand,
            Staff = pool,
        };
        return grid with { Problem = problem, BrandIds = lines.Select(l => l.BrandId).ToList(), Streams = streams };
    }

    /// <summary>Replaces the run's draft with the roster found and stores its figures, with how its shortfall fell as it searched
    /// (<paramref name="trace"/>, <see cref="RosterTrace"/>) when given.</summary>
    public async Task SaveAsync(
        TenantScope agency,
        Guid runId,
        RosterHorizon horizon,
        CoverageSolution solution,
        RosterRunStatus status,
        CancellationToken ct = default,
        string? trace = null
    )
    {
        await using var db = database.Create(agency);
        var run = await db.RosterRuns.SingleAsync(r => r.Id == runId, ct);
        await db.Shifts.Where(s => s.RosterRunId == runId && !s.IsPublished).ExecuteDeleteAsync(ct);
        db.Shifts.AddRange(solution.Shifts.Select(s => horizon.ToShift(s, runId)));
        run.Status = solution.HasRoster ? status : RosterRunStatus.Failed;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.DemandIntervals = horizon.Problem.Demand.Sum(d => d.Sum());
        run.UnderCoverageIntervals = solution.UnderCoverage;
        run.OverCoverageIntervals = solution.OverCoverage;
        run.LowerBoundIntervals = (int)solution.LowerBound;
        run.Objective = (long)solution.Objective;
        run.Shifts = solution.Shifts.Count;
        run.Solutions = solution.Solutions;
        run.ElapsedSeconds = (int)Math.Round(solution.Elapsed.TotalSeconds);
        if (trace is not null)
            run.Trace = trace;
        run.Message =
            !solution.HasRoster ? Describe(solution.Outcome, solution.Status)
            : status == RosterRunStatus.Stopped && run.StopRequestedBy is { } who
                ? $"Stopped by {who}; this is the best roster found by then."
            : null;
        await db.SaveChangesAsync(ct);
    }

    public static string Describe(RosterOutcome outcome, string status) =>
        outcome switch
        {
            RosterOutcome.Infeasible => "No roster keeps every contract rule (for example weekly minimum hours with this much time off).",
            RosterOutcome.NoSolutionInTime => "No roster was found in the time given; give the optimiser more time.",
            RosterOutcome.InvalidProblem => status,
            _ => status,
        };

    /// <summary>
    /// Makes a draft the shift table: roster shifts published before in its weeks are replaced, manual
    /// shifts stay, and routing assigns by the new shifts from now on.
    /// </summary>
    public async Task<WorkResult> PublishAsync(TenantScope agency, Guid runId, CancellationToken ct = default)
    {
        await using var db = database.Create(agency);
        var run = await db.RosterRuns.SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return WorkResult.Refused("The roster was not found.");
        if (run.Status == RosterRunStatus.Published)
            return WorkResult.Refused("This roster is already published.");
        if (run.Status is not (RosterRunStatus.Completed or RosterRunStatus.Stopped))
            return WorkResult.Refused("Only a finished roster can be published.");
        var zone = await book.ZoneAsync(db, ct);
        var from = TimeZoneInfo.ConvertTimeToUtc(run.FirstDay.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(run.FirstDay.AddDays(7 * run.Weeks).ToDateTime(TimeOnly.MinValue), zone);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var replaced = await db
            .Shifts.Where(s => s.IsPublished && s.Source == ShiftSource.Roster && s.StartsAt >= from && s.StartsAt < to)
            .ExecuteDeleteAsync(ct);
        var published = await db
            .Shifts.Where(s => s.RosterRunId == runId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsPublished, true), ct);
        AuditLog.Record(
            db,
            clock.GetUtcNow().UtcDateTime,
            nameof(RosterRun),
            run.Id.ToString(),
            Domain.Auditing.AuditAction.Published,
            new { Status = run.Status.ToString() },
            new
            {
                Status = nameof(RosterRunStatus.Published),
                Shifts = published,
                Replaced = replaced,
                run.FirstDay,
                run.Weeks,
            }
        );
        run.Status = RosterRunStatus.Published;
        run.PublishedAt = clock.GetUtcNow().UtcDateTime;
        run.PublishedBy = db.Tenant.UserName;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return WorkResult.Done(0);
    }

    /// <summary>
    /// Coverage per brand for days of a horizon: staff needed from the forecasts against the draft of
    /// a run (its shifts and the manual ones) or, without a run, against the published shift table.
    /// </summary>
    /// <param name="simulate">Whether to check the coverage by simulation (<see cref="BrandCoverage.Service"/>): ten runs per channel, left out where nobody reads it.</param>
    public async Task<IReadOnlyList<BrandCoverage>> CoverageAsync(
        TenantScope agency,
        RosterHorizon horizon,
        Guid? runId,
        int firstDay,
        int days,
        CancellationToken ct = default,
        bool simulate = true
    )
    {
        await using var db = database.Create(agency);
        var from = horizon.UtcOf(0).AddDays(-1);
        var to = horizon.UtcOf(horizon.Problem.Intervals);
        var query = db.Shifts.AsNoTracking().Where(s => s.EndsAt > from && s.StartsAt < to);
        query = runId is { } id
            ? query.Where(s => s.RosterRunId == id || (s.IsPublished && s.Source == ShiftSource.Manual))
            : query.Where(s => s.IsPublished);
        var shifts = (await query.ToListAsync(ct)).Select(horizon.ToPlanned).OfType<PlannedShift>().ToList();
        var relaxed = horizon.Problem;
        var coverage = CoverageRules.Evaluate(relaxed, shifts);
        int a = firstDay * relaxed.PerDay,
            n = days * relaxed.PerDay;
        var service = simulate ? RosterService.Simulate(horizon.Streams, coverage.Scheduled, a, n) : [];
        return horizon
            .BrandIds.Select(
                (id, b) =>
                    new BrandCoverage(
                        id,
                        relaxed.Brands[b],
                        relaxed.Demand[b].Skip(a).Take(n).ToArray(),
                        coverage.Scheduled[b].Skip(a).Take(n).ToArray()
                    )
                    {
                        Service = service.Where(s => s.Line == b).ToList(),
                    }
            )
            .ToList();
    }
}
