using System.Runtime.CompilerServices;
using Agency.Domain.Rostering;
using Google.OrTools.Sat;

namespace Agency.Infrastructure.Rostering;

/// <summary>How a roster search stands: the best roster's objective and under-coverage, and the lower bound on under-coverage.</summary>
public sealed record CoverageProgress(string Step, double Objective, int UnderCoverage, double LowerBound, TimeSpan Elapsed, int Solutions);

/// <summary>How to search: one exact CP-SAT model, local search, or by the pool's size (benchmarks compare the two).</summary>
public enum RosterStrategy
{
    Auto,
    Exact,
    Search,
}

public sealed record CoverageSolution(
    RosterOutcome Outcome,
    IReadOnlyList<PlannedShift> Shifts,
    double Objective,
    int UnderCoverage,
    int OverCoverage,
    double LowerBound,
    TimeSpan Elapsed,
    int Solutions,
    string Status
)
{
    public bool HasRoster => Outcome is RosterOutcome.Optimal or RosterOutcome.Feasible;

    /// <summary>How far the under-coverage is above the lower bound, as a share of the bound (0 when both are 0).</summary>
    public double GapToBound =>
        UnderCoverage <= LowerBound ? 0
        : LowerBound <= 0 ? double.PositiveInfinity
        : (UnderCoverage - LowerBound) / LowerBound;
}

/// <summary>
/// Builds a roster for the staff pool. A pool whose exact model is small enough (people x days x
/// shift shapes up to <see cref="ModelSize"/>) is planned in one OR-Tools CP-SAT model: one Boolean
/// per person, day, start on the grid and length, every labour rule a constraint, minimising
/// weighted under-coverage, over-coverage, hours worked, hours outside preferred hours and unfairness (the most weekends and late
/// shifts anyone works), starting from a quick first roster as a hint. A larger pool starts from the
/// first roster (<see cref="GreedyRoster"/>), goes to a local optimum (<see cref="LocalSearch"/>),
/// then ruins and recreates parts of it (one brand's people on one to three days; every other round re-plans with ejection
/// chains too, for at most <see cref="RoundLimit"/>) until the time limit, on
/// <c>workers</c> threads (every core by default), each round merged into the best roster of the moment
/// (<see cref="RosterMerge"/>) when it is no worse (a round of equal cost moves the search along a plateau).
/// Each better roster is reported with the lower bound on under-coverage (<see cref="CoverageBound"/>, and
/// <see cref="ShapeBound"/> once its programmes are solved);
/// a stop keeps the best roster.
/// </summary>
public static class CoverageRosterSolver
{
    /// <summary>Choice variables one CP-SAT model of the whole pool may hold and still solve well in seconds.</summary>
    private const int ModelSize = 40_000;

    /// <summary>
    /// The longest a ruin-and-recreate round with ejection chains searches: its chains keep finding small gains around the ruin for
    /// long, and many short rounds in different places gain more than few long ones.
    /// </summary>
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMilliseconds(250);

    /// <summary>The share of the time a large pool searches before the search starts again from its best roster.</summary>
    private const double FirstPartShare = 0.8;

    /// <summary>
    /// A large pool is searched in two parts. The second (the last <c>1 - </c><see cref="FirstPartShare"/> of the time) starts
    /// again from the best roster of the first: a descent over the whole roster finds at once what the focused rounds had not
    /// tried. On the benchmark pool (60 s) this ended 2,560-2,608 short in six runs against 2,615-2,643 in four without.
    /// Where some people have preferred hours, the first part weighs them nothing: many moves that cover alike are then equal,
    /// and the search moves freely between them (with the small penalty in from the start, one 60 s run of the benchmark pool
    /// with half the people preferring a window ended 2,984 short instead of about 2,620). Between the parts colleagues trade
    /// shifts where both end nearer their hours and cover stays (<see cref="PreferenceSwaps"/>), and the second part weighs
    /// everything; a roster is kept only when its objective is no worse. The exact model weighs preferences throughout.
    /// </summary>
    public static CoverageSolution Solve(
        CoverageProblem p,
        TimeSpan timeLimit,
        IProgress<CoverageProgress>? progress = null,
        CancellationToken ct = default,
        int workers = 0,
        int seed = 7,
        RosterStrategy strategy = RosterStrategy.Auto
    )
    {
        var large = strategy == RosterStrategy.Search || (strategy == RosterStrategy.Auto && !ModelFits(p));
        if (!large || p.Validate().Count > 0)
            return SolveWith(p, timeLimit, progress, ct, workers, seed, strategy);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var preferences = p.Weights.OutsidePreferredPerInterval > 0 && p.Staff.Any(m => m.Preferred is not null);
        var firstProblem = preferences ? p.WithWeights(p.Weights with { OutsidePreferredPerInterval = 0 }) : p;
        var first = SolveWith(firstProblem, timeLimit * FirstPartShare, progress, ct, workers, seed, strategy);
        if (!first.HasRoster)
            return first;
        var left = timeLimit - watch.Elapsed;
        if (left <= TimeSpan.FromMilliseconds(300) || ct.IsCancellationRequested)
            return Finish(p, first.Shifts, (int)first.LowerBound, watch, first.Solutions, first.Outcome, first.Status);
        var (start, startCost) = (first.Shifts, preferences ? CoverageRules.Cost(p, first.Shifts) : (long)first.Objective);
        if (preferences)
        {
            var traded = PreferenceSwaps.Improve(p, start, left / 2, ct);
            var tradedCost = CoverageRules.Cost(p, traded);
            Trace($"preference swaps: cost {startCost} -> {tradedCost} after {watch.Elapsed.TotalSeconds:F1} s");
            if (tradedCost <= startCost && CoverageRules.Violations(p, traded).Count == 0)
                (start, startCost) = (traded, tradedCost);
        }
        // The second part's progress goes on from the first's: its seconds and rosters counted from the whole run's start.
        var (offset, before) = (watch.Elapsed, first.Solutions);
        var onward = progress is null
            ? null
            : new Onward(r => progress.Report(r with { Elapsed = r.Elapsed + offset, Solutions = r.Solutions + before }));
        var second = SolveWith(
            p,
            timeLimit - watch.Elapsed,
            onward,
            ct,
            workers,
            seed + 1,
            strategy,
            start: start,
            knownBound: (int)first.LowerBound
        );
        var best = second.HasRoster && second.Objective <= startCost ? second.Shifts : start;
        var then = preferences ? "then preferred hours and the search again" : "then the search again from its best roster";
        return Finish(
            p,
            best,
            (int)first.LowerBound,
            watch,
            first.Solutions + second.Solutions,
            first.Outcome,
            $"{first.Status}; {then}: {second.Status}"
        );
    }

    /// <summary>Whether the exact model of the whole pool (people x days x starts x lengths) is small enough to solve well in seconds.</summary>
    private static bool ModelFits(CoverageProblem p) =>
        (long)p.Days * p.PerDay * p.Staff.Select(m => p.Lengths(m).Count()).DefaultIfEmpty(1).Max() * p.Staff.Count <= ModelSize;

    private sealed class Onward(Action<CoverageProgress> report) : IProgress<CoverageProgress>
    {
        public void Report(CoverageProgress value) => report(value);
    }

    /// <param name="start">A valid roster to search on from instead of a first roster of its own.</param>
    /// <param name="knownBound">The shape bound when already solved for this pool and demand (it does not depend on the weights).</param>
    private static CoverageSolution SolveWith(
        CoverageProblem p,
        TimeSpan timeLimit,
        IProgress<CoverageProgress>? progress,
        CancellationToken ct,
        int workers,
        int seed,
        RosterStrategy strategy,
        IReadOnlyList<PlannedShift>? start = null,
        int? knownBound = null
    )
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (p.Validate() is { Count: > 0 } invalid)
            return new CoverageSolution(RosterOutcome.InvalidProblem, [], 0, 0, 0, 0, TimeSpan.Zero, 0, string.Join(" ", invalid));
        var capacity = Math.Max(CoverageBound.Compute(p), knownBound ?? 0);
        // The shape-aware bound is a few linear programmes, solved on a thread of its own alongside the search (not a pool
        // thread, which a portal needs for requests) and used once it is known; a failed programme leaves the capacity bound.
        var shapeBound = -1;
        var shapeThread = new Thread(() =>
        {
            try
            {
                Volatile.Write(ref shapeBound, ShapeBound.Best(p, Min(timeLimit, TimeSpan.FromSeconds(30))));
            }
            catch (Exception e)
            {
                Trace($"shape bound failed: {e.Message}");
            } // on its own thread: an escape would end the process
            Trace($"shape bound {Volatile.Read(ref shapeBound)} after {watch.Elapsed.TotalSeconds:F1} s");
        })
        {
            IsBackground = true,
            Name = "roster-shape-bound",
        };
        if (knownBound is null)
            shapeThread.Start();
        int Bound() => Math.Max(capacity, Volatile.Read(ref shapeBound));
        int FinalBound()
        {
            if (knownBound is null)
                shapeThread.Join(TimeSpan.FromSeconds(2));
            return Bound();
        }
        if (start is null)
            progress?.Report(new CoverageProgress("Building a first roster", 0, 0, capacity, watch.Elapsed, 0));
        IReadOnlyList<PlannedShift> best = start?.ToList() ?? GreedyRoster.Build(p, seed).ToList();
        // The weekends-first roster when it is valid and better (it keeps hours for weekends, which day-by-day planning spends early).
        if (
            start is null
            && GreedyRoster.BuildWeekendsFirst(p, seed) is { } weekendsFirst
            && (CoverageRules.Violations(p, best).Count > 0 || CoverageRules.Cost(p, weekendsFirst) < CoverageRules.Cost(p, best))
        )
            best = weekendsFirst.ToList();
        var solutions = 0;
        var everyone = Enumerable.Range(0, p.Staff.Count).ToArray();
        var deadline = timeLimit;
        TimeSpan Left() => deadline - watch.Elapsed;

        var exact = strategy switch
        {
            RosterStrategy.Exact => true,
            RosterStrategy.Search => false,
            _ => CoverageRules.Violations(p, best).Count > 0 || ModelFits(p),
        };
        if (exact)
        {
            // A small pool (or no valid first roster): one exact model of everyone, hinted with the local search's roster
            // (CP-SAT does not always take a hint quickly; the better of the two is kept).
            var valid = CoverageRules.Violations(p, best).Count == 0;
            if (valid)
            {
                var searched = LocalSearch.Improve(p, best, Left() / 4, ct, seed: seed);
                if (CoverageRules.Violations(p, searched).Count == 0 && CoverageRules.Cost(p, searched) < CoverageRules.Cost(p, best))
                    best = searched.ToList();
                progress?.Report(
                    new CoverageProgress(
                        "Searching",
                        CoverageRules.Cost(p, best),
                        CoverageRules.Evaluate(p, best).UnderCoverage,
                        Bound(),
                        watch.Elapsed,
                        ++solutions
                    )
                );
            }
            // CP-SAT's first solutions can be worse than the hinted roster: only better ones are reported, so progress is the best so far.
            var reported = valid ? CoverageRules.Cost(p, best) : double.PositiveInfinity;
            var whole = SolveModel(p, everyone, best, Left(), workers, ct, r =>
            {
                if (r.Objective >= reported)
                    return;
                reported = r.Objective;
                progress?.Report(r with { LowerBound = Bound(), Elapsed = watch.Elapsed, Solutions = solutions + r.Solutions });
            });
            // CP-SAT found nothing better in the time (a busy machine, a short limit): the valid roster so far is kept.
            if (
                valid
                && whole.Status != CpSolverStatus.Infeasible
                && (whole.Shifts is null || CoverageRules.Cost(p, whole.Shifts) > CoverageRules.Cost(p, best))
            )
                return Finish(
                    p,
                    best,
                    FinalBound(),
                    watch,
                    solutions + whole.Solutions,
                    RosterOutcome.Feasible,
                    $"Local search ({whole.Status} from CP-SAT)"
                );
            if (whole.Shifts is null)
                return new CoverageSolution(
                    whole.Status == CpSolverStatus.Infeasible ? RosterOutcome.Infeasible : RosterOutcome.NoSolutionInTime,
                    [],
                    0,
                    0,
                    0,
                    FinalBound(),
                    watch.Elapsed,
                    0,
                    whole.Status.ToString()
                );
            return Finish(
                p,
                whole.Shifts,
                FinalBound(),
                watch,
                whole.Solutions,
                whole.Status == CpSolverStatus.Optimal ? RosterOutcome.Optimal : RosterOutcome.Feasible,
                whole.Status.ToString()
            );
        }

        var bestCoverage = CoverageRules.Evaluate(p, best);
        var (bestUnder, bestOver) = (bestCoverage.UnderCoverage, bestCoverage.OverCoverage);
        var bestCost = CoverageRules.Cost(p, best, bestUnder, bestOver);
        var bestSet = best.ToHashSet();
        int[,]? shortfall = null; // per day and brand, of the best roster; recounted when the best changes
        var gate = new object();
        // No roster can be less short than the bound: once the best reaches it and the other terms (hours, preferences,
        // fairness) have not improved for a while, the search stops instead of running out its time.
        using var atBound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var search = atBound.Token;
        var lastBetter = watch.Elapsed;
        var settle = timeLimit / 10 > AtBoundSettle ? timeLimit / 10 : AtBoundSettle;
        void StopAtBound()
        {
            if (bestUnder <= Bound() && watch.Elapsed - lastBetter > settle)
                atBound.Cancel();
        }
        if (start is null)
            Report(); // a second part reports only rosters better than the one it was given
        // Local search to a local optimum, then ruin and recreate: free the shifts of one brand's people on one to three days and search
        // again, on every core. Each round starts from the best roster of the moment; what it changes is merged into the best
        // roster as it is then, when no other round has changed the same shifts meanwhile and the merged roster is better.
        var rounds = 0;
        var serving = Enumerable
            .Range(0, p.Brands.Count)
            .Select(b => Enumerable.Range(0, p.Staff.Count).Where(i => p.Staff[i].Brands.Contains(b)).ToList())
            .ToArray();
        var startSet = new StrongBox<HashSet<PlannedShift>>(bestSet);
        if (!search.IsCancellationRequested)
            LocalSearch.Improve(p, best, Left(), search, sweep => Keep(sweep, startSet), seed);
        var threads = Enumerable
            .Range(1, Math.Max(1, workers > 0 ? workers : Environment.ProcessorCount) - 1)
            .Select(k => new Thread(() => Rounds(k)) { IsBackground = true, Name = $"roster-search-{k}" })
            .ToList();
        foreach (var thread in threads)
            thread.Start();
        Rounds(0);
        foreach (var thread in threads)
            thread.Join();
        return Finish(
            p,
            best,
            FinalBound(),
            watch,
            solutions,
            RosterOutcome.Feasible,
            $"Local search, {rounds} ruin-and-recreate rounds on {threads.Count + 1} threads"
        );

        void Rounds(int worker)
        {
            var rng = new Random(seed + 7919 * worker);
            while (Left() > TimeSpan.FromMilliseconds(200) && !search.IsCancellationRequested)
            {
                IReadOnlyList<PlannedShift> from;
                StrongBox<HashSet<PlannedShift>> fromSet;
                int round;
                int[,] drawFrom;
                lock (gate)
                {
                    StopAtBound(); // checked each round: the shape bound can rise to the best roster while nothing improves
                    (from, fromSet, round) = (best, new(bestSet), ++rounds);
                    drawFrom = shortfall ??= Shortfall(p, best);
                }
                // Half the rounds ruin where the roster is short (a day and brand drawn by their shortfall), half anywhere. Most ruin
                // one day (small rounds are many, and the week plan re-plans the weeks around it); one in three ruins two or three.
                var (first, brand) = round % 2 == 0 ? Draw(drawFrom, rng) : (rng.Next(p.Days), rng.Next(p.Brands.Count));
                var days = rng.Next(3) == 0 ? 2 + rng.Next(2) : 1;
                first = Math.Max(0, first - rng.Next(days));
                var ruined = from.Where(s => !(p.Staff[s.Person].Brands.Contains(brand) && s.Day >= first && s.Day < first + days))
                    .ToList();
                // Only the freed people's days around the ruin are searched again: a round takes a fraction of a second, not a whole sweep.
                // The rounds that ruin anywhere also try ejection chains, for at most RoundLimit; those aimed at a shortfall search as before
                // (all rounds with chains gain more with demand beyond the pool, and lose more where the pool has hours to spare).
                var chained = round % 2 == 1;
                var result = LocalSearch.Improve(
                    p,
                    ruined,
                    chained ? Min(Left(), RoundLimit) : Left(),
                    search,
                    sweep => Keep(sweep, fromSet),
                    seed + round,
                    (serving[brand], first - 1, first + days),
                    chains: chained
                );
                if (Tracing)
                    Trace($"round {round}: brand {brand}, days {first}+{days}: {CoverageRules.Cost(p, result)} vs {bestCost}");
            }
        }

        // What a sweep changed against the roster its round started from (or last merged) is merged into the best roster, and
        // kept when no rule breaks and the objective is no higher. Only the intervals of changed shifts are counted again.
        void Keep(IReadOnlyList<PlannedShift> sweep, StrongBox<HashSet<PlannedShift>> start)
        {
            lock (gate)
            {
                if (RosterMerge.Apply(best, bestSet, start.Value!, sweep, p.PerDay) is not { } change)
                    return;
                var was = CoverageRules.Evaluate(p, best, change.From, change.To);
                var now = CoverageRules.Evaluate(p, change.Shifts, change.From, change.To);
                int under = bestUnder - was.UnderCoverage + now.UnderCoverage,
                    over = bestOver - was.OverCoverage + now.OverCoverage;
                var cost = CoverageRules.Cost(p, change.Shifts, under, over);
                if (cost > bestCost || CoverageRules.Violations(p, change.Shifts, change.People).Count > 0)
                    return;
                var better = cost < bestCost;
                best = change.Shifts;
                (bestCost, bestUnder, bestOver, bestSet, shortfall) = (cost, under, over, best.ToHashSet(), null);
                start.Value = sweep.ToHashSet();
                if (better)
                {
                    lastBetter = watch.Elapsed;
                    Report();
                }
            }
        }

        void Report()
        {
            solutions++;
            progress?.Report(new CoverageProgress("Improving", bestCost, bestUnder, Bound(), watch.Elapsed, solutions));
        }
    }

    /// <summary>How long a run at the lower bound goes on finding nothing better before it stops (at least; a tenth of its time).</summary>
    internal static readonly TimeSpan AtBoundSettle = TimeSpan.FromSeconds(5);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Intervals short per day and brand.</summary>
    private static int[,] Shortfall(CoverageProblem p, IReadOnlyList<PlannedShift> roster)
    {
        var scheduled = CoverageRules.Evaluate(p, roster).Scheduled;
        var shortfall = new int[p.Days, p.Brands.Count];
        for (var b = 0; b < p.Brands.Count; b++)
        for (var t = 0; t < p.Intervals; t++)
            shortfall[t / p.PerDay, b] += Math.Max(0, p.Demand[b][t] - scheduled[b][t]);
        return shortfall;
    }

    /// <summary>A day and brand, drawn in proportion to the intervals short on that day for that brand (any, when none are).</summary>
    private static (int Day, int Brand) Draw(int[,] shortfall, Random rng)
    {
        int days = shortfall.GetLength(0),
            brands = shortfall.GetLength(1);
        var total = 0;
        foreach (var x in shortfall)
            total += x;
        if (total == 0)
            return (rng.Next(days), rng.Next(brands));
        var draw = rng.Next(total);
        for (var d = 0; d < days; d++)
        for (var b = 0; b < brands; b++)
            if ((draw -= shortfall[d, b]) < 0)
                return (d, b);
        return (days - 1, brands - 1);
    }

    private static bool Tracing => Environment.GetEnvironmentVariable("AGENCY_ROSTER_TRACE") is not null;

    private static void Trace(string line)
    {
        if (Tracing)
            Console.WriteLine("    " + line);
    }

    private static CoverageSolution Finish(
        CoverageProblem p,
        IReadOnlyList<PlannedShift> shifts,
        int bound,
        System.Diagnostics.Stopwatch watch,
        int solutions,
        RosterOutcome outcome,
        string status
    )
    {
        var coverage = CoverageRules.Evaluate(p, shifts);
        return new CoverageSolution(
            outcome,
            shifts,
            CoverageRules.Cost(p, shifts),
            coverage.UnderCoverage,
            coverage.OverCoverage,
            bound,
            watch.Elapsed,
            solutions,
            status
        );
    }

    private sealed record ModelResult(IReadOnlyList<PlannedShift>? Shifts, CpSolverStatus Status, int Solutions);

    /// <summary>
    /// Re-plans the chosen people exactly while everyone else keeps their shifts: their coverage is
    /// taken off the demand, and the fairness terms start from the others' most weekends and late shifts.
    /// </summary>
    private static ModelResult SolveModel(
        CoverageProblem whole,
        int[] chosen,
        IReadOnlyList<PlannedShift> current,
        TimeSpan timeLimit,
        int workers,
        CancellationToken ct,
        Action<CoverageProgress>? onSolution
    )
    {
        if (ct.IsCancellationRequested)
            return new ModelResult(null, CpSolverStatus.Unknown, 0); // stopped before the model was built
        var chosenSet = chosen.ToHashSet();
        var fixedShifts = current.Where(s => !chosenSet.Contains(s.Person)).ToList();
        var fixedCover = CoverageRules.Evaluate(whole, fixedShifts).Scheduled;
        var p = new CoverageProblem
        {
            Days = whole.Days,
            IntervalMinutes = whole.IntervalMinutes,
            Brands = whole.Brands,
            Weights = whole.Weights,
            Demand = whole.Demand.Select((d, b) => d.Select((v, t) => Math.Max(0, v - fixedCover[b][t])).ToArray()).ToList(),
            Staff = chosen.Select(i => whole.Staff[i]).ToList(),
        };
        var hint = current
            .Where(s => chosenSet.Contains(s.Person))
            .ToDictionary(s => (Array.IndexOf(chosen, s.Person), s.Day), s => new Pattern(s.Start, s.Length));
        var lateFloor = fixedShifts
            .GroupBy(s => s.Person)
            .Select(g => g.Count(s => whole.IsLate(s.Start, s.Length)))
            .DefaultIfEmpty(0)
            .Max();
        var weekendFloor = fixedShifts
            .GroupBy(s => s.Person)
            .Select(g => g.Select(s => s.Day).Where(CoverageProblem.IsWeekendDay).Select(d => d / 7).Distinct().Count())
            .DefaultIfEmpty(0)
            .Max();
        var groups = p
            .Staff.Select((m, i) => (m, i))
            .GroupBy(x => string.Join(',', x.m.Brands.Order()))
            .Select(g => (Brands: g.First().m.Brands.Order().ToArray(), Members: g.Select(x => x.i).ToArray()))
            .ToList();

        var model = new CpModel();
        int T = p.Intervals,
            P = p.PerDay,
            G = groups.Count;
        var groupOf = new int[p.Staff.Count];
        for (var g = 0; g < G; g++)
            foreach (var i in groups[g].Members)
                groupOf[i] = g;
        var choices = new List<(BoolVar X, Pattern Shape)>[p.Staff.Count, p.Days];
        var startsAt = new List<BoolVar>[G, T + 1];
        var endsAt = new List<BoolVar>[G, T + 1];
        var worked = new List<LinearExpr>();
        var outsidePreferred = new List<LinearExpr>();
        var lateTerms = new List<LinearExpr>[p.Staff.Count];
        var maxLate = model.NewIntVar(Math.Min(lateFloor, p.Days), p.Days, "maxLate");
        var maxWeekends = model.NewIntVar(Math.Min(weekendFloor, p.Weeks), p.Weeks, "maxWeekends");

        for (var s = 0; s < p.Staff.Count; s++)
        {
            var m = p.Staff[s];
            var g = groupOf[s];
            var work = new ILiteral?[p.Days];
            var startExpr = new LinearExpr?[p.Days];
            var endExpr = new LinearExpr?[p.Days];
            lateTerms[s] = [];
            var weekMinutes = Enumerable.Range(0, p.Weeks).Select(_ => new List<(BoolVar, int)>()).ToArray();
            for (var d = 0; d < p.Days; d++)
            {
                if (m.BusyDays.Contains(d))
                    continue;
                var hinted = hint.TryGetValue((s, d), out var h) ? h : (Pattern?)null;
                var shapes = Shapes(p, m).Where(c => m.IsFree(d * P + c.Start, d * P + c.Start + c.Length)).ToList();
                if (shapes.Count == 0)
                    continue;
                var list = choices[s, d] = [];
                foreach (var shape in shapes)
                {
                    var x = model.NewBoolVar("");
                    list.Add((x, shape));
                    model.AddHint(x, hinted == shape ? 1 : 0);
                    var from = d * P + shape.Start;
                    (startsAt[g, from] ??= []).Add(x);
                    if (from + shape.Length <= T)
                        (endsAt[g, from + shape.Length] ??= []).Add(x);
                    weekMinutes[d / 7].Add((x, shape.Length));
                    if (p.IsLate(shape.Start, shape.Length))
                        lateTerms[s].Add(x);
                    worked.Add(shape.Length * (LinearExpr)x);
                    if (
                        m.Preferred is not null
                        && CoverageRules.OutsidePreferred(p, new PlannedShift(s, d, shape.Start, shape.Length)) is > 0 and var outside
                    )
                        outsidePreferred.Add(outside * (LinearExpr)x);
                }
                var w = model.NewBoolVar("");
                model.Add(LinearExpr.Sum(list.Select(c => c.X)) == w);
                work[d] = w;
                startExpr[d] = LinearExpr.WeightedSum(list.Select(c => c.X), list.Select(c => (long)(d * P + c.Shape.Start)));
                endExpr[d] = LinearExpr.WeightedSum(
                    list.Select(c => c.X),
                    list.Select(c => (long)(d * P + c.Shape.Start + c.Shape.Length))
                );
            }
            // Rest between shifts on nearby days (shifts last at most 16 hours, rest at most a day: two days ahead suffice).
            for (var d = 0; d < p.Days; d++)
            for (var k = 1; k <= 2 && d + k < p.Days; k++)
                if (work[d] is { } a && work[d + k] is { } b)
                    model.Add(startExpr[d + k]! - endExpr[d]! >= m.MinRestIntervals).OnlyEnforceIf([a, b]);
            for (var week = 0; week < p.Weeks; week++)
            {
                var hours = LinearExpr.WeightedSum(weekMinutes[week].Select(z => z.Item1), weekMinutes[week].Select(z => (long)z.Item2));
                model.Add(hours <= Math.Max(0, m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(week)));
                if (p.MinWeek(m, week) is > 0 and var least)
                    model.Add(hours >= least);
            }
            LinearExpr Day(int d) =>
                m.BusyDays.Contains(d) ? LinearExpr.Constant(1)
                : work[d] is BoolVar v ? v
                : LinearExpr.Constant(0);
            for (var d = 0; d + m.MaxConsecutiveDays < p.Days; d++)
                model.Add(LinearExpr.Sum(Enumerable.Range(d, m.MaxConsecutiveDays + 1).Select(Day)) <= m.MaxConsecutiveDays);
            var weekends = new LinearExpr[p.Weeks];
            for (var week = 0; week < p.Weeks; week++)
            {
                var days = new[] { 7 * week + 5, 7 * week + 6 }.Where(d => d < p.Days).ToList();
                if (days.Any(m.BusyDays.Contains))
                {
                    weekends[week] = LinearExpr.Constant(1);
                    continue;
                }
                var lits = days.Select(d => work[d]).OfType<BoolVar>().ToList();
                if (lits.Count == 0)
                {
                    weekends[week] = LinearExpr.Constant(0);
                    continue;
                }
                var we = model.NewBoolVar("");
                foreach (var l in lits)
                    model.AddImplication(l, we);
                model.AddBoolOr(lits.Cast<ILiteral>().Append(we.Not()));
                weekends[week] = we;
            }
            foreach (var window in CoverageRules.WeekendWindows(p))
                model.Add(LinearExpr.Sum(window.Select(w => weekends[w])) <= m.MaxWeekendsPer4Weeks);
            model.Add(LinearExpr.Sum(weekends) <= maxWeekends);
            model.Add(LinearExpr.Sum(lateTerms[s]) <= maxLate);
        }

        // Coverage: people on shift per group and interval (a running sum of starts and ends), split over the brands they serve.
        var underTerms = new List<IntVar>();
        var overTerms = new List<IntVar>();
        var lastOn = new IntVar?[G];
        for (var t = 0; t < T; t++)
        {
            var supply = p.Brands.Select(_ => new List<IntVar>()).ToArray();
            var onNow = new List<IntVar>();
            for (var g = 0; g < G; g++)
            {
                var previous = lastOn[g];
                if (previous is null && startsAt[g, t] is not { Count: > 0 })
                    continue;
                var on = model.NewIntVar(0, groups[g].Members.Length, "");
                model.Add(
                    on
                        == (previous is null ? LinearExpr.Constant(0) : previous)
                            + LinearExpr.Sum(startsAt[g, t] ?? [])
                            - LinearExpr.Sum(endsAt[g, t] ?? [])
                );
                lastOn[g] = on;
                onNow.Add(on);
                var serving = groups[g].Brands.Where(b => p.Demand[b][t] > 0).ToList();
                if (serving.Count == 1)
                {
                    supply[serving[0]].Add(on);
                    continue;
                }
                var parts = serving.Select(b => (b, a: model.NewIntVar(0, groups[g].Members.Length, ""))).ToList();
                if (parts.Count > 0)
                    model.Add(LinearExpr.Sum(parts.Select(z => z.a)) <= on);
                foreach (var (b, a) in parts)
                    supply[b].Add(a);
            }
            var totalDemand = 0;
            for (var b = 0; b < p.Brands.Count; b++)
            {
                var demand = p.Demand[b][t];
                totalDemand += demand;
                if (demand <= 0)
                    continue;
                var u = model.NewIntVar(0, demand, "");
                model.Add(u + LinearExpr.Sum(supply[b]) >= demand);
                underTerms.Add(u);
            }
            if (onNow.Count == 0)
                continue;
            var o = model.NewIntVar(0, p.Staff.Count, "");
            model.Add(o >= LinearExpr.Sum(onNow) - totalDemand);
            overTerms.Add(o);
        }

        var w8 = p.Weights;
        var under = LinearExpr.Sum(underTerms);
        model.Minimize(
            w8.UnderPerInterval * under
                + w8.OverPerInterval * LinearExpr.Sum(overTerms)
                + w8.PerWorkedInterval * LinearExpr.Sum(worked)
                + w8.Fairness * (maxLate + (LinearExpr)maxWeekends)
                + w8.OutsidePreferredPerInterval * LinearExpr.Sum(outsidePreferred)
        );

        var solver = new CpSolver
        {
            StringParameters = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.5, timeLimit.TotalSeconds):0.###} num_workers:{(workers > 0 ? workers : Math.Max(1, Environment.ProcessorCount))}"
            ),
        };
        var reporter = new Reporter(onSolution, under);
        var status = CpSatSearch.Solve(solver, model, reporter, ct);
        Trace(
            $"CP-SAT {status}: objective {(status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? solver.ObjectiveValue : double.NaN)}, bound {solver.BestObjectiveBound}, {solver.WallTime():F1} s"
        );
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new ModelResult(null, status, 0);
        var shifts = new List<PlannedShift>();
        for (var s = 0; s < p.Staff.Count; s++)
        for (var d = 0; d < p.Days; d++)
            foreach (var (x, shape) in choices[s, d] ?? [])
                if (solver.BooleanValue(x))
                    shifts.Add(new PlannedShift(chosen[s], d, shape.Start, shape.Length));
        return new ModelResult(shifts, status, reporter.Solutions);
    }

    /// <summary>Every start on the grid in the person's whole-hour lengths.</summary>
    private static IEnumerable<Pattern> Shapes(CoverageProblem p, PoolMember m)
    {
        foreach (var length in p.Lengths(m))
            for (var start = 0; start < p.PerDay; start++)
                yield return new Pattern(start, length);
    }

    private sealed class Reporter(Action<CoverageProgress>? onSolution, LinearExpr under) : CpSolverSolutionCallback
    {
        public int Solutions { get; private set; }

        public override void OnSolutionCallback()
        {
            Solutions++;
            onSolution?.Invoke(new CoverageProgress("Searching", ObjectiveValue(), (int)Value(under), 0, TimeSpan.Zero, Solutions));
        }
    }
}

/// <summary>A shift shape on a day: the interval of the day it starts and how many intervals it lasts.</summary>
internal readonly record struct Pattern(int Start, int Length);
