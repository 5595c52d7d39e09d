using Agency.Domain.Rostering;
using Agency.Infrastructure.Rostering;

namespace Agency.Bench;

/// <summary>
/// The product's roster: one staff pool over several brands, 30-minute intervals, four weeks.
/// A generated pool (full- and part-time contracts, people serving one to three brands, some with a
/// week of time off) and generated demand (daily and weekly shape per brand, a little more than the
/// pool can give at peaks). Prints the time to the first roster, the under-coverage reached, the lower
/// bound and the gap, where the gap goes (weekly hours unused, over-coverage), and checks the roster breaks no hard rule.
/// </summary>
internal static class PoolBench
{
    public static int Run(
        int staff,
        int days,
        int brands,
        int seconds,
        double load,
        RosterStrategy strategy = RosterStrategy.Auto,
        int daysInRow = 5,
        int weekends = 2,
        bool singleBrand = false,
        double preferences = 0
    )
    {
        var p = WithPreferences(Generate(staff, days, brands, load, seed: 11, daysInRow, weekends, singleBrand), preferences);
        var demand = p.Demand.Sum(d => d.Sum());
        Console.WriteLine(
            $"Pool: {staff} staff x {days} days x {p.PerDay} intervals of {p.IntervalMinutes} min x {brands} brands; demand {demand * p.IntervalMinutes / 60.0:N0} person-hours; "
                + $"capacity {p.Staff.Sum(m => m.MaxWeekIntervals) * p.Weeks * p.IntervalMinutes / 60.0:N0} person-hours; {Environment.ProcessorCount} cores, time limit {seconds} s"
        );
        var gw = System.Diagnostics.Stopwatch.StartNew();
        var greedy = GreedyRoster.Build(p);
        var gv = CoverageRules.Violations(p, greedy);
        var gc = CoverageRules.Evaluate(p, greedy);
        Console.WriteLine(
            $"  greedy: {greedy.Count} shifts in {gw.Elapsed.TotalSeconds:F1} s, under {gc.UnderCoverage}, over {gc.OverCoverage}, violations {gv.Count} {string.Join(" | ", gv.Take(3))}"
        );
        TimeSpan? first = null;
        double bound = 0;
        var progress = new Progress(s =>
        {
            if (s.Solutions == 0)
            {
                bound = s.LowerBound;
                Console.WriteLine($"  lower bound {s.LowerBound:N0} intervals after {s.Elapsed.TotalSeconds:F1} s");
            }
            if (s.Solutions > 0 && first is null)
                first = s.Elapsed;
            if (s.Solutions > 0 && (s.Solutions <= 3 || s.Solutions % 10 == 0))
                Console.WriteLine(
                    $"  {s.Elapsed.TotalSeconds, 6:F1} s  roster {s.Solutions, 3}: under-coverage {s.UnderCoverage:N0}, objective {s.Objective:N0}"
                );
        });
        var result = CoverageRosterSolver.Solve(p, TimeSpan.FromSeconds(seconds), progress, strategy: strategy);
        var violations = result.HasRoster ? CoverageRules.Violations(p, result.Shifts) : [];
        foreach (var v in violations.Take(5))
            Console.WriteLine($"  VIOLATION {v}");
        Console.WriteLine(
            $"{result.Outcome}: first roster after {first?.TotalSeconds ?? double.NaN:F1} s, {result.Elapsed.TotalSeconds:F1} s in all; {result.Shifts.Count:N0} shifts; "
                + $"under-coverage {result.UnderCoverage:N0} intervals ({result.UnderCoverage * 100.0 / Math.Max(1, demand):F2} % of demand), lower bound {result.LowerBound:N0}, gap to bound {result.GapToBound:P1}; "
                + $"over-coverage {result.OverCoverage:N0}; hard-rule violations {violations.Count}; {result.Status}"
        );
        if (result.HasRoster)
            Waste(p, result.Shifts);
        if (result.HasRoster && preferences > 0)
        {
            var wished = result.Shifts.Where(x => p.Staff[x.Person].Preferred is not null).ToList();
            var outside = wished.Sum(x => CoverageRules.OutsidePreferred(p, x));
            var hours = wished.Sum(x => x.Length);
            Console.WriteLine(
                $"  preferred hours: {p.Staff.Count(m => m.Preferred is not null)} people have a window; {100.0 * (hours - outside) / Math.Max(1, hours):F1} % of their "
                    + $"{hours * p.IntervalMinutes / 60.0:N0} hours fall inside it"
            );
        }
        Console.WriteLine(
            $"RESULT pool_staff={staff} days={days} brands={brands} first_seconds={first?.TotalSeconds ?? -1:F1} under={result.UnderCoverage} bound={result.LowerBound} gap={result.GapToBound:F4} violations={violations.Count}"
        );
        return violations.Count == 0 && result.HasRoster ? 0 : 1;
    }

    /// <summary>
    /// Where the roster falls short of the capacity bound: intervals the pool could work in a week
    /// (<see cref="CoverageBound.WeekHours"/>) and does not, by how many shifts the person works that week and for the
    /// generator's full-time contracts (80 intervals a week); intervals worked beyond demand; both by hour of the day; intervals
    /// short and shifts worked by day; shifts by length; and how many people work how many weekend days.
    /// </summary>
    private static void Waste(CoverageProblem p, IReadOnlyList<PlannedShift> shifts)
    {
        var weeks = shifts.ToLookup(s => (s.Person, Week: s.Day / 7));
        long unused = 0,
            unusedFullTime = 0;
        var byShifts = new SortedDictionary<int, long>();
        for (var i = 0; i < p.Staff.Count; i++)
        for (var w = 0; w < p.Weeks; w++)
        {
            var worked = weeks[(i, w)].ToList();
            var idle = Math.Max(0, CoverageBound.WeekHours(p, p.Staff[i], w) - worked.Sum(s => s.Length));
            unused += idle;
            if (p.Staff[i].MaxWeekIntervals == 80)
                unusedFullTime += idle;
            byShifts[worked.Count] = byShifts.GetValueOrDefault(worked.Count) + idle;
        }
        var c = CoverageRules.Evaluate(p, shifts);
        var overByHour = new long[24];
        var underByHour = new long[24];
        var underByDay = new long[p.Days];
        for (var b = 0; b < p.Brands.Count; b++)
        for (var t = 0; t < p.Intervals; t++)
        {
            var hour = t % p.PerDay * 24 / p.PerDay;
            var missing = Math.Max(0, p.Demand[b][t] - c.Scheduled[b][t]);
            overByHour[hour] += Math.Max(0, c.Scheduled[b][t] - p.Demand[b][t]);
            underByHour[hour] += missing;
            underByDay[t / p.PerDay] += missing;
        }
        Console.WriteLine(
            $"  waste: {unused:N0} intervals of weekly hours unused ({unusedFullTime:N0} of full-time staff; by shifts in the week: "
                + $"{string.Join(", ", byShifts.Select(k => $"{k.Key} → {k.Value}"))}), {c.OverCoverage:N0} intervals over"
        );
        Console.WriteLine($"  over by hour of day:  {string.Join(" ", overByHour)}");
        Console.WriteLine($"  under by hour of day: {string.Join(" ", underByHour)}");
        // By day: intervals short, and shifts worked (weekends hold fewer people: each works at most their allowed weekends in four).
        Console.WriteLine($"  under by day:  {string.Join(" ", underByDay)}");
        Console.WriteLine($"  shifts by day: {string.Join(" ", Enumerable.Range(0, p.Days).Select(d => shifts.Count(s => s.Day == d)))}");
        // Shift lengths in hours, for full-time contracts (80 intervals a week) and the others: long shifts reach both daily peaks
        // and run through the quiet hours between them.
        string Lengths(bool fullTime) =>
            string.Join(
                ", ",
                shifts
                    .Where(s => p.Staff[s.Person].MaxWeekIntervals == 80 == fullTime)
                    .GroupBy(s => s.Length * p.IntervalMinutes / 60)
                    .OrderBy(g => g.Key)
                    .Select(g => $"{g.Key} h → {g.Count()}")
            );
        Console.WriteLine($"  shifts by length: full-time {Lengths(true)}; others {Lengths(false)}");
        var weekendDays = Enumerable
            .Range(0, p.Staff.Count)
            .Select(i => shifts.Count(s => s.Person == i && CoverageProblem.IsWeekendDay(s.Day)))
            .GroupBy(n => n)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key} → {g.Count()}");
        Console.WriteLine($"  people by weekend days worked: {string.Join(", ", weekendDays)}");
    }

    private sealed class Progress(Action<CoverageProgress> on) : IProgress<CoverageProgress>
    {
        public void Report(CoverageProgress value) => on(value);
    }

    /// <summary>
    /// A share of the pool, drawn apart from the pool itself (so the pool and the demand stay the same), prefers a 10-hour window:
    /// early (06-16), day (09-19) or late (14-24).
    /// </summary>
    private static CoverageProblem WithPreferences(CoverageProblem p, double share)
    {
        if (share <= 0)
            return p;
        var rng = new Random(23);
        (int, int)[] windows = [(12, 32), (18, 38), (28, 0)];
        var staff = p.Staff.Select(m => rng.NextDouble() < share ? m with { Preferred = windows[rng.Next(windows.Length)] } : m).ToList();
        return new CoverageProblem
        {
            Days = p.Days,
            IntervalMinutes = p.IntervalMinutes,
            Brands = p.Brands,
            Demand = p.Demand,
            Staff = staff,
            Weights = p.Weights,
        };
    }

    /// <param name="singleBrand">Everyone serves their home brand only (teams dedicated to their brands); otherwise half the pool also serves one or two neighbouring brands.</param>
    public static CoverageProblem Generate(
        int staff,
        int days,
        int brands,
        double load,
        int seed,
        int daysInRow = 5,
        int weekends = 2,
        bool singleBrand = false
    )
    {
        var rng = new Random(seed);
        const int perDay = 48;
        var pool = new List<PoolMember>();
        for (var i = 0; i < staff; i++)
        {
            var home = rng.Next(brands);
            var serves = new HashSet<int> { home };
            var extra = rng.NextDouble();
            if (singleBrand)
                extra = 1; // the draw is still made, so the rest of the pool and the demand stay the same
            if (extra < 0.5)
                serves.Add((home + 1) % brands);
            if (extra < 0.2)
                serves.Add((home + 2) % brands);
            var fullTime = rng.NextDouble() < 0.7;
            var blocked = new List<(int, int)>();
            if (rng.NextDouble() < 0.08)
            {
                var week = rng.Next((days + 6) / 7);
                blocked.Add((week * 7 * perDay, Math.Min(days, week * 7 + 7) * perDay));
            }
            pool.Add(
                new PoolMember(
                    Guid.NewGuid(),
                    $"P{i:000}",
                    serves.Order().ToList(),
                    MinShiftIntervals: fullTime ? 12 : 8,
                    MaxShiftIntervals: fullTime ? 20 : 12,
                    MinWeekIntervals: fullTime ? 64 : 32,
                    MaxWeekIntervals: fullTime ? 80 : 48,
                    MaxConsecutiveDays: daysInRow,
                    MinRestIntervals: 22,
                    MaxWeekendsPer4Weeks: weekends
                )
                {
                    Blocked = blocked,
                }
            );
        }
        var capacityPerInterval = pool.Sum(m => m.MaxWeekIntervals) / (7.0 * perDay);
        var demand = new List<int[]>();
        for (var b = 0; b < brands; b++)
        {
            var size = 0.6 + 0.8 * rng.NextDouble();
            var eveningPeak = rng.NextDouble() < 0.5;
            var series = new int[days * perDay];
            for (var t = 0; t < series.Length; t++)
            {
                var hour = t % perDay / 2.0;
                var weekend = CoverageProblem.IsWeekendDay(t / perDay);
                var shape =
                    0.25
                    + Math.Exp(-Math.Pow((hour - 11) / 3.0, 2))
                    + (eveningPeak ? 0.9 : 0.5) * Math.Exp(-Math.Pow((hour - 20) / 2.5, 2));
                var level = capacityPerInterval / brands * size * shape * (weekend ? 0.75 : 1.0) * load;
                series[t] = (int)Math.Round(level * (0.9 + 0.2 * rng.NextDouble()));
            }
            demand.Add(series);
        }
        return new CoverageProblem
        {
            Days = days,
            IntervalMinutes = 30,
            Brands = Enumerable.Range(0, brands).Select(b => $"Brand {b + 1}").ToList(),
            Demand = demand,
            Staff = pool,
        };
    }
}
