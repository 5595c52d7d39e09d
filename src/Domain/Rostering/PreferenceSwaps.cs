namespace Agency.Domain.Rostering;

/// <summary>
/// Moves people into their preferred hours by trading shifts: two people who share a brand and work the same day swap their
/// shifts' times when that puts more of their hours inside their preferred windows, both keep every rule of their own, and
/// the cover of the intervals the two shifts touch is no worse. No single person's move can do this without leaving a gap
/// for a moment, so the local search does not find it.
/// </summary>
public static class PreferenceSwaps
{
    public static IReadOnlyList<PlannedShift> Improve(
        CoverageProblem p,
        IReadOnlyList<PlannedShift> roster,
        TimeSpan limit,
        CancellationToken ct = default
    )
    {
        if (p.Staff.All(m => m.Preferred is null))
            return roster;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var mine = p.Staff.Select(_ => new List<PlannedShift>()).ToArray();
        foreach (var s in roster)
            mine[s.Person].Add(s);
        var late = mine.Select(l => l.Count(s => p.IsLate(s.Start, s.Length))).ToArray();
        var maxLate = late.DefaultIfEmpty(0).Max();
        var w = p.Weights;
        for (var improved = true; improved && watch.Elapsed < limit && !ct.IsCancellationRequested; )
        {
            improved = false;
            for (var day = 0; day < p.Days && watch.Elapsed < limit && !ct.IsCancellationRequested; day++)
            {
                var today = mine.SelectMany(l => l).Where(s => s.Day == day).ToList();
                for (var i = 0; i < today.Count; i++)
                for (var j = i + 1; j < today.Count; j++)
                {
                    PlannedShift a = today[i],
                        b = today[j];
                    if (a.Start == b.Start && a.Length == b.Length)
                        continue;
                    if (!p.Staff[a.Person].Brands.Intersect(p.Staff[b.Person].Brands).Any())
                        continue;
                    var newA = a with { Start = b.Start, Length = b.Length };
                    var newB = b with { Start = a.Start, Length = a.Length };
                    var outsideGain =
                        CoverageRules.OutsidePreferred(p, a)
                        + CoverageRules.OutsidePreferred(p, b)
                        - CoverageRules.OutsidePreferred(p, newA)
                        - CoverageRules.OutsidePreferred(p, newB);
                    if (outsideGain <= 0)
                        continue;
                    if (!Keeps(p, mine[a.Person], a, newA) || !Keeps(p, mine[b.Person], b, newB))
                        continue;
                    var lateA = late[a.Person] - (p.IsLate(a.Start, a.Length) ? 1 : 0) + (p.IsLate(newA.Start, newA.Length) ? 1 : 0);
                    var lateB = late[b.Person] - (p.IsLate(b.Start, b.Length) ? 1 : 0) + (p.IsLate(newB.Start, newB.Length) ? 1 : 0);
                    if (Math.Max(lateA, lateB) > maxLate)
                        continue;
                    // Cover of the intervals either shift touches, counted from the shifts that reach them, before and after.
                    var from = day * p.PerDay + Math.Min(a.Start, b.Start);
                    var to = day * p.PerDay + Math.Max(a.Start + a.Length, b.Start + b.Length);
                    var near = mine.SelectMany(l => l).Where(s => s.From(p.PerDay) < to && s.To(p.PerDay) > from).ToList();
                    var before = CoverageRules.Evaluate(p, near, from, to);
                    var swapped = near.Select(s =>
                            s == a ? newA
                            : s == b ? newB
                            : s
                        )
                        .ToList();
                    var after = CoverageRules.Evaluate(p, swapped, from, to);
                    var delta =
                        (long)w.UnderPerInterval * (after.UnderCoverage - before.UnderCoverage)
                        + (long)w.OverPerInterval * (after.OverCoverage - before.OverCoverage)
                        - (long)w.OutsidePreferredPerInterval * outsideGain;
                    if (delta >= 0)
                        continue;
                    Replace(mine[a.Person], a, newA);
                    Replace(mine[b.Person], b, newB);
                    (late[a.Person], late[b.Person]) = (lateA, lateB);
                    (today[i], today[j]) = (newA, newB);
                    improved = true;
                }
            }
        }
        return mine.SelectMany(l => l).ToList();
    }

    // The person's own rules with one shift changed (every rule is one person's: their shifts alone are checked).
    private static bool Keeps(CoverageProblem p, List<PlannedShift> shifts, PlannedShift old, PlannedShift now)
    {
        var changed = shifts.Select(s => s == old ? now : s).ToList();
        return CoverageRules.Violations(p, changed, new HashSet<int> { now.Person }).Count == 0;
    }

    private static void Replace(List<PlannedShift> shifts, PlannedShift old, PlannedShift now) => shifts[shifts.IndexOf(old)] = now;
}
