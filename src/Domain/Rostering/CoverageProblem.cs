namespace Agency.Domain.Rostering;

/// <summary>
/// One person of the staff pool as the optimiser sees them, in grid intervals: the brands they
/// serve (indices into the problem's brands), their contract, and intervals they cannot work
/// (approved time off, manual shifts with the rest around them). <see cref="Blocked"/> ranges are
/// half-open [from, to) over the whole horizon's intervals.
/// </summary>
public sealed record PoolMember(
    Guid Id,
    string Name,
    IReadOnlyList<int> Brands,
    int MinShiftIntervals,
    int MaxShiftIntervals,
    int MinWeekIntervals,
    int MaxWeekIntervals,
    int MaxConsecutiveDays,
    int MinRestIntervals,
    int MaxWeekendsPer4Weeks
)
{
    public IReadOnlyList<(int From, int To)> Blocked { get; init; } = [];

    /// <summary>Days (index in the horizon) already worked outside the roster, e.g. a manual shift.</summary>
    public IReadOnlySet<int> BusyDays { get; init; } = new HashSet<int>();

    /// <summary>Intervals already worked per week outside the roster; they count against the weekly maximum.</summary>
    public IReadOnlyList<int> WeekIntervalsTaken { get; init; } = [];

    /// <summary>
    /// The intervals of the day the person prefers to work, [From, To) (To at or before From runs past midnight), or null for
    /// any time: soft, each interval worked outside costs <see cref="CoverageWeights.OutsidePreferredPerInterval"/>.
    /// </summary>
    public (int From, int To)? Preferred { get; init; }

    public bool IsFree(int from, int to) => Blocked.All(b => b.To <= from || to <= b.From);

    /// <summary>Whether working the interval that starts at <paramref name="intervalOfDay"/> goes against the person's preferred hours.</summary>
    public bool OutsidePreferred(int intervalOfDay) =>
        Preferred is { } w
        && (w.From < w.To ? intervalOfDay < w.From || intervalOfDay >= w.To : intervalOfDay < w.From && intervalOfDay >= w.To);
}

/// <summary>A shift of the roster: who, which day of the horizon, first interval of that day, how many intervals.</summary>
public readonly record struct PlannedShift(int Person, int Day, int Start, int Length)
{
    public int From(int perDay) => Day * perDay + Start;

    public int To(int perDay) => From(perDay) + Length;
}

/// <summary>How much to care about each part of the objective.</summary>
/// <remarks>
/// A person works outside their preferred hours only where it covers demand: an interval outside costs less than one short
/// (<see cref="UnderPerInterval"/>), so coverage comes first, and among rosters that cover alike the one that keeps preferences wins.
/// </remarks>
public sealed record CoverageWeights(
    int UnderPerInterval = 100,
    int OverPerInterval = 4,
    int PerWorkedInterval = 1,
    int Fairness = 30,
    int OutsidePreferredPerInterval = 3
);

/// <summary>
/// The product's rostering problem: one staff pool covering many brands over whole local days cut
/// into intervals (e.g. 48 of 30 minutes). Shifts start on the grid and last whole hours within each
/// contract; coverage is required per brand and interval; a person on shift counts for one of the
/// brands they serve in each interval. Hard rules: one shift a day, length, rest between shifts,
/// weekly minimum and maximum hours, days in a row, weekends in four weeks, blocked time.
/// The horizon starts on a Monday so that weeks and weekends fall on whole days.
/// </summary>
public sealed class CoverageProblem
{
    public required int Days { get; init; }
    public required int IntervalMinutes { get; init; }
    public required IReadOnlyList<string> Brands { get; init; }

    /// <summary>People needed per brand and interval of the horizon ([brand][interval]).</summary>
    public required IReadOnlyList<int[]> Demand { get; init; }
    public required IReadOnlyList<PoolMember> Staff { get; init; }
    public CoverageWeights Weights { get; init; } = new();

    public int PerDay => 24 * 60 / IntervalMinutes;
    public int Intervals => Days * PerDay;
    public int Weeks => (Days + 6) / 7;

    /// <summary>Shift lengths step by whole hours.</summary>
    public int LengthStep => Math.Max(1, 60 / IntervalMinutes);

    /// <summary>Shifts ending at or after this interval of the day (or past midnight) count as late shifts.</summary>
    public int LateFrom => 22 * 60 / IntervalMinutes;

    public static bool IsWeekendDay(int day) => day % 7 is 5 or 6;

    public IEnumerable<int> Lengths(PoolMember m)
    {
        var first = (m.MinShiftIntervals + LengthStep - 1) / LengthStep * LengthStep;
        for (var l = first; l <= m.MaxShiftIntervals; l += LengthStep)
            yield return l;
    }

    public bool IsLate(int start, int length) => start + length >= LateFrom;

    /// <summary>The same problem weighed differently.</summary>
    public CoverageProblem WithWeights(CoverageWeights weights) =>
        new()
        {
            Days = Days,
            IntervalMinutes = IntervalMinutes,
            Brands = Brands,
            Demand = Demand,
            Staff = Staff,
            Weights = weights,
        };

    /// <summary>The weekly minimum of a person, prorated by the days of the week they are free to work; none for a partial week.</summary>
    public int MinWeek(PoolMember m, int week)
    {
        if (m.MinWeekIntervals <= 0 || 7 * week + 7 > Days)
            return 0;
        var free = Enumerable.Range(7 * week, 7).Count(d => !m.BusyDays.Contains(d) && m.IsFree(d * PerDay, (d + 1) * PerDay));
        var prorated = m.MinWeekIntervals * free / 7 / LengthStep * LengthStep;
        return Math.Max(0, prorated - m.WeekIntervalsTaken.ElementAtOrDefault(week));
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Days is < 1 or > 42)
            problems.Add("A roster covers 1 to 42 days.");
        if (IntervalMinutes is not (15 or 30 or 60))
            problems.Add("Intervals are 15, 30 or 60 minutes.");
        if (Demand.Count != Brands.Count)
            problems.Add("Demand is needed for every brand.");
        if (Demand.Any(d => d.Length != Intervals))
            problems.Add("Demand must cover every interval of the horizon.");
        foreach (var m in Staff)
        {
            if (!Lengths(m).Any())
                problems.Add($"{m.Name}: no whole-hour shift length fits the contract.");
            if (m.Brands.Any(b => b < 0 || b >= Brands.Count))
                problems.Add($"{m.Name}: serves an unknown brand.");
        }
        return problems;
    }
}

/// <summary>Coverage of a roster: scheduled people per brand and interval, and what is short or over.</summary>
public sealed record CoverageResult(int[][] Scheduled, int UnderCoverage, int OverCoverage)
{
    public double UnderHours(int intervalMinutes) => UnderCoverage * intervalMinutes / 60.0;
}

/// <summary>Pure evaluation of a roster against the problem: coverage (an exact split of multi-brand people) and every hard rule.</summary>
public static class CoverageRules
{
    /// <summary>
    /// People on shift per interval are split over the brands they serve so that as little demand
    /// as possible stays uncovered (a small max-flow per interval); people left over count where
    /// they serve the most demand, and anything beyond demand is over-coverage.
    /// </summary>
    public static CoverageResult Evaluate(CoverageProblem p, IReadOnlyList<PlannedShift> shifts) => Evaluate(p, shifts, 0, p.Intervals);

    /// <summary>The same for the intervals from <paramref name="from"/> up to <paramref name="to"/> only (nothing is scheduled outside them): what a change to a roster within them does.</summary>
    public static CoverageResult Evaluate(CoverageProblem p, IReadOnlyList<PlannedShift> shifts, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(p.Intervals, to);
        var on = new List<IReadOnlyList<int>>?[Math.Max(0, to - from)];
        foreach (var s in shifts)
            for (var t = Math.Max(from, s.From(p.PerDay)); t < Math.Min(s.To(p.PerDay), to); t++)
                (on[t - from] ??= []).Add(p.Staff[s.Person].Brands);
        var scheduled = p.Brands.Select(_ => new int[p.Intervals]).ToArray();
        var demand = new int[p.Brands.Count];
        int under = 0,
            over = 0;
        for (var t = from; t < to; t++)
        {
            for (var b = 0; b < demand.Length; b++)
                demand[b] = p.Demand[b][t];
            var assigned = on[t - from] is { } people ? Allocate(people, demand) : new int[demand.Length];
            for (var b = 0; b < demand.Length; b++)
            {
                scheduled[b][t] = assigned[b];
                under += Math.Max(0, demand[b] - assigned[b]);
                over += Math.Max(0, assigned[b] - demand[b]);
            }
        }
        return new CoverageResult(scheduled, under, over);
    }

    /// <summary>Assigns each person to one brand they serve, covering as much demand as possible (augmenting paths): people per brand.</summary>
    public static int[] Allocate(IReadOnlyList<IReadOnlyList<int>> serves, int[] demand)
    {
        var load = new int[demand.Length];
        foreach (var b in Assign(serves, demand))
            if (b >= 0)
                load[b]++;
        return load;
    }

    /// <summary>
    /// The brand each person is counted for (as <see cref="Allocate"/> splits them): where they cover demand, else
    /// their first brand (over-coverage); -1 for someone who serves no brand.
    /// </summary>
    public static int[] Assign(IReadOnlyList<IReadOnlyList<int>> serves, int[] demand)
    {
        int n = serves.Count,
            brands = demand.Length;
        var brandOf = new int[n];
        Array.Fill(brandOf, -1);
        var holders = new int[brands][];
        var held = new int[brands];
        var seen = new bool[brands];
        for (var person = 0; person < n; person++)
        {
            Array.Clear(seen);
            Augment(person);
        }
        // People not needed anywhere still count as scheduled for their first brand (over-coverage).
        for (var person = 0; person < n; person++)
            if (brandOf[person] < 0 && serves[person].Count > 0)
                brandOf[person] = serves[person][0];
        return brandOf;

        // Kuhn's augmenting path: a brand with room takes the person; a full one takes them when someone holding it can move on.
        // A holder who moves is replaced in place, so the holders of a brand never shift while they are walked.
        bool Augment(int who)
        {
            var mine = serves[who];
            for (var k = 0; k < mine.Count; k++)
            {
                var b = mine[k];
                if (seen[b])
                    continue;
                seen[b] = true;
                if (held[b] < demand[b])
                {
                    (holders[b] ??= new int[demand[b]])[held[b]++] = who;
                    brandOf[who] = b;
                    return true;
                }
                for (var i = 0; i < held[b]; i++)
                {
                    var other = holders[b][i];
                    brandOf[other] = -1;
                    if (Augment(other))
                    {
                        holders[b][i] = who;
                        brandOf[who] = b;
                        return true;
                    }
                    brandOf[other] = b;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// The optimiser's objective: weighted intervals short and over, intervals worked, and unfairness
    /// (the most late shifts and the most weekends any one person works).
    /// </summary>
    public static long Cost(CoverageProblem p, IReadOnlyList<PlannedShift> shifts)
    {
        var c = Evaluate(p, shifts);
        return Cost(p, shifts, c.UnderCoverage, c.OverCoverage);
    }

    /// <summary>The objective of a roster whose under- and over-coverage are already known.</summary>
    public static long Cost(CoverageProblem p, IReadOnlyList<PlannedShift> shifts, int under, int over)
    {
        var w = p.Weights;
        long worked = 0;
        var late = new int[p.Staff.Count];
        var weekends = new ulong[p.Staff.Count];
        long outside = 0;
        foreach (var s in shifts)
        {
            worked += s.Length;
            if (p.Staff[s.Person].Preferred is not null)
                outside += OutsidePreferred(p, s);
            if (p.IsLate(s.Start, s.Length))
                late[s.Person]++;
            if (CoverageProblem.IsWeekendDay(s.Day) && s.Day / 7 < 64)
                weekends[s.Person] |= 1UL << (s.Day / 7);
        }
        var maxLate = late.DefaultIfEmpty(0).Max();
        var maxWeekends = weekends.Select(System.Numerics.BitOperations.PopCount).DefaultIfEmpty(0).Max();
        return (long)w.UnderPerInterval * under
            + (long)w.OverPerInterval * over
            + w.PerWorkedInterval * worked
            + (long)w.Fairness * (maxLate + maxWeekends)
            + w.OutsidePreferredPerInterval * outside;
    }

    /// <summary>Intervals of the shift outside its person's preferred hours.</summary>
    public static int OutsidePreferred(CoverageProblem p, PlannedShift s)
    {
        var m = p.Staff[s.Person];
        var count = 0;
        for (var k = 0; k < s.Length; k++)
            if (m.OutsidePreferred((s.Start + k) % p.PerDay))
                count++;
        return count;
    }

    /// <summary>Every broken hard rule, explained; empty for a valid roster.</summary>
    /// <param name="people">When given, only these people's rules are checked (every rule is one person's): what a change to their shifts can break.</param>
    public static IReadOnlyList<string> Violations(CoverageProblem p, IReadOnlyList<PlannedShift> shifts, IReadOnlySet<int>? people = null)
    {
        var v = new List<string>();
        foreach (var group in shifts.Where(s => people is null || people.Contains(s.Person)).GroupBy(s => s.Person))
        {
            var m = p.Staff[group.Key];
            var mine = group.OrderBy(s => s.Day).ToList();
            foreach (var s in mine)
            {
                if (s.Start < 0 || s.Start >= p.PerDay || s.Day < 0 || s.Day >= p.Days)
                    v.Add($"{m.Name}: a shift outside the horizon.");
                if (!p.Lengths(m).Contains(s.Length))
                    v.Add($"{m.Name} day {s.Day}: length {s.Length} intervals is not a whole-hour length within the contract.");
                if (!m.IsFree(s.From(p.PerDay), s.To(p.PerDay)))
                    v.Add($"{m.Name} day {s.Day}: the shift falls in blocked time (time off or another shift).");
                if (m.BusyDays.Contains(s.Day))
                    v.Add($"{m.Name} day {s.Day}: already works that day.");
            }
            foreach (var day in mine.GroupBy(s => s.Day).Where(g => g.Count() > 1))
                v.Add($"{m.Name}: {day.Count()} shifts on day {day.Key}.");
            for (var i = 1; i < mine.Count; i++)
            {
                var gap = mine[i].From(p.PerDay) - mine[i - 1].To(p.PerDay);
                if (gap < m.MinRestIntervals)
                    v.Add($"{m.Name}: only {gap} intervals of rest before day {mine[i].Day}.");
            }
            for (var w = 0; w < p.Weeks; w++)
            {
                var worked = mine.Where(s => s.Day / 7 == w).Sum(s => s.Length) + m.WeekIntervalsTaken.ElementAtOrDefault(w);
                if (worked > m.MaxWeekIntervals)
                    v.Add($"{m.Name} week {w + 1}: {worked} intervals; at most {m.MaxWeekIntervals}.");
                var least = p.MinWeek(m, w) + m.WeekIntervalsTaken.ElementAtOrDefault(w);
                if (worked < least)
                    v.Add($"{m.Name} week {w + 1}: {worked} intervals; at least {least}.");
            }
            var days = mine.Select(s => s.Day).Concat(m.BusyDays).ToHashSet();
            for (var d = 0; d + m.MaxConsecutiveDays < p.Days; d++)
                if (Enumerable.Range(d, m.MaxConsecutiveDays + 1).All(days.Contains))
                {
                    v.Add($"{m.Name}: more than {m.MaxConsecutiveDays} days in a row from day {d}.");
                    break;
                }
            foreach (var window in WeekendWindows(p))
            {
                var n = window.Count(w => days.Contains(7 * w + 5) || days.Contains(7 * w + 6));
                if (n > m.MaxWeekendsPer4Weeks)
                {
                    v.Add($"{m.Name}: {n} weekends in four weeks; at most {m.MaxWeekendsPer4Weeks}.");
                    break;
                }
            }
        }
        var working = shifts.Select(s => s.Person).ToHashSet();
        foreach (
            var (m, i) in p.Staff.Select((m, i) => (m, i)).Where(x => (people is null || people.Contains(x.i)) && !working.Contains(x.i))
        )
            for (var w = 0; w < p.Weeks; w++)
                if (p.MinWeek(m, w) > 0)
                    v.Add($"{m.Name} week {w + 1}: no shifts; at least {p.MinWeek(m, w)} intervals.");
        return v;
    }

    /// <summary>The four-week windows of the horizon (one window of all weeks when shorter), as lists of week indices.</summary>
    public static IEnumerable<IReadOnlyList<int>> WeekendWindows(CoverageProblem p)
    {
        if (p.Weeks <= 4)
        {
            yield return Enumerable.Range(0, p.Weeks).ToList();
            yield break;
        }
        for (var w = 0; w + 4 <= p.Weeks; w++)
            yield return Enumerable.Range(w, 4).ToList();
    }
}
