using System.Collections.Concurrent;
using Agency.Domain.Rostering;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Rostering;

/// <summary>
/// Where a running roster is, for the scheduler watching it; <paramref name="Waiting"/> while it waits for another roster to finish.
/// <paramref name="Server"/> names the server building it when that is another one (its figures are then those of its last
/// heartbeat); <paramref name="StopRequested"/> once someone asked it to stop.
/// </summary>
public sealed record RosterLive(
    Guid RunId,
    Guid AgencyId,
    string Step,
    TimeSpan Elapsed,
    TimeSpan Limit,
    int Solutions,
    int UnderCoverage,
    int LowerBound,
    int Demand,
    IReadOnlyList<(double Seconds, int Under)> Trace,
    bool Waiting = false,
    string? Server = null,
    bool StopRequested = false
)
{
    public const string WaitingStep = "Waiting for another roster to finish";

    /// <summary>What a run's row says of it while another server builds it.</summary>
    public static RosterLive Of(RosterRun run) =>
        new(
            run.Id,
            run.AgencyId,
            run.Step ?? "Starting",
            TimeSpan.FromSeconds(run.ElapsedSeconds),
            TimeSpan.FromSeconds(run.TimeLimitSeconds),
            run.Solutions,
            run.UnderCoverageIntervals,
            run.LowerBoundIntervals,
            run.DemandIntervals,
            RosterTrace.Parse(run.Trace),
            run.Step == WaitingStep,
            run.Node ?? "another server",
            run.StopRequestedAt is not null
        );
}

/// <summary>How many rosters one process builds at once.</summary>
public sealed class RosterRunnerOptions
{
    public const string Section = "Rostering";

    /// <summary>Rosters built at the same time (0: one per two cores, at least one); more wait their turn. Each gets an equal share of the cores.</summary>
    public int MaxConcurrentRuns { get; set; }

    public int Concurrent => MaxConcurrentRuns > 0 ? MaxConcurrentRuns : Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>The search threads of one run: the cores shared by the runs that may go at once.</summary>
    public int WorkersPerRun => Math.Max(1, Environment.ProcessorCount / Concurrent);

    /// <summary>This server's name among the servers that share the database (the machine's name unless set).</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>How often a running roster says it is still being built: it stores its progress for the other servers to show, and
    /// notices a stop asked for on another server.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(3);

    private TimeSpan _staleAfter = TimeSpan.FromMinutes(1);

    /// <summary>A run marked running without a heartbeat for this long was interrupted (its server stopped); at least four heartbeats.</summary>
    public TimeSpan StaleAfter
    {
        get => _staleAfter > 4 * Heartbeat ? _staleAfter : 4 * Heartbeat;
        set => _staleAfter = value;
    }
}

/// <summary>The turns of the process's roster runs: at most <see cref="RosterRunnerOptions.Concurrent"/> hold one at once.</summary>
public sealed class RosterTurns(IOptions<RosterRunnerOptions> options)
{
    private readonly SemaphoreSlim _free = new(options.Value.Concurrent, options.Value.Concurrent);

    public int WorkersPerRun => options.Value.WorkersPerRun;

    /// <summary>A turn now, or null when every turn is taken. Disposing the turn gives it back.</summary>
    public IDisposable? TryTake() => _free.Wait(0) ? new Turn(_free) : null;

    /// <summary>The next free turn, in the order asked for.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await _free.WaitAsync(ct);
        return new Turn(_free);
    }

    private sealed class Turn(SemaphoreSlim free) : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
                free.Release();
        }
    }
}

/// <summary>
/// Runs the roster optimiser in the background, one run per agency at a time: the run is stored
/// first, progress (best under-coverage and the bound as they improve) is published to whoever
/// watches, a stop keeps the best roster so far, and the result is saved as the run's draft.
/// Servers that share the database each build their own runs: a run stores its server and beats while it runs
/// (<see cref="RosterRunnerOptions.Heartbeat"/>), so no server starts a second run for an agency while another server's
/// run still beats, and a run whose server stopped beating (or this server's own, after a restart) is marked interrupted.
/// Each beat stores the run's progress, which every other server shows (<see cref="LiveAsync"/>), and picks up a stop
/// asked for on any server (<see cref="StopAsync"/>).
/// The optimiser takes every core it is given, so the process builds at most
/// <see cref="RosterRunnerOptions.MaxConcurrentRuns"/> rosters at once (across agencies), each on its share of the
/// cores; the others wait in turn, shown as waiting, and their time limit counts from when they start.
/// </summary>
public sealed class RosterRunner(
    DatabaseSetup database,
    RosterPlanner planner,
    CrossTenantReader tenants,
    TimeProvider clock,
    ILogger<RosterRunner> log,
    RosterTurns turns,
    IOptions<RosterRunnerOptions> options
)
{
    private const string Interrupted = "Interrupted: the server building it stopped; run it again.";
    private static readonly WorkResult RunningElsewhere = WorkResult.Refused(
        "A roster is already being built for this agency on another server; wait for it."
    );

    private readonly ConcurrentDictionary<Guid, (CancellationTokenSource Stop, RosterLive Live)> _running = new();

    /// <summary>Raised on every change of a running roster (from the optimiser's thread).</summary>
    public event Action<RosterLive>? Changed;

    public RosterLive? Live(Guid runId) => _running.TryGetValue(runId, out var r) ? r.Live : null;

    public bool IsRunning(Guid agencyId) => _running.Values.Any(r => r.Live.AgencyId == agencyId);

    /// <summary>Where the agency's run stands: from memory when this server builds it, else from its last heartbeat; null when it no
    /// longer runs.</summary>
    public async Task<RosterLive?> LiveAsync(TenantScope agency, Guid runId, CancellationToken ct = default)
    {
        if (Live(runId) is { } here && here.AgencyId == agency.AgencyId)
            return here;
        await using var db = database.Create(agency);
        return
            await db.RosterRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.Status == RosterRunStatus.Running, ct)
                is { } run
            ? RosterLive.Of(run)
            : null;
    }

    /// <summary>
    /// Asks the agency's running roster to stop and keep the best roster so far, recording who asked. This server stops its own
    /// run at once; another server's stops at its next heartbeat. False when the run is not running (or not the agency's).
    /// </summary>
    public async Task<bool> StopAsync(TenantScope agency, Guid runId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.Create(agency);
        var asked = await db
            .RosterRuns.Where(r => r.Id == runId && r.Status == RosterRunStatus.Running)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(r => r.StopRequestedAt, r => r.StopRequestedAt ?? now)
                        .SetProperty(r => r.StopRequestedBy, r => r.StopRequestedBy ?? agency.UserName),
                ct
            );
        if (asked == 0)
            return false;
        if (Live(runId) is { } here && here.AgencyId == agency.AgencyId)
        {
            Stop(runId);
            Update(runId, l => l with { StopRequested = true });
        }
        return true;
    }

    public async Task<WorkResult> StartAsync(TenantScope agency, DateOnly? firstDay, int weeks, int seconds, CancellationToken ct = default)
    {
        if (firstDay is not { } first)
            return WorkResult.Invalid("FirstDay", "Choose the Monday the roster starts.");
        if (RosterRun.Validate(first, weeks, seconds) is { } problem)
            return WorkResult.Invalid(
                problem.Contains("Monday") ? "FirstDay"
                    : problem.Contains("weeks") ? "Weeks"
                    : "Seconds",
                problem
            );
        var agencyId = agency.AgencyId!.Value;
        if (IsRunning(agencyId))
            return WorkResult.Refused("A roster is already being built for this agency; stop it or wait for it.");
        await using (var db = database.Create(agency))
        {
            // Another server's run that still beats holds the agency; one whose server stopped is marked interrupted first.
            await FailInterruptedAsync(db, ct);
            if (await AnyRunningAsync(db, ct))
                return RunningElsewhere;
        }
        var horizon = await planner.BuildAsync(agency, first, weeks, ct);
        if (horizon.Problem.Staff.Count == 0)
            return WorkResult.Refused("There is no active staff to roster.");
        if (horizon.Problem.Validate() is { Count: > 0 } invalid)
            return WorkResult.Refused(string.Join(" ", invalid));
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new RosterRun
        {
            FirstDay = first,
            Weeks = weeks,
            TimeLimitSeconds = seconds,
            CreatedAt = now,
            CreatedBy = agency.UserName,
            DemandIntervals = horizon.Problem.Demand.Sum(d => d.Sum()),
            Node = options.Value.NodeName,
            HeartbeatAt = now,
        };
        await using (var db = database.Create(agency))
        {
            db.RosterRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another server stored its run between the check above and this one (one running run per agency is a unique index).
                if (await AnyRunningAsync(db, ct))
                    return RunningElsewhere;
                throw;
            }
        }
        var stop = new CancellationTokenSource();
        var limit = TimeSpan.FromSeconds(seconds);
        var live = new RosterLive(run.Id, agencyId, "Starting", TimeSpan.Zero, limit, 0, 0, 0, run.DemandIntervals, []);
        _running[run.Id] = (stop, live);
        _ = Task
            .Factory.StartNew(
                () => RunAsync(agency, run.Id, horizon, limit, stop),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default
            )
            .Unwrap();
        return new WorkResult(true, Field: run.Id.ToString());
    }

    public bool Stop(Guid runId)
    {
        if (!_running.TryGetValue(runId, out var r))
            return false;
        r.Stop.Cancel();
        return true;
    }

    private async Task RunAsync(TenantScope agency, Guid runId, RosterHorizon horizon, TimeSpan limit, CancellationTokenSource stop)
    {
        var turn = turns.TryTake();
        using var beating = new CancellationTokenSource();
        var heart = BeatAsync(agency, runId, beating.Token);
        try
        {
            if (turn is null)
            {
                Update(runId, l => l with { Step = RosterLive.WaitingStep, Waiting = true });
                try
                {
                    turn = await turns.TakeAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    await EndAsync(
                        agency,
                        runId,
                        RosterRunStatus.Cancelled,
                        "Cancelled while waiting for another roster to finish; nothing was built."
                    );
                    return;
                }
                Update(runId, l => l with { Step = "Starting", Waiting = false });
            }
            var trace = new List<(double, int)>();
            var progress = new Inline(p =>
            {
                if (p.Solutions > 0)
                    trace.Add((p.Elapsed.TotalSeconds, p.UnderCoverage));
                Update(runId, l =>
                    l with
                    {
                        Step = p.Step,
                        Elapsed = p.Elapsed,
                        Solutions = p.Solutions,
                        UnderCoverage = p.UnderCoverage,
                        LowerBound = (int)p.LowerBound,
                        Trace = trace.ToList(),
                    }
                );
            });
            // The solver reports only better rosters; the clock ticks every second so a run that finds none does not look hung.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            CoverageSolution solution;
            using (
                new Timer(
                    _ => Update(runId, l => l.Elapsed < watch.Elapsed ? l with { Elapsed = watch.Elapsed } : l),
                    null,
                    TimeSpan.FromSeconds(1),
                    TimeSpan.FromSeconds(1)
                )
            )
                solution = CoverageRosterSolver.Solve(horizon.Problem, limit, progress, stop.Token, workers: turns.WorkersPerRun);
            Update(runId, l => l with { Step = "Saving the roster" });
            // The trace ends at the roster kept (the exact path may keep an earlier roster than CP-SAT's last).
            if (solution.HasRoster && (trace.Count == 0 || trace[^1].Item2 != solution.UnderCoverage))
                trace.Add((solution.Elapsed.TotalSeconds, solution.UnderCoverage));
            await planner.SaveAsync(
                agency,
                runId,
                horizon,
                solution,
                stop.IsCancellationRequested ? RosterRunStatus.Stopped : RosterRunStatus.Completed,
                trace: RosterTrace.Format(trace)
            );
            Operations.AgencyMeter.RosterRuns.Add(
                1,
                new KeyValuePair<string, object?>(
                    "outcome",
                    !solution.HasRoster ? "failed"
                        : stop.IsCancellationRequested ? "stopped"
                        : "completed"
                )
            );
        }
        catch (Exception e)
        {
            log.LogError(e, "Roster run {RunId} failed", runId);
            await EndAsync(agency, runId, RosterRunStatus.Failed, "The optimiser failed; see the log.");
            Operations.AgencyMeter.RosterRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        }
        finally
        {
            await beating.CancelAsync();
            await heart;
            turn?.Dispose();
            if (_running.TryRemove(runId, out var r))
            {
                r.Stop.Dispose();
                Changed?.Invoke(r.Live with { Step = "Done", Waiting = false });
            }
        }
    }

    private async Task EndAsync(TenantScope agency, Guid runId, RosterRunStatus status, string message)
    {
        await using var db = database.Create(agency);
        await db
            .RosterRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(u =>
                u.SetProperty(r => r.Status, status)
                    .SetProperty(r => r.Message, message)
                    .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime)
            );
    }

    // Progress comes from the solver's threads and the clock's ticks: one change at a time, so none is lost.
    private readonly Lock _updating = new();

    private void Update(Guid runId, Func<RosterLive, RosterLive> change)
    {
        RosterLive next;
        lock (_updating)
        {
            if (!_running.TryGetValue(runId, out var r))
                return;
            next = change(r.Live);
            _running[runId] = (r.Stop, next);
        }
        Changed?.Invoke(next);
    }

    private static Task<bool> AnyRunningAsync(AgencyDbContext db, CancellationToken ct) =>
        db.RosterRuns.AnyAsync(r => r.Status == RosterRunStatus.Running, ct);

    /// <summary>
    /// Says the run is still being built, every <see cref="RosterRunnerOptions.Heartbeat"/> until it ends: stores where it stands for
    /// the other servers, and stops it when someone asked on another server.
    /// </summary>
    private async Task BeatAsync(TenantScope agency, Guid runId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Heartbeat, ct);
                if (Live(runId) is not { } live)
                    return;
                var (step, elapsed, trace) = (live.Step, (int)live.Elapsed.TotalSeconds, RosterTrace.Format(live.Trace));
                await using var db = database.Create(agency);
                await db
                    .RosterRuns.Where(r => r.Id == runId && r.Status == RosterRunStatus.Running)
                    .ExecuteUpdateAsync(
                        u =>
                            u.SetProperty(r => r.HeartbeatAt, clock.GetUtcNow().UtcDateTime)
                                .SetProperty(r => r.Step, step)
                                .SetProperty(r => r.ElapsedSeconds, elapsed)
                                .SetProperty(r => r.Trace, trace)
                                .SetProperty(r => r.Solutions, live.Solutions)
                                .SetProperty(r => r.UnderCoverageIntervals, live.UnderCoverage)
                                .SetProperty(r => r.LowerBoundIntervals, live.LowerBound),
                        ct
                    );
                if (!live.StopRequested && await db.RosterRuns.AnyAsync(r => r.Id == runId && r.StopRequestedAt != null, ct))
                {
                    Stop(runId);
                    Update(runId, l => l with { StopRequested = true });
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A missed beat is retried at the next; the run goes on.
                log.LogWarning(e, "Roster run {RunId}: heartbeat not stored", runId);
            }
        }
    }

    /// <summary>Marks as interrupted the agency's runs still marked running that nobody builds: this server's own that it no longer
    /// runs (a restart), and any server's whose heartbeat stopped.</summary>
    private async Task FailInterruptedAsync(AgencyDbContext db, CancellationToken ct)
    {
        var node = options.Value.NodeName;
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.StaleAfter;
        var mine = _running.Keys.ToList();
        await db
            .RosterRuns.Where(r =>
                r.Status == RosterRunStatus.Running
                && !mine.Contains(r.Id)
                && (r.Node == null || r.Node == node || r.HeartbeatAt == null || r.HeartbeatAt < stale)
            )
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(r => r.Status, RosterRunStatus.Failed)
                        .SetProperty(r => r.Message, Interrupted)
                        .SetProperty(r => r.FinishedAt, now),
                ct
            );
    }

    /// <summary>At start-up: marks as interrupted the runs this server left running, and those of servers that stopped beating.</summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        foreach (var agencyId in await tenants.AgenciesWithRunningRostersAsync(ct))
        {
            await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.System));
            await FailInterruptedAsync(db, ct);
        }
    }

    private sealed class Inline(Action<CoverageProgress> on) : IProgress<CoverageProgress>
    {
        public void Report(CoverageProgress value) => on(value);
    }
}
