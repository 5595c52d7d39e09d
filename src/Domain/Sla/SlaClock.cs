namespace Agency.Domain.Sla;

/// <summary>A span during which the clock stands still (for example while waiting on the customer).</summary>
public readonly record struct Pause(DateTime StartUtc, DateTime? EndUtc);

/// <summary>
/// An SLA clock in business time: it starts at the customer's post, counts only open time, stands
/// still during pauses, and says how much has elapsed and when the target falls due.
/// </summary>
public static class SlaClock
{
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTime startUtc, DateTime nowUtc, IReadOnlyList<Pause>? pauses = null)
    {
        var elapsed = calendar.BusinessTimeBetween(startUtc, nowUtc);
        foreach (var p in Merge(pauses, nowUtc))
        {
            var from = p.Start < startUtc ? startUtc : p.Start;
            var to = p.End > nowUtc ? nowUtc : p.End;
            elapsed -= calendar.BusinessTimeBetween(from, to);
        }
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    /// <summary>When the target is reached, given the pauses known so far (an open pause is taken as lasting until <paramref name="nowUtc"/>).</summary>
    public static DateTime DueAt(
        BusinessCalendar calendar,
        DateTime startUtc,
        TimeSpan target,
        DateTime nowUtc,
        IReadOnlyList<Pause>? pauses = null
    )
    {
        var merged = Merge(pauses, nowUtc).Where(p => p.End > startUtc).ToList();
        var due = calendar.AddBusinessTime(startUtc, target);
        // Each pause that begins before the due time pushes it out by the open time it covers.
        for (var changed = true; changed; )
        {
            changed = false;
            var paused = TimeSpan.Zero;
            foreach (var p in merged.Where(p => p.Start < due))
                paused += calendar.BusinessTimeBetween(p.Start < startUtc ? startUtc : p.Start, p.End);
            var next = calendar.AddBusinessTime(startUtc, target + paused);
            if (next != due)
            {
                due = next;
                changed = true;
            }
        }
        return due;
    }

    /// <summary>Share of the target used (1 = due now); escalation warns at a configured share.</summary>
    public static double ShareUsed(
        BusinessCalendar calendar,
        DateTime startUtc,
        TimeSpan target,
        DateTime nowUtc,
        IReadOnlyList<Pause>? pauses = null
    ) => target <= TimeSpan.Zero ? 1 : Elapsed(calendar, startUtc, nowUtc, pauses) / target;

    private static List<(DateTime Start, DateTime End)> Merge(IReadOnlyList<Pause>? pauses, DateTime nowUtc)
    {
        var list = (pauses ?? [])
            .Select(p => (Start: p.StartUtc, End: p.EndUtc ?? nowUtc))
            .Where(p => p.End > p.Start)
            .OrderBy(p => p.Start)
            .ToList();
        var merged = new List<(DateTime Start, DateTime End)>();
        foreach (var p in list)
        {
            if (merged.Count > 0 && p.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, p.End > merged[^1].End ? p.End : merged[^1].End);
            else
                merged.Add(p);
        }
        return merged;
    }
}
