namespace Agency.Domain.Rostering;

/// <summary>What a person may work on one day, all hard rules kept, given their shifts on the other days.</summary>
/// <param name="Shapes">Start (interval of the day) and length of every allowed shift; empty when the day must stay off.</param>
/// <param name="MinLength">When the weekly minimum needs this day: the least length; 0 when a day off is allowed.</param>
public sealed record DayChoice(IReadOnlyList<(int Start, int Length)> Shapes, int MinLength);

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
        if (m.BusyDays.Contains(day)) return new DayChoice([], 0);
        var week = day / 7;
        var workedWeek = otherDays.Where(s => s.Day / 7 == week).Sum(s => s.Length);
        var need = weekComplete ? Math.Max(0, p.MinWeek(m, week) - workedWeek) : 0;
        var worked = otherDays.Select(s => s.Day).Concat(m.BusyDays).ToHashSet();
        int left = 0, right = 0;
        for (var k = day - 1; worked.Contains(k); k--) left++;
        for (var k = day + 1; worked.Contains(k); k++) right++;
        if (left + 1 + right > m.MaxConsecutiveDays) return new DayChoice([], need);
        if (CoverageProblem.IsWeekendDay(day) && !worked.Contains(7 * week + 5) && !worked.Contains(7 * week + 6))
        {
            var weekends = worked.Where(CoverageProblem.IsWeekendDay).Select(d => d / 7).Append(week).ToHashSet();
            if (CoverageRules.WeekendWindows(p).Any(w => w.Count(weekends.Contains) > m.MaxWeekendsPer4Weeks)) return new DayChoice([], need);
        }
        var room = m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(week) - workedWeek;
        var before = otherDays.Where(s => s.Day < day).Select(s => s.To(p.PerDay)).DefaultIfEmpty(int.MinValue / 2).Max();
        var after = otherDays.Where(s => s.Day > day).Select(s => s.From(p.PerDay)).DefaultIfEmpty(int.MaxValue / 2).Min();
        var shapes = new List<(int, int)>();
        foreach (var length in p.Lengths(m))
        {
            if (length > room || length < need) continue;
            for (var start = 0; start < p.PerDay; start++)
            {
                var from = day * p.PerDay + start;
                if (from - before < m.MinRestIntervals || after - (from + length) < m.MinRestIntervals || !m.IsFree(from, from + length)) continue;
                shapes.Add((start, length));
            }
        }
        return new DayChoice(shapes, need);
    }
}
