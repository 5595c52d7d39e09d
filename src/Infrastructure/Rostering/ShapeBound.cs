using Agency.Domain.Rostering;
using Google.OrTools.LinearSolver;

namespace Agency.Infrastructure.Rostering;

/// <summary>
/// A lower bound on under-coverage that sees the shape of demand and of shifts, from a linear relaxation
/// (GLOP) for one set of brands: the demand of those brands together, met by everyone who serves any of
/// them. People with the same shift lengths are one class; per class and interval the programme keeps how
/// many shifts have started (<c>A[t]</c>) and ended (<c>B[t]</c>) so far, so <c>A[t] - B[t]</c> are on
/// shift. Every roster satisfies these rules of it:
/// <list type="bullet">
/// <item>a shift that has ended by <c>t</c> started at least the class's shortest shift before, and whoever is
/// on shift at <c>t</c> started within its longest shift before (shifts are contiguous);</item>
/// <item>no more people on shift than are free; on a day, no more shifts start than people may work it;</item>
/// <item>intervals on shift are within the weekly hours (<see cref="CoverageBound.WeekHours"/>: per week, plus
/// what a shift started the week before carries over, and over the whole horizon);</item>
/// <item>shifts starting on weekend days are at most two per weekend each person may work in four weeks.</item>
/// </list>
/// The least shortfall of the programme is below every roster's; rules between one person's days (rest,
/// days in a row) and which of their brands a person serves are relaxed, so the bound may stay below the best roster.
/// </summary>
public static class ShapeBound
{
    /// <summary>
    /// The best of: the bound for all brands together, and the bounds of brands taken apart added up. A brand's
    /// under-coverage is at least its own bound (everyone who serves it working for it alone), and the roster's
    /// under-coverage is the sum over brands, so the brands' own bounds add up (a brand's own peaks can be short while the
    /// pool as a whole has hours to spare). Brands that share no one (teams dedicated to their brands) are added up as
    /// groups: each group's bound is the larger of its brands together and its brands apart. Within
    /// <paramref name="timeLimit"/> in all; a programme not solved in time counts as 0, which keeps the bound a bound.
    /// </summary>
    public static int Best(CoverageProblem p, TimeSpan timeLimit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var all = Enumerable.Range(0, p.Brands.Count).ToArray();
        var together = Solve(all);
        if (p.Brands.Count <= 1)
            return together;
        var alone = all.Select(b => Solve([b])).ToArray();
        var groups = Teams(p);
        var added = groups.Sum(g =>
            Math.Max(
                g.Sum(b => alone[b]),
                g.Length == 1 ? 0
                    : g.Length == all.Length ? together
                    : Solve(g)
            )
        );
        return Math.Max(together, added);

        int Solve(int[] set)
        {
            var left = timeLimit - watch.Elapsed;
            return left <= TimeSpan.Zero ? 0 : Compute(p, set, left) ?? 0;
        }
    }

    /// <summary>The brands in groups that share no one: two brands are in one group when someone serves both, or a brand between them.</summary>
    public static IReadOnlyList<int[]> Teams(CoverageProblem p)
    {
        var root = Enumerable.Range(0, p.Brands.Count).ToArray();
        int Find(int b) => root[b] == b ? b : root[b] = Find(root[b]);
        foreach (var m in p.Staff)
            for (var k = 1; k < m.Brands.Count; k++)
                root[Find(m.Brands[k])] = Find(m.Brands[0]);
        return Enumerable.Range(0, p.Brands.Count).GroupBy(Find).Select(g => g.ToArray()).ToList();
    }

    /// <summary>The bound for the brands in <paramref name="set"/>, in intervals; null when GLOP gives no optimum in <paramref name="timeLimit"/>.</summary>
    public static int? Compute(CoverageProblem p, IReadOnlyCollection<int> set, TimeSpan timeLimit)
    {
        var people = p.Staff.Where(m => m.Brands.Any(set.Contains) && p.Lengths(m).Any()).ToList();
        int T = p.Intervals,
            P = p.PerDay;
        var demand = new int[T];
        foreach (var b in set)
            for (var t = 0; t < T; t++)
                demand[t] += p.Demand[b][t];
        if (demand.Sum() == 0)
            return 0;

        using var solver = Solver.CreateSolver("GLOP")
            ?? throw new InvalidOperationException("GLOP is not available in this OR-Tools build.");
        // The solver owns the model; the managed wrappers are let go at the end, so that they do not wait for the finalizer
        // (thousands of them would keep it busy, and a roster search alongside waits for it).
        var wrappers = new List<IDisposable>();
        try
        {
            solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
            var inf = double.PositiveInfinity;
            var onTerms = Enumerable.Range(0, T).Select(_ => new List<(Variable, double)>()).ToArray();
            var horizon = Keep(
                solver.MakeConstraint(
                    -inf,
                    Enumerable.Range(0, p.Weeks).Sum(w => people.Sum(m => CoverageBound.WeekHours(p, m, w))),
                    "horizon"
                )
            );

            foreach (var members in people.GroupBy(m => (Shortest: p.Lengths(m).Min(), Longest: m.MaxShiftIntervals)))
            {
                var (shortest, longest) = members.Key;
                var list = members.ToList();
                var a = new Variable[T];
                var b = new Variable[T];
                for (var t = 0; t < T; t++)
                {
                    a[t] = Keep(solver.MakeNumVar(0, inf, ""));
                    b[t] = Keep(solver.MakeNumVar(0, inf, ""));
                    if (t > 0)
                    {
                        Add(0, inf, (a[t], 1), (a[t - 1], -1));
                        Add(0, inf, (b[t], 1), (b[t - 1], -1));
                    }
                    if (t >= shortest)
                        Add(-inf, 0, (b[t], 1), (a[t - shortest], -1));
                    else
                        Add(0, 0, (b[t], 1));
                    if (t >= longest)
                        Add(0, inf, (b[t], 1), (a[t - longest], -1));
                    Add(0, list.Count(m => m.IsFree(t, t + 1)), (a[t], 1), (b[t], -1));
                    onTerms[t].Add((a[t], 1));
                    onTerms[t].Add((b[t], -1));
                    horizon.SetCoefficient(a[t], 1);
                    horizon.SetCoefficient(b[t], -1);
                }
                // Shifts started from the first interval of day `from` to the last of day `to`.
                (Variable, double)[] Started(int from, int to) =>
                    from == 0 ? [(a[(to + 1) * P - 1], 1)] : [(a[(to + 1) * P - 1], 1), (a[from * P - 1], -1)];
                for (var d = 0; d < p.Days; d++)
                    Add(
                        -inf,
                        list.Count(m => !m.BusyDays.Contains(d) && Enumerable.Range(d * P, P).Any(t => m.IsFree(t, t + 1))),
                        Started(d, d)
                    );
                var carry = list.Sum(m => Math.Max(0, m.MaxShiftIntervals - 1));
                for (var w = 0; w < p.Weeks; w++)
                {
                    using var week = solver.MakeConstraint(-inf, list.Sum(m => CoverageBound.WeekHours(p, m, w)) + (w > 0 ? carry : 0), "");
                    for (var t = 7 * w * P; t < Math.Min(T, (7 * w + 7) * P); t++)
                    {
                        week.SetCoefficient(a[t], 1);
                        week.SetCoefficient(b[t], -1);
                    }
                }
                // Weekend days worked, in blocks of four weeks (each inside one of the rule's windows).
                for (var block = 0; block < p.Weeks; block += 4)
                {
                    using var weekend = solver.MakeConstraint(-inf, list.Sum(m => 2.0 * m.MaxWeekendsPer4Weeks), "");
                    for (var w = block; w < Math.Min(p.Weeks, block + 4); w++)
                    {
                        if (7 * w + 5 >= p.Days)
                            continue;
                        foreach (var (v, k) in Started(7 * w + 5, Math.Min(p.Days - 1, 7 * w + 6)))
                            weekend.SetCoefficient(v, weekend.GetCoefficient(v) + k);
                    }
                }
            }

            var objective = Keep(solver.Objective());
            for (var t = 0; t < T; t++)
            {
                if (demand[t] <= 0)
                    continue;
                var shortfall = Keep(solver.MakeNumVar(0, demand[t], ""));
                using var cover = solver.MakeConstraint(demand[t], inf, "");
                cover.SetCoefficient(shortfall, 1);
                foreach (var (v, k) in onTerms[t])
                    cover.SetCoefficient(v, cover.GetCoefficient(v) + k);
                objective.SetCoefficient(shortfall, 1);
            }
            objective.SetMinimization();
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
                return null;
            // Every roster's shortfall is a whole number at or above the programme's (with room for the solver's rounding).
            return Math.Max(0, (int)Math.Ceiling(objective.Value() - 1e-3));
        }
        finally
        {
            foreach (var w in wrappers)
                w.Dispose();
        }

        T Keep<T>(T wrapper)
            where T : IDisposable
        {
            wrappers.Add(wrapper);
            return wrapper;
        }

        void Add(double lower, double upper, params (Variable V, double K)[] terms)
        {
            using var c = solver.MakeConstraint(lower, upper, "");
            foreach (var (v, k) in terms)
                c.SetCoefficient(v, c.GetCoefficient(v) + k);
        }
    }
}
