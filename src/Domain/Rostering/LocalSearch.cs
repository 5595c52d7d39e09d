namespace Agency.Domain.Rostering;

/// <summary>
/// Improves a valid roster one person-day at a time: each person's shift on a day is replaced by
/// the best shape that day allows (<see cref="DayOptions"/>: every hard rule kept against their other
/// days) or by a day off, for the brand where it does the most good, as long as the weighted
/// short, over and worked intervals go down. Sweeps over all person-days in random order until a
/// sweep finds nothing or time runs out. While searching, each interval of a shift counts for the
/// brand it serves that needs it most at that moment; the final coverage splits people per interval
/// exactly (<see cref="CoverageRules.Evaluate"/>), which is never worse.
/// </summary>
public static class LocalSearch
{
    /// <param name="focus">When given, only these people's days from <c>From</c> to <c>To</c> (day indices, both included) are re-planned, as after a partial ruin.</param>
    public static IReadOnlyList<PlannedShift> Improve(CoverageProblem p, IReadOnlyList<PlannedShift> start, TimeSpan limit, CancellationToken ct = default,
        Action<IReadOnlyList<PlannedShift>>? onSweep = null, int seed = 1, (IReadOnlyCollection<int> People, int From, int To)? focus = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int P = p.PerDay, T = p.Intervals;
        var w = p.Weights;
        var scheduled = p.Brands.Select(_ => new int[T]).ToArray();
        var current = new PlannedShift?[p.Staff.Count, p.Days];
        var servedBrand = new int[p.Staff.Count, p.Days][];
        foreach (var s in start) Place(s);
        var rng = new Random(seed);
        var (firstDay, lastDay) = focus is { } f ? (Math.Max(0, f.From), Math.Min(p.Days - 1, f.To)) : (0, p.Days - 1);
        var people = focus?.People.ToArray() ?? Enumerable.Range(0, p.Staff.Count).ToArray();
        var order = people.SelectMany(person => Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(day => person * p.Days + day)).ToArray();
        while (watch.Elapsed < limit && !ct.IsCancellationRequested)
        {
            rng.Shuffle(order);
            var improved = false;
            foreach (var k in order)
            {
                if (watch.Elapsed >= limit || ct.IsCancellationRequested) break;
                int person = k / p.Days, day = k % p.Days;
                var m = p.Staff[person];
                if (m.Brands.Count == 0) continue;
                var old = current[person, day];
                if (old is { } o) Remove(o);
                var others = Enumerable.Range(0, p.Days).Where(d => d != day && current[person, d] is not null).Select(d => current[person, d]!.Value).ToList();
                var options = DayOptions.For(p, m, others, day);
                // The day off (when allowed) or keeping the old shift is the baseline; any strictly better shape replaces it.
                PlannedShift? choice = options.MinLength > 0 ? old : null;
                // A day the weekly minimum needs is worked even at a loss.
                var best = choice is { } c ? Value(c, m.Brands) : options.MinLength > 0 ? long.MinValue : 0;
                if (old is { } kept && options.MinLength == 0 && Value(kept, m.Brands) is var keep && keep >= best) { best = keep; choice = kept; }
                if (BestShape(person, day, options, best) is { } better) choice = better.Shift;
                if (choice is { } chosen) Place(chosen);
                if (choice != old) improved = true;
            }
            // Who counts for which brand was decided as each shift was placed; split everyone again exactly, so that the next
            // sweep sees where people are really short (a person left on a brand that no longer needs them hides a gap elsewhere).
            Rebalance();
            // Stuck one day at a time (every week's hours used, runs of days at their longest): move a person's work between two days within a week of each other.
            if (!improved) improved = PairSweep();
            onSweep?.Invoke(Shifts());
            if (!improved) break;
        }
        return Shifts();

        void Rebalance()
        {
            var on = new List<(int Person, int Day)>[T];
            for (var person = 0; person < p.Staff.Count; person++)
                for (var day = 0; day < p.Days; day++)
                    if (current[person, day] is { } x)
                        for (var t = x.From(P); t < Math.Min(x.To(P), T); t++) (on[t] ??= []).Add((person, day));
            foreach (var row in scheduled) Array.Clear(row);
            var demand = new int[p.Brands.Count];
            for (var t = 0; t < T; t++)
            {
                if (on[t] is not { } here) continue;
                for (var b = 0; b < demand.Length; b++) demand[b] = p.Demand[b][t];
                var brandOf = CoverageRules.Assign(here.Select(x => p.Staff[x.Person].Brands).ToList(), demand);
                for (var k = 0; k < here.Count; k++)
                {
                    var (person, day) = here[k];
                    servedBrand[person, day][t - current[person, day]!.Value.From(P)] = brandOf[k];
                    if (brandOf[k] >= 0) scheduled[brandOf[k]][t]++;
                }
            }
        }

        // Each person's two days (at most six apart) re-planned together, in both orders: the first takes the best shape it may,
        // the second the best that is left; kept when the two together do more good than before.
        bool PairSweep()
        {
            var pairs = new List<(int Person, int First, int Second)>();
            foreach (var person in people)
            {
                if (p.Staff[person].Brands.Count == 0) continue;
                for (var d1 = firstDay; d1 <= lastDay; d1++)
                    for (var d2 = Math.Max(0, d1 - 6); d2 < Math.Min(p.Days, d1 + 7); d2++)
                        if (d1 != d2 && (current[person, d1] is not null || current[person, d2] is not null)) pairs.Add((person, d1, d2));
            }
            var pairOrder = pairs.ToArray();
            rng.Shuffle(pairOrder);
            var any = false;
            foreach (var (person, d1, d2) in pairOrder)
            {
                if (watch.Elapsed >= limit || ct.IsCancellationRequested) break;
                if (TryPair(person, d1, d2)) any = true;
            }
            return any;
        }

        bool TryPair(int person, int d1, int d2)
        {
            var m = p.Staff[person];
            var (old1, old2) = (current[person, d1], current[person, d2]);
            if (old1 is { } o1) Remove(o1);
            if (old2 is { } o2) Remove(o2);
            // What the two days do now, valued the same way (first, then second given the first).
            long before = 0;
            if (old1 is { } a) { before += Value(a, m.Brands); Place(a); }
            if (old2 is { } b) before += Value(b, m.Brands);
            if (old1 is { } a2) Remove(a2);

            var first = BestFor(person, d1);
            if (first.Infeasible) { Restore(); return false; }
            if (first.Shift is { } f) Place(f);
            var second = BestFor(person, d2);
            if (second.Infeasible || first.Value + second.Value <= before || (first.Shift == old1 && second.Shift == old2))
            {
                if (first.Shift is { } f2) Remove(f2);
                Restore();
                return false;
            }
            if (second.Shift is { } s2) Place(s2);
            return true;

            void Restore()
            {
                if (old1 is { } r1) Place(r1);
                if (old2 is { } r2) Place(r2);
            }
        }

        // The best shape (or the day off, when the week allows it) for a person's empty day, given their other days.
        (PlannedShift? Shift, long Value, bool Infeasible) BestFor(int person, int day)
        {
            var m = p.Staff[person];
            var others = Enumerable.Range(0, p.Days).Where(d => d != day && current[person, d] is not null).Select(d => current[person, d]!.Value).ToList();
            var options = DayOptions.For(p, m, others, day);
            var floor = options.MinLength > 0 ? long.MinValue : 0;
            return BestShape(person, day, options, floor) is { } found ? (found.Shift, found.Value, false) : (null, floor, options.MinLength > 0);
        }

        // The allowed shape worth strictly more than `floor`, if any.
        (PlannedShift Shift, long Value)? BestShape(int person, int day, DayChoice options, long floor)
        {
            (PlannedShift, long)? best = null;
            foreach (var (s0, len) in options.Shapes)
            {
                var shape = new PlannedShift(person, day, s0, len);
                var value = Value(shape, p.Staff[person].Brands);
                if (value > floor) { floor = value; best = (shape, value); }
            }
            return best;
        }

        List<PlannedShift> Shifts()
        {
            var list = new List<PlannedShift>();
            foreach (var c in current) if (c is { } x) list.Add(x);
            return list;
        }

        // What working a shift saves: per interval, a short interval filled on the brand that needs it, or one over; minus the hours.
        long Value(PlannedShift shift, IReadOnlyList<int> brands)
        {
            long g = -shift.Length * (long)w.PerWorkedInterval;
            for (var t = shift.From(P); t < Math.Min(shift.To(P), T); t++) g += Needs(t, brands) >= 0 ? w.UnderPerInterval : -w.OverPerInterval;
            return g;
        }

        // The served brand short at t (most short first), or -1 when none is.
        int Needs(int t, IReadOnlyList<int> brands)
        {
            int pick = -1, most = 0;
            foreach (var b in brands)
            {
                var gap = p.Demand[b][t] - scheduled[b][t];
                if (gap > most) { most = gap; pick = b; }
            }
            return pick;
        }

        void Place(PlannedShift s)
        {
            var brands = p.Staff[s.Person].Brands;
            current[s.Person, s.Day] = s;
            var served = servedBrand[s.Person, s.Day] = new int[s.Length];
            for (var t = s.From(P); t < Math.Min(s.To(P), T); t++)
            {
                var b = Needs(t, brands);
                if (b < 0 && brands.Count > 0) b = brands[0];
                served[t - s.From(P)] = b;
                if (b >= 0) scheduled[b][t]++;
            }
        }

        void Remove(PlannedShift s)
        {
            current[s.Person, s.Day] = null;
            var served = servedBrand[s.Person, s.Day];
            for (var t = s.From(P); t < Math.Min(s.To(P), T); t++)
                if (served[t - s.From(P)] is var b and >= 0) scheduled[b][t]--;
        }
    }
}
