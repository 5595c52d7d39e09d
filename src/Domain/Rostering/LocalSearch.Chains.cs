namespace Agency.Domain.Rostering;

public static partial class LocalSearch
{
    /// <summary>Ejection chains (<see cref="Improve"/> with chains): a shift moved a little at a loss, and the colleagues it relieves or leaves short re-planned after it.</summary>
    private sealed partial class Search<TMask>
    {
        /// <summary>How far (in intervals) a chain moves the start or the end of the shift it begins with.</summary>
        private const int ChainReach = 2;

        /// <summary>The intervals next to a short one where a colleague's shift may end or start (the nearest first).</summary>
        private static readonly int[] Next = [-1, 1, -2, 2];

        // Every worked person-day within the searched days, in random order: kept when a chain does more good than before.
        private bool ChainSweep()
        {
            var starts = new List<(int Person, int Day)>();
            foreach (var person in people)
                for (var day = firstDay; day <= lastDay; day++)
                    if (current[person][day] is not null)
                        starts.Add((person, day));
            return TryAll(starts.ToArray(), start => TryChain(start.Person, start.Day));
        }

        // An ejection chain: the person's shift on the day takes a shape near it (starting or ending at most two intervals away),
        // even at a loss; then colleagues re-plan their day, each only to a strictly better shape: those the new shape makes over
        // (they may leave), and those whose shifts end or start next to an interval the old shape leaves short (they may stretch).
        // Kept when the chain together does more good than before; otherwise everything is put back.
        private bool TryChain(int person, int day)
        {
            var m = p.Staff[person];
            if (m.Brands.Count == 0 || current[person][day] is not { } old)
                return false;
            Remove(old);
            var before = Value(old);
            var options = DayOptions.Limits(p, m, current[person], day);
            var shapes = new List<PlannedShift>();
            foreach (var length in p.Lengths(m))
                for (var start = Math.Max(0, old.Start - ChainReach); start <= Math.Min(P - 1, old.Start + ChainReach); start++)
                    if (
                        Math.Abs(start + length - old.Start - old.Length) <= ChainReach
                        && (start, length) != (old.Start, old.Length)
                        && options.Allows(p, m, day, start, length)
                    )
                        shapes.Add(new PlannedShift(person, day, start, length));
            rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shapes));
            var log = new List<(PlannedShift Old, PlannedShift? New)>();
            foreach (var shape in shapes)
            {
                if (watch.Elapsed >= limit)
                    break;
                var total = Value(shape) - before;
                Place(shape);
                log.Clear();
                foreach (var (other, otherDay) in Colleagues(person, old, shape))
                {
                    if (current[other][otherDay] is not { } had)
                        continue;
                    Remove(had);
                    var keep = Value(had);
                    var otherOptions = DayOptions.Limits(p, p.Staff[other], current[other], otherDay);
                    if (BestShape(other, otherDay, otherOptions, keep) is { } better)
                    {
                        Place(better.Shift);
                        total += better.Value - keep;
                        log.Add((had, better.Shift));
                    }
                    else if (otherOptions.Need == 0 && keep < 0)
                    {
                        total -= keep;
                        log.Add((had, null));
                    }
                    else
                        Place(had);
                }
                if (total > 0)
                    return true;
                for (var k = log.Count - 1; k >= 0; k--)
                {
                    if (log[k].New is { } n)
                        Remove(n);
                    Place(log[k].Old);
                }
                Remove(shape);
            }
            Place(old);
            return false;
        }

        // Who a chain re-plans once the person's shift changed from `old` to `shape`: colleagues counted for a brand that is over where
        // the new shape covers, and colleagues of a brand now short where the old shape covered whose shift ends or starts next to it.
        private IEnumerable<(int Person, int Day)> Colleagues(int person, PlannedShift old, PlannedShift shape)
        {
            var found = new List<(int, int)>();
            var served = servedBrand[person, shape.Day];
            for (var t = shape.From(P); t < Math.Min(shape.To(P), T); t++)
            {
                var b = served[t - shape.From(P)];
                if (b < 0 || scheduled[b][t] <= p.Demand[b][t])
                    continue;
                foreach (var q in holders[t * B + b] ?? [])
                    if (q != person)
                        Add(q, t);
            }
            for (var t = old.From(P); t < Math.Min(old.To(P), T); t++)
            {
                if (t >= shape.From(P) && t < shape.To(P))
                    continue;
                foreach (var b in p.Staff[person].Brands)
                {
                    if (scheduled[b][t] >= p.Demand[b][t])
                        continue;
                    foreach (var offset in Next)
                        if (t + offset is var t2 && t2 >= 0 && t2 < T)
                            foreach (var q in holders[t2 * B + b] ?? [])
                                if (q != person)
                                    Add(q, t2);
                }
            }
            return found;

            void Add(int q, int t)
            {
                var d = ShiftDayAt(q, t);
                if (d >= 0 && !found.Contains((q, d)))
                    found.Add((q, d));
            }
        }
    }
}
