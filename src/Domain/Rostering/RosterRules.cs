namespace Agency.Domain.Rostering;

/// <summary>The cost of a roster's broken soft rules, by kind.</summary>
public sealed record RosterCost(int Requests, int UnderCover, int OverCover)
{
    public int Total => Requests + UnderCover + OverCover;
}

/// <summary>
/// Checks a roster against the hard rules and prices the soft ones, exactly as the benchmark defines
/// them. Runs of working days and of days off that touch the start or the end of the horizon may be
/// shorter than the minimum: they continue outside it.
/// </summary>
public static class RosterRules
{
    public static IReadOnlyList<string> Violations(RosterProblem p, Roster r)
    {
        var v = new List<string>();
        var shifts = p.Shifts.ToDictionary(s => s.Id);
        for (var i = 0; i < p.Staff.Count; i++)
        {
            var c = p.Staff[i];
            var off = p.DaysOff.GetValueOrDefault(c.Id) ?? new HashSet<int>();
            for (var d = 0; d < p.Horizon; d++)
            {
                if (r[i, d] is not { } t)
                    continue;
                if (!shifts.ContainsKey(t))
                    v.Add($"{c.Id} day {d}: unknown shift {t}.");
                if (off.Contains(d))
                    v.Add($"{c.Id} works {t} on day {d}, a fixed day off.");
                if (
                    d + 1 < p.Horizon
                    && r[i, d + 1] is { } next
                    && shifts.TryGetValue(t, out var type)
                    && type.CannotBeFollowedBy.Contains(next)
                )
                    v.Add($"{c.Id}: {next} on day {d + 1} cannot follow {t} on day {d} (rest).");
            }
            foreach (var (t, max) in c.MaxShifts)
            {
                var n = Enumerable.Range(0, p.Horizon).Count(d => r[i, d] == t);
                if (n > max)
                    v.Add($"{c.Id} works {n} {t} shifts; at most {max}.");
            }
            var minutes = Enumerable.Range(0, p.Horizon).Sum(d => r[i, d] is { } t && shifts.TryGetValue(t, out var s) ? s.Minutes : 0);
            if (minutes > c.MaxTotalMinutes)
                v.Add($"{c.Id} works {minutes} minutes; at most {c.MaxTotalMinutes}.");
            if (minutes < c.MinTotalMinutes)
                v.Add($"{c.Id} works {minutes} minutes; at least {c.MinTotalMinutes}.");
            foreach (var (start, length, working) in Runs(r, i, p.Horizon))
            {
                var inside = start > 0 && start + length < p.Horizon;
                if (working && length > c.MaxConsecutiveShifts)
                    v.Add($"{c.Id} works {length} days in a row from day {start}; at most {c.MaxConsecutiveShifts}.");
                if (working && inside && length < c.MinConsecutiveShifts)
                    v.Add($"{c.Id} works only {length} day(s) in a row from day {start}; at least {c.MinConsecutiveShifts}.");
                if (!working && inside && length < c.MinConsecutiveDaysOff)
                    v.Add($"{c.Id} has only {length} day(s) off in a row from day {start}; at least {c.MinConsecutiveDaysOff}.");
            }
            var weekends = Enumerable.Range(0, p.Weeks).Count(w => Enumerable.Range(7 * w + 5, 2).Any(d => d < p.Horizon && r.Works(i, d)));
            if (weekends > c.MaxWeekends)
                v.Add($"{c.Id} works {weekends} weekends; at most {c.MaxWeekends}.");
        }
        return v;
    }

    public static RosterCost Cost(RosterProblem p, Roster r)
    {
        var index = p.Staff.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var requests =
            p.OnRequests.Where(q => r[index[q.StaffId], q.Day] != q.ShiftId).Sum(q => q.Weight)
            + p.OffRequests.Where(q => r[index[q.StaffId], q.Day] == q.ShiftId).Sum(q => q.Weight);
        int under = 0,
            over = 0;
        foreach (var c in p.Cover)
        {
            var n = Enumerable.Range(0, p.Staff.Count).Count(i => r[i, c.Day] == c.ShiftId);
            under += Math.Max(0, c.Requirement - n) * c.UnderWeight;
            over += Math.Max(0, n - c.Requirement) * c.OverWeight;
        }
        return new RosterCost(requests, under, over);
    }

    private static IEnumerable<(int Start, int Length, bool Working)> Runs(Roster r, int person, int horizon)
    {
        var start = 0;
        for (var d = 1; d <= horizon; d++)
        {
            if (d < horizon && r.Works(person, d) == r.Works(person, start))
                continue;
            yield return (start, d - start, r.Works(person, start));
            start = d;
        }
    }
}
