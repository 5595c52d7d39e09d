namespace Agency.Domain.Rostering;

/// <summary>A week's plan for one person: its shifts and what they are worth together.</summary>
public sealed record PlannedWeek(IReadOnlyList<PlannedShift> Shifts, long Value);

/// <summary>
/// The best plan of one person's week, given the rest of their roster and what each interval of the
/// week is worth to them: a dynamic programme over the week's days whose state is the hours used, the
/// days in a row so far and yesterday's shift. Every hard rule is kept: one shift a day, lengths, blocked
/// time and days already worked, rest to yesterday's shift and to the shifts before and after the week,
/// the weekly maximum and minimum, days in a row across the week's ends, and the weekends allowed in four
/// weeks. Each day offers, per length, the starts worth most (and the shift it has now, so the plan is never
/// worse than the week as it is); two shifts two days apart are always far enough apart when the rest and
/// the longest shift fit in a day (<see cref="Applies"/>).
/// </summary>
public static class WeekPlan
{
    /// <summary>Whether only neighbouring days' shifts can be too close for rest, which the programme relies on.</summary>
    public static bool Applies(CoverageProblem p, PoolMember m) => m.MinRestIntervals + m.MaxShiftIntervals <= p.PerDay + 1;

    /// <param name="byDay">The person's shifts by day of the horizon (null for a day off); the week's own entries are ignored.</param>
    /// <param name="gain">What working each interval is worth, from the first interval of the week, for the week and the longest shift past it.</param>
    /// <param name="now">The week's shifts as they are (by day of the week), offered on their days whatever their worth.</param>
    /// <param name="startsPerLength">How many of the best starts each day offers per length.</param>
    /// <returns>The best plan, or null when no plan keeps every rule.</returns>
    public static PlannedWeek? Best(
        CoverageProblem p,
        PoolMember m,
        int person,
        IReadOnlyList<PlannedShift?> byDay,
        int week,
        IReadOnlyList<long> gain,
        IReadOnlyList<PlannedShift?> now,
        int startsPerLength = 2
    )
    {
        int P = p.PerDay,
            d0 = 7 * week,
            d1 = Math.Min(p.Days, d0 + 7),
            n = d1 - d0,
            step = p.LengthStep;
        var prefix = new long[gain.Count + 1];
        for (var k = 0; k < gain.Count; k++)
            prefix[k + 1] = prefix[k] + gain[k];
        var lengths = p.Lengths(m).ToArray();

        // The shapes each day offers: the best starts per length that are free, and the shift it has now.
        var offers = new List<(int Start, int Length, long Value)>[n];
        var ranked = new List<(long Value, int Start)>(P);
        for (var j = 0; j < n; j++)
        {
            var day = d0 + j;
            offers[j] = [];
            if (m.BusyDays.Contains(day))
                continue;
            foreach (var length in lengths)
            {
                ranked.Clear();
                for (var s = 0; s < P; s++)
                    if (m.Blocked.Count == 0 || m.IsFree(day * P + s, day * P + s + length))
                        ranked.Add((prefix[j * P + s + length] - prefix[j * P + s], s));
                ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Start.CompareTo(b.Start));
                foreach (var (worth, start) in ranked.Take(startsPerLength))
                    offers[j].Add((start, length, worth));
            }
            if (j < now.Count && now[j] is { } kept && !offers[j].Any(o => o.Start == kept.Start && o.Length == kept.Length))
                offers[j].Add((kept.Start, kept.Length, prefix[j * P + kept.Start + kept.Length] - prefix[j * P + kept.Start]));
        }

        // The rest of the roster around the week (intervals from the week's first).
        bool Worked(int d) => d >= 0 && d < p.Days && (d < d0 || d >= d1) && (byDay[d] is not null || m.BusyDays.Contains(d));
        int before = int.MinValue / 2,
            after = int.MaxValue / 2;
        for (var d = d0 - 1; d >= 0; d--)
            if (byDay[d] is { } s)
            {
                before = s.To(P) - d0 * P;
                break;
            }
        for (var d = d1; d < p.Days; d++)
            if (byDay[d] is { } s)
            {
                after = s.From(P) - d0 * P;
                break;
            }
        int runIn = 0,
            runOut = 0;
        for (var d = d0 - 1; Worked(d); d--)
            runIn++;
        for (var d = d1; Worked(d); d++)
            runOut++;
        var runs = m.MaxConsecutiveDays;
        if (runIn > runs)
            return null;
        var weekendAllowed = WeekendAllowed(p, m, byDay, week, d0, d1);
        var cap = Math.Max(0, m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(week)) / step;
        var need = (p.MinWeek(m, week) + step - 1) / step;

        // States: steps of hours used, days in a row, yesterday's shape (0 for none, else its offer + 1).
        int H = cap + 1,
            R = runs + 1,
            C = offers.Select(o => o.Count).DefaultIfEmpty(0).Max() + 1,
            S = H * R * C;
        int Index(int h, int r, int c) => (h * R + r) * C + c;
        // The programme's tables are kept per thread and reused: the search plans thousands of weeks a minute.
        var buffers = scratch ??= new Scratch();
        buffers.Fit(S, n);
        var (value, next, back, chose) = (buffers.Value, buffers.Next, buffers.Back, buffers.Chose);
        Array.Fill(value, long.MinValue, 0, S);
        value[Index(0, runIn, 0)] = 0;
        for (var j = 0; j < n; j++)
        {
            Array.Fill(next, long.MinValue, 0, S);
            var from = back[j];
            var pick = chose[j];
            var busy = m.BusyDays.Contains(d0 + j);
            var weekendDay = CoverageProblem.IsWeekendDay(d0 + j);
            for (var h = 0; h < H; h++)
            for (var r = 0; r < R; r++)
            for (var c = 0; c < C; c++)
            {
                var i = Index(h, r, c);
                var here = value[i];
                if (here == long.MinValue)
                    continue;
                if (busy)
                {
                    if (r + 1 < R)
                        Relax(Index(h, r + 1, 0), here, i, -1);
                    continue;
                }
                Relax(Index(h, 0, 0), here, i, -1);
                if (r + 1 >= R || (weekendDay && !weekendAllowed))
                    continue;
                var lastEnd =
                    c > 0 ? (j - 1) * P + offers[j - 1][c - 1].Start + offers[j - 1][c - 1].Length
                    : j == 0 ? before
                    : int.MinValue / 2;
                for (var k = 0; k < offers[j].Count; k++)
                {
                    var (start, length, worth) = offers[j][k];
                    var h2 = h + length / step;
                    int first = j * P + start,
                        end = first + length;
                    if (h2 >= H || first - lastEnd < m.MinRestIntervals || after - end < m.MinRestIntervals)
                        continue;
                    Relax(Index(h2, r + 1, k + 1), here + worth, i, k);
                }
            }
            (value, next) = (next, value);

            void Relax(int to, long v, int i, int k)
            {
                if (v <= next[to])
                    return;
                next[to] = v;
                from[to] = i;
                pick[to] = k;
            }
        }

        var best = -1;
        for (var h = need; h < H; h++)
        for (var r = 0; r < R; r++)
        for (var c = 0; c < C; c++)
        {
            var i = Index(h, r, c);
            if (value[i] == long.MinValue || (r > 0 && runOut > 0 && r + runOut > runs))
                continue;
            if (best < 0 || value[i] > value[best])
                best = i;
        }
        if (best < 0)
            return null;
        var shifts = new List<PlannedShift>();
        for (int j = n - 1, i = best; j >= 0; j--)
        {
            if (chose[j][i] is var k and >= 0)
                shifts.Add(new PlannedShift(person, d0 + j, offers[j][k].Start, offers[j][k].Length));
            i = back[j][i];
        }
        shifts.Reverse();
        return new PlannedWeek(shifts, value[best]);
    }

    [ThreadStatic]
    private static Scratch? scratch;

    private sealed class Scratch
    {
        public long[] Value = [],
            Next = [];
        public int[][] Back = [],
            Chose = [];

        public void Fit(int states, int days)
        {
            if (Value.Length < states)
            {
                (Value, Next) = (new long[states], new long[states]);
                Back = Chose = [];
            }
            if (Back.Length < days || (Back.Length > 0 && Back[0].Length < states))
            {
                Back = Enumerable.Range(0, Math.Max(days, 7)).Select(_ => new int[Value.Length]).ToArray();
                Chose = Enumerable.Range(0, Math.Max(days, 7)).Select(_ => new int[Value.Length]).ToArray();
            }
        }
    }

    /// <summary>Whether the person may work this week's weekend: already counted (a day already worked), or one more weekend fits every four-week window.</summary>
    private static bool WeekendAllowed(CoverageProblem p, PoolMember m, IReadOnlyList<PlannedShift?> byDay, int week, int d0, int d1)
    {
        if (Enumerable.Range(d0, d1 - d0).Any(d => CoverageProblem.IsWeekendDay(d) && m.BusyDays.Contains(d)))
            return true;
        return DayOptions.WeekendFits(p, m, byDay, week);
    }
}
