namespace Agency.Domain.Rostering;

/// <summary>
/// A quick first roster that breaks no hard rule: day by day, each person (those furthest behind their
/// weekly minimum first) takes the shift start and length that covers the most demand still open for
/// the brands they serve, or has the day off when no shift covers enough. People who would otherwise
/// miss their weekly minimum take the best shift they may. The optimiser starts from it.
/// </summary>
public static class GreedyRoster
{
    public static IReadOnlyList<PlannedShift> Build(CoverageProblem p, int seed = 1)
    {
        int P = p.PerDay,
            T = p.Intervals;
        var residual = p.Demand.Select(d => d.ToArray()).ToArray();
        var state = p.Staff.Select(m => new Person(m, p.Weeks)).ToArray();
        var shifts = new List<PlannedShift>();
        var rng = new Random(seed);
        var order = Enumerable.Range(0, p.Staff.Count).ToArray();
        for (var d = 0; d < p.Days; d++)
        {
            var week = d / 7;
            rng.Shuffle(order);
            var today = order.OrderByDescending(i => Behind(p, state[i], week, d)).ToList();
            foreach (var i in today)
            {
                var person = state[i];
                var m = person.Member;
                if (!CanWorkDay(p, person, d))
                    continue;
                var room = m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(week) - person.Worked[week];
                var forced = Behind(p, person, week, d) > 0;
                var longEnough = forced
                    ? Math.Min(Missing(p, person, week), p.Lengths(m).Where(l => l <= room).DefaultIfEmpty(0).Max())
                    : 0;
                (int Start, int Length, double Gain)? best = null;
                foreach (var length in p.Lengths(m))
                {
                    if (length > room)
                        break;
                    if (length < longEnough)
                        continue;
                    for (var start = 0; start < P; start++)
                    {
                        var from = d * P + start;
                        if (from - person.LastEnd < m.MinRestIntervals || !m.IsFree(from, from + length))
                            continue;
                        var gain = Gain(p, residual, m, from, Math.Min(from + length, T));
                        if (best is null || gain > best.Value.Gain)
                            best = (start, length, gain);
                    }
                }
                if (best is not { } pick)
                    continue;
                // Worth working when most of the shift meets open demand, or when the weekly minimum needs it.
                if (!forced && pick.Gain < 0.6 * pick.Length)
                    continue;
                var shift = new PlannedShift(i, d, pick.Start, pick.Length);
                shifts.Add(shift);
                person.Take(shift, P);
                Cover(residual, m.Brands, shift, P, T);
            }
        }
        return shifts;
    }

    /// <summary>
    /// A first roster that staffs the scarce days first: weekends (person by person, each taking both days
    /// of the weekends where their brands have the most demand still open, as many as their allowance
    /// lets them), then weekdays, each person-day taking the
    /// shape that covers the most open demand among those every rule allows against the days already
    /// planned on both sides (<see cref="DayOptions"/>). Day by day in time order, a week's hours are often
    /// spent before its weekend comes; this order keeps them for it. Weeks still short of a person's
    /// minimum are then topped up on their free days. Null when some minimum cannot be met this way.
    /// </summary>
    public static IReadOnlyList<PlannedShift>? BuildWeekendsFirst(CoverageProblem p, int seed = 1)
    {
        int P = p.PerDay,
            T = p.Intervals;
        var residual = p.Demand.Select(d => d.ToArray()).ToArray();
        var mine = p.Staff.Select(_ => new List<PlannedShift>()).ToArray();
        var rng = new Random(seed);
        var order = Enumerable.Range(0, p.Staff.Count).ToArray();
        // Weekends person by person: each takes the weekends where their brands have the most demand still open, as many as
        // their allowance lets them, both days each; so the allowance spreads over the weekends instead of filling the first.
        var weekends = Enumerable.Range(0, p.Weeks).Where(w => 7 * w + 5 < p.Days).ToList();
        rng.Shuffle(order);
        foreach (var i in order)
        foreach (var w in weekends.OrderByDescending(w => Open(i, 7 * w + 5) + Open(i, 7 * w + 6)).ToList())
        {
            TryTake(i, 7 * w + 5, forced: false);
            if (7 * w + 6 < p.Days)
                TryTake(i, 7 * w + 6, forced: false);
        }
        foreach (var d in Enumerable.Range(0, p.Days).Where(d => !CoverageProblem.IsWeekendDay(d)))
        {
            rng.Shuffle(order);
            foreach (var i in order)
                TryTake(i, d, forced: false);
        }
        // Top up weeks below the minimum, on the days that cover the most.
        for (var i = 0; i < p.Staff.Count; i++)
        for (var w = 0; w < p.Weeks; w++)
        for (
            var d = 7 * w;
            d < Math.Min(p.Days, 7 * w + 7) && mine[i].Where(s => s.Day / 7 == w).Sum(s => s.Length) < p.MinWeek(p.Staff[i], w);
            d++
        )
            if (mine[i].All(s => s.Day != d))
                TryTake(i, d, forced: true);
        var shifts = mine.SelectMany(x => x).ToList();
        return CoverageRules.Violations(p, shifts).Count == 0 ? shifts : null;

        void TryTake(int i, int d, bool forced)
        {
            var m = p.Staff[i];
            if (m.Brands.Count == 0)
                return;
            if (BestOn(i, d) is not { } pick || (!forced && pick.Gain < 0.6 * pick.Length))
                return;
            var shift = new PlannedShift(i, d, pick.Start, pick.Length);
            mine[i].Add(shift);
            Cover(residual, m.Brands, shift, P, T);
        }

        // The allowed shape on day d that covers the most open demand for person i.
        (int Start, int Length, double Gain)? BestOn(int i, int d)
        {
            var m = p.Staff[i];
            (int Start, int Length, double Gain)? best = null;
            foreach (var (start, length) in DayOptions.For(p, m, mine[i], d, weekComplete: false).Shapes)
            {
                var from = d * P + start;
                var gain = Gain(p, residual, m, from, Math.Min(from + length, T));
                if (best is null || gain > best.Value.Gain)
                    best = (start, length, gain);
            }
            return best;
        }

        // How much open demand the person's best shift could cover on day d (nothing when they may not work it).
        double Open(int i, int d) => d < p.Days && p.Staff[i].Brands.Count > 0 && BestOn(i, d) is { } b ? b.Gain : 0;
    }

    /// <summary>Takes a shift off the demand still open: each interval counts for the served brand with the most open.</summary>
    private static void Cover(int[][] residual, IReadOnlyList<int> brands, PlannedShift shift, int perDay, int intervals)
    {
        for (var t = shift.From(perDay); t < Math.Min(shift.To(perDay), intervals); t++)
        {
            var b = brands.OrderByDescending(x => residual[x][t]).First();
            residual[b][t]--;
        }
    }

    /// <summary>Intervals of the weekly minimum still to work beyond what a shift on each remaining day (but this one) could give.</summary>
    private static int Behind(CoverageProblem p, Person person, int week, int day)
    {
        var missing = Missing(p, person, week);
        if (missing <= 0)
            return 0;
        var m = person.Member;
        // Later days of the week this person could still work: not busy, and weekends only while the allowance lasts; one day spare for runs and rest.
        var weekendLeft = person.Weekends.Count < m.MaxWeekendsPer4Weeks;
        var later = Enumerable
            .Range(day + 1, Math.Max(0, Math.Min(p.Days, 7 * week + 7) - day - 1))
            .Count(d => !m.BusyDays.Contains(d) && (weekendLeft || !CoverageProblem.IsWeekendDay(d)));
        return missing - Math.Max(0, later - 1) * m.MaxShiftIntervals;
    }

    private static int Missing(CoverageProblem p, Person person, int week) => p.MinWeek(person.Member, week) - person.Worked[week];

    private static double Gain(CoverageProblem p, int[][] residual, PoolMember m, int from, int to)
    {
        var w = p.Weights;
        double gain = 0;
        for (var t = from; t < to; t++)
        {
            var open = false;
            foreach (var b in m.Brands)
                if (residual[b][t] > 0)
                {
                    open = true;
                    break;
                }
            gain += open ? 1 : -(double)w.OverPerInterval / w.UnderPerInterval;
            gain -= (double)w.PerWorkedInterval / w.UnderPerInterval;
            if (m.OutsidePreferred(t % p.PerDay))
                gain -= (double)w.OutsidePreferredPerInterval / w.UnderPerInterval;
        }
        return gain;
    }

    private static bool CanWorkDay(CoverageProblem p, Person person, int d)
    {
        var m = person.Member;
        if (m.BusyDays.Contains(d) || person.Days.Contains(d))
            return false;
        var run = 0;
        for (var k = d - 1; k >= 0 && (person.Days.Contains(k) || m.BusyDays.Contains(k)); k--)
            run++;
        if (run >= m.MaxConsecutiveDays)
            return false;
        if (!CoverageProblem.IsWeekendDay(d))
            return true;
        var week = d / 7;
        if (person.Weekends.Contains(week) || m.BusyDays.Contains(7 * week + 5) || m.BusyDays.Contains(7 * week + 6))
            return true;
        var trial = person.Weekends.Append(week).ToHashSet();
        foreach (var window in CoverageRules.WeekendWindows(p))
            if (
                window.Count(w => trial.Contains(w) || m.BusyDays.Contains(7 * w + 5) || m.BusyDays.Contains(7 * w + 6))
                > m.MaxWeekendsPer4Weeks
            )
                return false;
        return true;
    }

    private sealed class Person(PoolMember member, int weeks)
    {
        public PoolMember Member { get; } = member;
        public int[] Worked { get; } = new int[weeks];
        public HashSet<int> Days { get; } = [];
        public HashSet<int> Weekends { get; } = [];
        public int LastEnd { get; private set; } = int.MinValue / 2;

        public void Take(PlannedShift s, int perDay)
        {
            Worked[s.Day / 7] += s.Length;
            Days.Add(s.Day);
            if (CoverageProblem.IsWeekendDay(s.Day))
                Weekends.Add(s.Day / 7);
            LastEnd = s.To(perDay);
        }
    }
}
