namespace Agency.Domain.Rostering;

/// <summary>A change merged into a roster: the roster after it, the intervals [From, To) its changed shifts touch, and whose shifts changed.</summary>
public sealed record MergedChange(IReadOnlyList<PlannedShift> Shifts, int From, int To, IReadOnlySet<int> People);

/// <summary>
/// Parallel searches each start from the best roster of their moment and change a few people's days.
/// What one changed (shifts it dropped and added against the roster it started from) is applied to the
/// best roster as it is now, which other searches may have changed meanwhile: when any dropped shift is
/// no longer there, or an added one already is, the two changes touched the same shifts and this one is refused.
/// Whether the merged roster is better, and breaks no rule, is for the caller to judge.
/// </summary>
public static class RosterMerge
{
    public static MergedChange? Apply(
        IReadOnlyList<PlannedShift> best,
        IReadOnlySet<PlannedShift> bestSet,
        IReadOnlySet<PlannedShift> started,
        IReadOnlyList<PlannedShift> changed,
        int perDay
    )
    {
        var changedSet = changed.ToHashSet();
        var added = changed.Where(s => !started.Contains(s)).ToList();
        var dropped = started.Where(s => !changedSet.Contains(s)).ToHashSet();
        if (added.Count == 0 && dropped.Count == 0)
            return null;
        if (!dropped.All(bestSet.Contains) || added.Any(bestSet.Contains))
            return null;
        int from = int.MaxValue,
            to = int.MinValue;
        foreach (var s in added.Concat(dropped))
        {
            from = Math.Min(from, s.From(perDay));
            to = Math.Max(to, s.To(perDay));
        }
        return new MergedChange(
            best.Where(s => !dropped.Contains(s)).Concat(added).ToList(),
            from,
            to,
            added.Concat(dropped).Select(s => s.Person).ToHashSet()
        );
    }
}
