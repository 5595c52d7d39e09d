namespace Agency.Domain.Rostering;

/// <summary>What a person may work on one day, all hard rules kept, given their shifts on the other days.</summary>
/// <param name="Shapes">Start (interval of the day) and length of every allowed shift; empty when the day must stay off.</param>
/// <param name="MinLength">When the weekly minimum needs this day: the least length; 0 when a day off is allowed.</param>
public sealed record DayChoice(IReadOnlyList<(int Start, int Length)> Shapes, int MinLength);

/// <summary>
/// The limits of one day, given the person's other days: whether they may work it at all, the least
/// length the weekly minimum needs (0 when a day off is allowed), the most the week has room for, and
/// the window the shift must fall in for the rest to the shifts before and after (horizon intervals,
/// half-open). A shape is allowed when <see cref="Allows"/> says so.
/// </summary>
public readonly record struct DayLimits(bool Open, int Need, int Room, int EarliestFrom, int LatestTo)
{
    /// <summary>Whether a shift of <paramref name="length"/> starting at <paramref name="start"/> of <paramref name="day"/> keeps every limit.</summary>
    public bool Allows(CoverageProblem p, PoolMember m, int day, int start, int length)
    {
        if (!Open || length > Room || length < Need)
            return false;
        var from = day * p.PerDay + start;
        return from >= EarliestFrom && from + length <= LatestTo && (m.Blocked.Count == 0 || m.IsFree(from, from + length));
    }
}

/// <summary>
/// The rules of a person's week and runs seen from one day: days in a row, weekends in four weeks,
/// weekly hours (most and least), rest to the shifts before and after, blocked time. Used to re-plan
/// one day of a roster without breaking anything on the others.
/// </summary>
public static class DayOptions
{
    /// <param name="weekComplete">Whether the other days are the person's whole week, so that this day must make up what the weekly minimum still needs (false while a week is still being planned).</param>
    public static DayChoice For(CoverageProblem p, PoolMember m, IReadOnlyList<PlannedShift> otherDays, int day, bool weekComplete = true)
    {
        var byDay = new PlannedShift?[p.Days];
        foreach (var s in otherDays)
            if (s.Day != day && s.Day >= 0 && s.Day < p.Days)
                byDay[s.Day] = s;
        var limits = Limits(p, m, byDay, day, weekComplete);
        var shapes = new List<(int, int)>();
        if (limits.Open)
            foreach (var length in p.Lengths(m))
                for (var start = 0; start < p.PerDay; start++)
                    if (limits.Allows(p, m, day, start, length))
                        shapes.Add((start, length));
        return new DayChoice(shapes, limits.Need);
    }

    /// <summary>The limits of <paramref name="day"/>, given the person's shift on every other day (<paramref name="byDay"/>, indexed by day, null for a day off; the entry for <paramref name="day"/> itself is ignored).</summary>
    public static DayLimits Limits(CoverageProblem p, PoolMember m, IReadOnlyList<PlannedShift?> byDay, int day, bool weekComplete = true)
    {
        var week = day / 7;
        var workedWeek = 0;
        for (var d = 7 * week; d < Math.Min(p.Days, 7 * week + 7); d++)
            if (d != day && byDay[d] is { } s)
                workedWeek += s.Length;
        var need = weekComplete ? Math.Max(0, p.MinWeek(m, week) - workedWeek) : 0;
        if (m.BusyDays.Contains(day))
            return new DayLimits(false, 0, 0, 0, 0);
        int left = 0,
            right = 0;
        for (var k = day - 1; Worked(k); k--)
            left++;
        for (var k = day + 1; Worked(k); k++)
            right++;
        if (left + 1 + right > m.MaxConsecutiveDays)
            return new DayLimits(false, need, 0, 0, 0);
        if (CoverageProblem.IsWeekendDay(day) && !Worked(7 * week + 5) && !Worked(7 * week + 6) && !WeekendFits(p, m, byDay, week))
            return new DayLimits(false, need, 0, 0, 0);
        var room = m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(week) - workedWeek;
        int before = int.MinValue / 2,
            after = int.MaxValue / 2;
        for (var d = day - 1; d >= 0; d--)
            if (byDay[d] is { } s)
            {
                before = s.To(p.PerDay);
                break;
            }
        for (var d = day + 1; d < p.Days; d++)
            if (byDay[d] is { } s)
            {
                after = s.From(p.PerDay);
                break;
            }
        return new DayLimits(true, need, room, before + m.MinRestIntervals, after - m.MinRestIntervals);

        bool Worked(int d) => d >= 0 && d < p.Days && d != day && (byDay[d] is not null || m.BusyDays.Contains(d));
    }

    /// <summary>Whether working the weekend of <paramref name="week"/> keeps every four-week window within the weekends allowed, with the weekends worked in the other weeks (<paramref name="byDay"/> and days already worked).</summary>
    public static bool WeekendFits(CoverageProblem p, PoolMember m, IReadOnlyList<PlannedShift?> byDay, int week)
    {
        var weekends = new bool[p.Weeks];
        weekends[week] = true;
        for (var d = 0; d < p.Days; d++)
            if (d / 7 != week && CoverageProblem.IsWeekendDay(d) && (byDay[d] is not null || m.BusyDays.Contains(d)))
                weekends[d / 7] = true;
        foreach (var window in CoverageRules.WeekendWindows(p))
        {
            var n = 0;
            foreach (var w in window)
                if (weekends[w])
                    n++;
            if (n > m.MaxWeekendsPer4Weeks)
                return false;
        }
        return true;
    }
}
