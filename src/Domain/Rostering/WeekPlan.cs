namespace Agency.Domain.Rostering;

/// <summary>A week's plan for one person: its shifts and what they are worth together.</summary>
public sealed record PlannedWeek(IReadOnlyList<PlannedShift> Shifts, long Value);

/// <summary>
/// The best plan of one person's weeks, given the rest of their roster and what each interval of
/// those weeks is worth to them: a dynamic programme over the days whose state is the hours used this week,
/// the days in a row so far, yesterday's shift and the weekends worked so far. Every hard rule is kept: one shift
/// a day, lengths, blocked time and days already worked, rest to yesterday's shift and to the shifts before and
/// after the weeks, each week's maximum and minimum, days in a row across the weeks' ends, and the weekends allowed
/// in four weeks. Planning several weeks at once lets a person's runs of days and weekends move across a week's end,
/// which no plan of one week can do. Each day offers, per length, the starts worth most (and the shift it has now,
/// so the plan is never worse than the weeks as they are); two shifts two days apart are always far enough apart
/// when the rest and the longest shift fit in a day (<see cref="Applies"/>).
/// </summary>
public static class WeekPlan
{
    /// <summary>Whether only neighbouring days' shifts can be too close for rest, which the programme relies on.</summary>
    public static bool Applies(CoverageProblem p, PoolMember m) => m.MinRestIntervals + m.MaxShiftIntervals <= p.PerDay + 1;

    /// <summary>The best plan of one week: <see cref="Span"/> of one week.</summary>
    public static PlannedWeek? Best(CoverageProblem p, PoolMember m, int person, IReadOnlyList<PlannedShift?> byDay, int week, IReadOnlyList<long> gain,
        IReadOnlyList<PlannedShift?> now, int startsPerLength = 2) => Span(p, m, person, byDay, week, 1, gain, now, startsPerLength);

    /// <param name="byDay">The person's shifts by day of the horizon (null for a day off); the planned weeks' own entries are ignored.</param>
    /// <param name="firstWeek">The first week planned.</param>
    /// <param name="weeks">How many weeks are planned, from <paramref name="firstWeek"/> (cut at the horizon's end).</param>
    /// <param name="gain">What working each interval is worth, from the first interval of the first week, for the weeks and the longest shift past them.</param>
    /// <param name="now">The weeks' shifts as they are (by day from the first week's first), offered on their days whatever their worth.</param>
    /// <param name="startsPerLength">How many of the best starts each day offers per length.</param>
    /// <returns>The best plan, or null when no plan keeps every rule.</returns>
    public static PlannedWeek? Span(CoverageProblem p, PoolMember m, int person, IReadOnlyList<PlannedShift?> byDay, int firstWeek, int weeks, IReadOnlyList<long> gain,
        IReadOnlyList<PlannedShift?> now, int startsPerLength = 2)
    {
        int P = p.PerDay, d0 = 7 * firstWeek, d1 = Math.Min(p.Days, d0 + 7 * weeks), n = d1 - d0, step = p.LengthStep;
        weeks = (n + 6) / 7;
        var prefix = new long[gain.Count + 1];
        for (var k = 0; k < gain.Count; k++) prefix[k + 1] = prefix[k] + gain[k];
        var lengths = p.Lengths(m).ToArray();

        // The shapes each day offers: the best starts per length that are free, and the shift it has now.
        var offers = new List<(int Start, int Length, long Value)>[n];
        var ranked = new List<(long Value, int Start)>(P);
        for (var j = 0; j < n; j++)
        {
            var day = d0 + j;
            offers[j] = [];
            if (m.BusyDays.Contains(day)) continue;
            foreach (var length in lengths)
            {
                ranked.Clear();
                for (var s = 0; s < P; s++)
                    if (m.Blocked.Count == 0 || m.IsFree(day * P + s, day * P + s + length))
                        ranked.Add((prefix[j * P + s + length] - prefix[j * P + s], s));
                ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Start.CompareTo(b.Start));
                foreach (var (worth, start) in ranked.Take(startsPerLength)) offers[j].Add((start, length, worth));
            }
            if (j < now.Count && now[j] is { } kept && !offers[j].Any(o => o.Start == kept.Start && o.Length == kept.Length))
                offers[j].Add((kept.Start, kept.Length, prefix[j * P + kept.Start + kept.Length] - prefix[j * P + kept.Start]));
        }

        // The rest of the roster around the weeks (intervals from the first week's first).
        bool Worked(int d) => d >= 0 && d < p.Days && (d < d0 || d >= d1) && (byDay[d] is not null || m.BusyDays.Contains(d));
        int before = int.MinValue / 2, after = int.MaxValue / 2;
        for (var d = d0 - 1; d >= 0; d--)
            if (byDay[d] is { } s) { before = s.To(P) - d0 * P; break; }
        for (var d = d1; d < p.Days; d++)
            if (byDay[d] is { } s) { after = s.From(P) - d0 * P; break; }
        int runIn = 0, runOut = 0;
        for (var d = d0 - 1; Worked(d); d--) runIn++;
        for (var d = d1; Worked(d); d++) runOut++;
        var runs = m.MaxConsecutiveDays;
        if (runIn > runs) return null;
        var weekends = new Weekends(p, m, byDay, firstWeek, weeks);
        var caps = new int[weeks];
        var needs = new int[weeks];
        for (var k = 0; k < weeks; k++)
        {
            caps[k] = Math.Max(0, m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(firstWeek + k)) / step;
            needs[k] = (p.MinWeek(m, firstWeek + k) + step - 1) / step;
        }

        // States: the weekends worked (Weekends' key), steps of hours used this week, days in a row, yesterday's shape (0 for none,
        // else its offer + 1).
        int H = caps.Max() + 1, R = runs + 1, C = offers.Select(o => o.Count).DefaultIfEmpty(0).Max() + 1, E = weekends.Keys, S = E * H * R * C;
        int Index(int e, int h, int r, int c) => ((e * H + h) * R + r) * C + c;
        // The programme's tables are kept per thread and reused: the search plans thousands of weeks a minute.
        var buffers = scratch ??= new Scratch();
        buffers.Fit(S, n);
        var (value, next, back, chose) = (buffers.Value, buffers.Next, buffers.Back, buffers.Chose);
        Array.Fill(value, long.MinValue, 0, S);
        value[Index(0, 0, runIn, 0)] = 0;
        for (var j = 0; j < n; j++)
        {
            Array.Fill(next, long.MinValue, 0, S);
            var from = back[j];
            var pick = chose[j];
            var busy = m.BusyDays.Contains(d0 + j);
            var week = j / 7;
            // A new week: the last one's hours must have reached its minimum, and this one's count from nothing.
            var newWeek = j > 0 && j % 7 == 0;
            var cap = caps[week];
            var weekendDay = CoverageProblem.IsWeekendDay(d0 + j);
            for (var e0 = 0; e0 < E; e0++)
                for (var h0 = 0; h0 < H; h0++)
                {
                    if (newWeek && h0 < needs[week - 1]) continue;
                    var (e, h) = newWeek ? (weekends.NextWeek(e0), 0) : (e0, h0);
                    if (e < 0) continue;
                    for (var r = 0; r < R; r++)
                        for (var c = 0; c < C; c++)
                        {
                            var i = Index(e0, h0, r, c);
                            var here = value[i];
                            if (here == long.MinValue) continue;
                            if (busy)
                            {
                                if (r + 1 < R) Relax(Index(e, h, r + 1, 0), here, i, -1);
                                continue;
                            }
                            Relax(Index(e, h, 0, 0), here, i, -1);
                            if (r + 1 >= R) continue;
                            // Working a weekend day counts the week's weekend, unless Saturday (worked yesterday) or a day already worked has.
                            var e2 = weekendDay && !weekends.Counted(week) && !(j % 7 == 6 && c > 0) ? weekends.Work(e, week) : e;
                            if (e2 < 0) continue;
                            var lastEnd = c > 0 ? (j - 1) * P + offers[j - 1][c - 1].Start + offers[j - 1][c - 1].Length : j == 0 ? before : int.MinValue / 2;
                            for (var k = 0; k < offers[j].Count; k++)
                            {
                                var (start, length, worth) = offers[j][k];
                                var h2 = h + length / step;
                                int first = j * P + start, end = first + length;
                                if (h2 > cap || first - lastEnd < m.MinRestIntervals || after - end < m.MinRestIntervals) continue;
                                Relax(Index(e2, h2, r + 1, k + 1), here + worth, i, k);
                            }
                        }
                }
            (value, next) = (next, value);

            void Relax(int to, long v, int i, int k)
            {
                if (v <= next[to]) return;
                next[to] = v;
                from[to] = i;
                pick[to] = k;
            }
        }

        var best = -1;
        for (var e = 0; e < E; e++)
            for (var h = needs[weeks - 1]; h < H; h++)
                for (var r = 0; r < R; r++)
                    for (var c = 0; c < C; c++)
                    {
                        var i = Index(e, h, r, c);
                        if (value[i] == long.MinValue || (r > 0 && runOut > 0 && r + runOut > runs)) continue;
                        if (best < 0 || value[i] > value[best]) best = i;
                    }
        if (best < 0) return null;
        var shifts = new List<PlannedShift>();
        for (int j = n - 1, i = best; j >= 0; j--)
        {
            if (chose[j][i] is var k and >= 0) shifts.Add(new PlannedShift(person, d0 + j, offers[j][k].Start, offers[j][k].Length));
            i = back[j][i];
        }
        shifts.Reverse();
        return new PlannedWeek(shifts, value[best]);
    }

    [ThreadStatic] private static Scratch? scratch;

    private sealed class Scratch
    {
        public long[] Value = [], Next = [];
        public int[][] Back = [], Chose = [];

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

    /// <summary>
    /// The weekends of the planned weeks, as a small key the programme carries: with one four-week window over the horizon, how many
    /// of the planned weeks' weekends are worked; with several windows, which of the last four planned weeks' weekends are (a bit
    /// each, the newest lowest). Weekends outside the planned weeks, and planned weeks with a weekend day already worked, are fixed.
    /// </summary>
    private sealed class Weekends
    {
        private readonly bool single;
        private readonly bool[] fixedWorked;
        private readonly int firstWeek, most, fixedCount;
        private readonly IReadOnlyList<IReadOnlyList<int>> windows;

        public Weekends(CoverageProblem p, PoolMember m, IReadOnlyList<PlannedShift?> byDay, int firstWeek, int weeks)
        {
            (this.firstWeek, most) = (firstWeek, m.MaxWeekendsPer4Weeks);
            fixedWorked = new bool[p.Weeks];
            for (var d = 0; d < p.Days; d++)
            {
                if (!CoverageProblem.IsWeekendDay(d)) continue;
                var planned = d / 7 >= firstWeek && d / 7 < firstWeek + weeks;
                if (m.BusyDays.Contains(d) || (!planned && byDay[d] is not null)) fixedWorked[d / 7] = true;
            }
            windows = CoverageRules.WeekendWindows(p).ToList();
            single = windows.Count == 1;
            fixedCount = fixedWorked.Count(x => x);
            Keys = single ? Math.Max(1, most - fixedCount + 1) : 16;
        }

        /// <summary>How many keys there are (0 to Keys - 1); key 0 is no planned weekend worked.</summary>
        public int Keys { get; }

        /// <summary>Whether the planned week's weekend is worked already, whatever the plan.</summary>
        public bool Counted(int week) => fixedWorked[firstWeek + week];

        /// <summary>The key at the start of the next week.</summary>
        public int NextWeek(int key) => single ? key : (key << 1) & 15;

        /// <summary>The key once the planned week's weekend is worked, or -1 when a four-week window would hold too many.</summary>
        public int Work(int key, int week)
        {
            if (single) return key + 1 + fixedCount <= most ? key + 1 : -1;
            var worked = key | 1;
            var at = firstWeek + week;
            foreach (var window in windows)
            {
                if (!window.Contains(at)) continue;
                var n = 0;
                foreach (var x in window)
                    if (fixedWorked[x] || (x >= firstWeek && x <= at && at - x < 4 && (worked >> (at - x) & 1) != 0)) n++;
                if (n > most) return -1;
            }
            return worked;
        }
    }
}
