namespace Agency.Domain.Rostering;

/// <summary>
/// A lower bound on the under-coverage of any roster, from capacity alone. For each week and each set
/// of brands, their demand can only be met by the people who serve one of them, at most one person per
/// interval each (when free), and within those people's weekly hours (plus what a shift started the
/// day before can carry into the week). A person's weekly hours are also limited by the days they may
/// work that week (none in a week off) times their longest shift. Whatever demand exceeds that is short in every roster.
/// The bound is the sum over weeks of the largest shortfall over the brand sets, or, when larger,
/// the same over the whole horizon with weekends limited too: over each four weeks a person works at
/// most their allowed weekends (two days each), plus what a Friday shift carries into Saturday.
/// </summary>
public static class CoverageBound
{
    public static int Compute(CoverageProblem p)
    {
        var subsets = BrandSets(p.Brands.Count).ToList();
        // People who serve the same brands are counted together: free people per brand mask and interval.
        var masks = p.Staff.Select(m => m.Brands.Aggregate(0L, (a, b) => a | (1L << b))).ToArray();
        var free = masks.Distinct().ToDictionary(k => k, _ => new int[p.Intervals]);
        for (var i = 0; i < p.Staff.Count; i++)
        for (var t = 0; t < p.Intervals; t++)
            if (p.Staff[i].IsFree(t, t + 1))
                free[masks[i]][t]++;
        var total = 0;
        for (var w = 0; w < p.Weeks; w++)
        {
            int from = 7 * w * p.PerDay,
                to = Math.Min(p.Days, 7 * w + 7) * p.PerDay;
            var best = 0;
            foreach (var set in subsets)
            {
                var setMask = set.Aggregate(0L, (a, b) => a | (1L << b));
                var people = p.Staff.Where((_, i) => (masks[i] & setMask) != 0).ToList();
                var serving = free.Where(kv => (kv.Key & setMask) != 0).Select(kv => kv.Value).ToArray();
                long hours = people.Sum(m => WeekHours(p, m, w));
                if (w > 0)
                    hours += people.Sum(m => (long)Math.Max(0, m.MaxShiftIntervals - 1));
                long demand = 0,
                    reachable = 0;
                for (var t = from; t < to; t++)
                {
                    var d = set.Sum(b => p.Demand[b][t]);
                    if (d == 0)
                        continue;
                    demand += d;
                    var available = 0;
                    foreach (var counts in serving)
                        available += counts[t];
                    reachable += Math.Min(d, available);
                }
                best = Math.Max(best, (int)(demand - Math.Min(hours, reachable)));
            }
            total += best;
        }
        return Math.Max(total, WithWeekends(p, subsets, masks, free));
    }

    private static int WithWeekends(CoverageProblem p, List<int[]> subsets, long[] masks, Dictionary<long, int[]> free)
    {
        var windows = Math.Max(1, (p.Weeks + 3) / 4);
        var best = 0;
        foreach (var set in subsets)
        {
            var setMask = set.Aggregate(0L, (a, b) => a | (1L << b));
            var people = p.Staff.Where((_, i) => (masks[i] & setMask) != 0).ToList();
            var serving = free.Where(kv => (kv.Key & setMask) != 0).Select(kv => kv.Value).ToArray();
            // Every roster interval belongs to a shift that started in the horizon and counts in the week it started.
            long hours = Enumerable.Range(0, p.Weeks).Sum(w => people.Sum(m => WeekHours(p, m, w)));
            long weekendCap = people.Sum(m =>
                (long)windows * m.MaxWeekendsPer4Weeks * 2 * m.MaxShiftIntervals + p.Weeks * (long)Math.Max(0, m.MaxShiftIntervals - 1)
            );
            long demand = 0,
                weekday = 0,
                weekend = 0;
            for (var t = 0; t < p.Intervals; t++)
            {
                var d = set.Sum(b => p.Demand[b][t]);
                if (d == 0)
                    continue;
                demand += d;
                var available = 0;
                foreach (var counts in serving)
                    available += counts[t];
                if (CoverageProblem.IsWeekendDay(t / p.PerDay))
                    weekend += Math.Min(d, available);
                else
                    weekday += Math.Min(d, available);
            }
            best = Math.Max(best, (int)(demand - Math.Min(hours, weekday + Math.Min(weekendCap, weekend))));
        }
        return best;
    }

    /// <summary>
    /// The most intervals a person can work in shifts starting in week <paramref name="w"/>: their weekly
    /// maximum less what is already worked, and at most their longest shift on each day they may work (free
    /// for part of it, not already working, and no more days than <see cref="PoolMember.MaxConsecutiveDays"/>
    /// in a row allow in seven).
    /// </summary>
    public static long WeekHours(CoverageProblem p, PoolMember m, int w)
    {
        var first = 7 * w;
        var free = Enumerable
            .Range(first, Math.Min(7, p.Days - first))
            .Count(d => !m.BusyDays.Contains(d) && Enumerable.Range(d * p.PerDay, p.PerDay).Any(t => m.IsFree(t, t + 1)));
        var days = Math.Min(free, 7 - 7 / (m.MaxConsecutiveDays + 1));
        return Math.Max(0, Math.Min(m.MaxWeekIntervals - m.WeekIntervalsTaken.ElementAtOrDefault(w), (long)m.MaxShiftIntervals * days));
    }

    /// <summary>Every non-empty set of brands when there are few; otherwise each brand alone and all together.</summary>
    private static IEnumerable<int[]> BrandSets(int brands)
    {
        if (brands <= 12)
        {
            for (var mask = 1; mask < 1 << brands; mask++)
                yield return Enumerable.Range(0, brands).Where(b => (mask & (1 << b)) != 0).ToArray();
            yield break;
        }
        for (var b = 0; b < brands; b++)
            yield return [b];
        yield return Enumerable.Range(0, brands).ToArray();
    }
}
