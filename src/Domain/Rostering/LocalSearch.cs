using System.Numerics;

namespace Agency.Domain.Rostering;

/// <summary>
/// Improves a valid roster one person-day at a time: each person's shift on a day is replaced by
/// the best shape that day allows (<see cref="DayOptions"/>: every hard rule kept against their other
/// days) or by a day off, for the brand where it does the most good, as long as the weighted
/// short, over and worked intervals go down; a shape worth exactly as much may replace it too (a sideways move, drawn at
/// random among the equals), which opens gains for others. Sweeps over all person-days in random order until a
/// sweep finds nothing or time runs out; when one does, a person's weekend is moved to another weekend
/// (both weeks re-planned), then a person's whole week is planned anew by <see cref="WeekPlan"/> (the best of
/// all its days together, with the others' shifts fixed), then two days of a person are re-planned together, then (when asked
/// for) ejection chains are tried: a shift moved by an interval or two at a loss, and the colleagues it relieves or leaves
/// short re-planned after it, kept when the chain as a whole gains. An interval of a shift
/// is worth covering when one of the person's brands is short then, or when someone on shift could move
/// on to another of their brands that is (an augmenting path, followed when the shift is placed). After
/// each sweep everyone on shift is split over brands again exactly, as the final coverage does
/// (<see cref="CoverageRules.Evaluate"/>).
/// </summary>
public static partial class LocalSearch
{
    /// <param name="focus">When given, only these people's days from <c>From</c> to <c>To</c> (day indices, both included) are re-planned, as after a partial ruin.</param>
    /// <param name="chains">Whether ejection chains are tried when nothing else gains: thorough but slow over a whole roster, so meant for a focused search.</param>
    public static IReadOnlyList<PlannedShift> Improve(
        CoverageProblem p,
        IReadOnlyList<PlannedShift> start,
        TimeSpan limit,
        CancellationToken ct = default,
        Action<IReadOnlyList<PlannedShift>>? onSweep = null,
        int seed = 1,
        (IReadOnlyCollection<int> People, int From, int To)? focus = null,
        bool chains = false
    ) =>
        p.Brands.Count <= 64
            ? new Search<ulong>(p, start, limit, ct, onSweep, seed, focus, chains).Run()
            : new Search<UInt128>(p, start, limit, ct, onSweep, seed, focus, chains).Run();

    /// <summary>
    /// One run of the search: the roster as it stands, who counts for which brand and where, and the moves. Sets of brands are bits
    /// of <typeparamref name="TMask"/>: 64 brands in a <see cref="ulong"/>, up to 128 in a <see cref="UInt128"/> (each type gets
    /// its own compiled code, so small pools pay nothing for large ones); brands past that are never seen as short.
    /// </summary>
    private sealed partial class Search<TMask>
        where TMask : struct, IBinaryInteger<TMask>
    {
        private readonly CoverageProblem p;
        private readonly int P,
            T,
            B;
        private readonly CoverageWeights w;
        private readonly int[][] scheduled;
        private readonly PlannedShift?[][] current;
        private readonly int[,][] servedBrand;

        // Who counts for each brand per interval, and per interval the brands where one more person would cover more demand:
        // short themselves, or holding someone who could move on to such a brand (an augmenting path of the exact split).
        private readonly List<int>?[] holders;
        private readonly TMask[] brandMask;
        private readonly TMask[] absorbing;

        // Per person with preferred hours, the intervals of the day outside them (null: any time).
        private readonly bool[]?[] outside;
        private readonly bool[] absorbingKnown;
        private long[] prefix;
        private readonly Random rng;
        private readonly int firstDay,
            lastDay;
        private readonly int[] people;

        // The intervals whose split can change: the searched days, and the days before and after that their shifts reach into.
        private readonly int splitFrom,
            splitTo;
        private readonly int[] order;
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly TimeSpan limit;
        private readonly CancellationToken ct;
        private readonly Action<IReadOnlyList<PlannedShift>>? onSweep;
        private readonly bool chains;

        public Search(
            CoverageProblem p,
            IReadOnlyList<PlannedShift> start,
            TimeSpan limit,
            CancellationToken ct,
            Action<IReadOnlyList<PlannedShift>>? onSweep,
            int seed,
            (IReadOnlyCollection<int> People, int From, int To)? focus,
            bool chains
        )
        {
            (this.p, this.limit, this.ct, this.onSweep, this.chains) = (p, limit, ct, onSweep, chains);
            (P, T, B, w) = (p.PerDay, p.Intervals, p.Brands.Count, p.Weights);
            scheduled = p.Brands.Select(_ => new int[T]).ToArray();
            current = p.Staff.Select(_ => new PlannedShift?[p.Days]).ToArray();
            servedBrand = new int[p.Staff.Count, p.Days][];
            holders = new List<int>?[T * B];
            brandMask = p.Staff.Select(m => m.Brands.Aggregate(TMask.Zero, (a, b) => a | Bit(b))).ToArray();
            outside = p
                .Staff.Select(m => m.Preferred is null ? null : Enumerable.Range(0, P).Select(m.OutsidePreferred).ToArray())
                .ToArray();
            absorbing = new TMask[T];
            absorbingKnown = new bool[T];
            prefix = new long[P + 1];
            foreach (var s in start)
                Place(s);
            rng = new Random(seed);
            (firstDay, lastDay) = focus is { } f ? (Math.Max(0, f.From), Math.Min(p.Days - 1, f.To)) : (0, p.Days - 1);
            people = focus?.People.ToArray() ?? Enumerable.Range(0, p.Staff.Count).ToArray();
            (splitFrom, splitTo) = (Math.Max(0, (firstDay - 1) * P), Math.Min(T, (lastDay + 2) * P));
            order = people
                .SelectMany(person => Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(day => person * p.Days + day))
                .ToArray();
        }

        public IReadOnlyList<PlannedShift> Run()
        {
            while (watch.Elapsed < limit && !ct.IsCancellationRequested)
            {
                rng.Shuffle(order);
                var improved = false;
                foreach (var k in order)
                {
                    if (watch.Elapsed >= limit || ct.IsCancellationRequested)
                        break;
                    int person = k / p.Days,
                        day = k % p.Days;
                    var m = p.Staff[person];
                    if (m.Brands.Count == 0)
                        continue;
                    var old = current[person][day];
                    if (old is { } o)
                        Remove(o);
                    var options = DayOptions.Limits(p, m, current[person], day);
                    // The day off (when allowed) or keeping the old shift is the baseline.
                    PlannedShift? choice = options.Need > 0 ? old : null;
                    // A day the weekly minimum needs is worked even at a loss.
                    var best =
                        choice is { } c ? Value(c)
                        : options.Need > 0 ? long.MinValue
                        : 0;
                    if (old is { } kept && options.Need == 0 && Value(kept) is var keep && keep >= best)
                    {
                        best = keep;
                        choice = kept;
                    }
                    // A shape worth as much as the baseline may replace it (drawn at random among the equals): such a sideways move
                    // changes nothing now but lets another person's next move gain (someone else covers what this shift left).
                    if (BestShape(person, day, options, best, sideways: best > long.MinValue) is { } better)
                    {
                        choice = better.Shift;
                        if (better.Value > best)
                            improved = true;
                    }
                    if (choice is { } chosen)
                        Place(chosen);
                }
                // Who counts for which brand was decided as each shift was placed; split everyone again exactly, so that the next
                // sweep sees where people are really short (a person left on a brand that no longer needs them hides a gap elsewhere).
                Rebalance(splitFrom, splitTo);
                // Stuck one day at a time: a person's weekend moved to a weekend that needs them more, the two weeks re-planned around it.
                if (!improved)
                    improved = WeekendSweep();
                // Still stuck: a person's whole week planned anew, the best of all its days together (WeekPlan).
                if (!improved)
                    improved = WeekSweep();
                // Still stuck (every week's hours used, runs of days at their longest): move a person's work between two days within a week of each other.
                if (!improved)
                    improved = PairSweep();
                // Still stuck: a shift moved or lengthened a little at a loss, and the colleagues it relieves or leaves short re-planned.
                if (!improved && chains)
                    improved = ChainSweep();
                if (!improved)
                    break;
                onSweep?.Invoke(Shifts());
            }
            return Shifts();
        }

        private void Rebalance(int lo, int hi)
        {
            var on = new List<(int Person, int Day)>[hi - lo];
            for (var person = 0; person < p.Staff.Count; person++)
            for (var day = Math.Max(0, lo / P - 1); day <= Math.Min(p.Days - 1, hi / P); day++)
                if (current[person][day] is { } x)
                    for (var t = Math.Max(lo, x.From(P)); t < Math.Min(hi, x.To(P)); t++)
                        (on[t - lo] ??= []).Add((person, day));
            foreach (var row in scheduled)
                Array.Clear(row, lo, hi - lo);
            for (var t = lo; t < hi; t++)
            for (var b = 0; b < B; b++)
                holders[t * B + b]?.Clear();
            Array.Clear(absorbingKnown, lo, hi - lo);
            var demand = new int[B];
            for (var t = lo; t < hi; t++)
            {
                if (on[t - lo] is not { } here)
                    continue;
                for (var b = 0; b < demand.Length; b++)
                    demand[b] = p.Demand[b][t];
                var brandOf = CoverageRules.Assign(here.Select(x => p.Staff[x.Person].Brands).ToList(), demand);
                for (var k = 0; k < here.Count; k++)
                {
                    var (person, day) = here[k];
                    servedBrand[person, day][t - current[person][day]!.Value.From(P)] = brandOf[k];
                    if (brandOf[k] >= 0)
                        Count(person, brandOf[k], t, +1);
                }
            }
        }

        // Each person's weeks within the searched days, in random order: kept when the week's best plan does more good than now.
        private bool WeekSweep()
        {
            var weeks = SearchedWeeks().ToList();
            var moves = people
                .Where(person => p.Staff[person].Brands.Count > 0 && WeekPlan.Applies(p, p.Staff[person]))
                .SelectMany(person => weeks.Select(week => (Person: person, Week: week)))
                .ToArray();
            return TryAll(moves, move => TryWeek(move.Person, move.Week));
        }

        // The weeks the searched days fall in.
        private IEnumerable<int> SearchedWeeks() => Enumerable.Range(firstDay / 7, lastDay / 7 - firstDay / 7 + 1);

        // Each move in random order until time runs out: whether any was kept.
        private bool TryAll<TMove>(TMove[] moves, Func<TMove, bool> attempt)
        {
            rng.Shuffle(moves);
            var any = false;
            foreach (var move in moves)
            {
                if (watch.Elapsed >= limit || ct.IsCancellationRequested)
                    break;
                if (attempt(move))
                    any = true;
            }
            return any;
        }

        private bool TryWeek(int person, int week)
        {
            var m = p.Staff[person];
            int d0 = 7 * week,
                d1 = Math.Min(p.Days, d0 + 7);
            var olds = Enumerable.Range(d0, d1 - d0).Select(d => current[person][d]).ToArray();
            foreach (var o in olds)
                if (o is { } x)
                    Remove(x);
            long before = 0;
            foreach (var o in olds)
                if (o is { } x)
                    before += Value(x);
            // What each interval of the week (and the longest shift past it) is worth to this person, with their week off.
            var gain = new long[(d1 - d0) * P + m.MaxShiftIntervals];
            for (var k = 0; k < gain.Length; k++)
                gain[k] = Gain(person, d0 * P + k);
            var plan = WeekPlan.Best(p, m, person, current[person], week, gain, olds);
            if (plan is { } found && found.Value > before)
            {
                foreach (var shift in found.Shifts)
                    Place(shift);
                return true;
            }
            foreach (var o in olds)
                if (o is { } x)
                    Place(x);
            return false;
        }

        // Each person's two days (at most six apart) re-planned together, in both orders: the first takes the best shape it may,
        // the second the best that is left; kept when the two together do more good than before.
        private bool PairSweep()
        {
            var pairs = new List<(int Person, int First, int Second)>();
            foreach (var person in people)
            {
                if (p.Staff[person].Brands.Count == 0)
                    continue;
                for (var d1 = firstDay; d1 <= lastDay; d1++)
                for (var d2 = Math.Max(0, d1 - 6); d2 < Math.Min(p.Days, d1 + 7); d2++)
                    if (d1 != d2 && (current[person][d1] is not null || current[person][d2] is not null))
                        pairs.Add((person, d1, d2));
            }
            return TryAll(pairs.ToArray(), pair => TryPair(pair.Person, pair.First, pair.Second));
        }

        // One person's shifts never overlap in time (rest keeps them apart), so what a shift on one day is worth does not depend on
        // their shift on another: the two days are valued with both off, and only a kept pair is placed.
        private bool TryPair(int person, int d1, int d2)
        {
            var (old1, old2) = (current[person][d1], current[person][d2]);
            if (old1 is { } o1)
                Remove(o1);
            if (old2 is { } o2)
                Remove(o2);
            var before = (old1 is { } a ? Value(a) : 0) + (old2 is { } b ? Value(b) : 0);
            var first = BestFor(person, d1);
            // The second day is planned around the first (rest, weekly hours), which only its entry in the person's days says.
            current[person][d1] = first.Shift;
            var second = first.Infeasible ? default : BestFor(person, d2);
            current[person][d1] = null;
            if (
                first.Infeasible
                || second.Infeasible
                || first.Value + second.Value <= before
                || (first.Shift == old1 && second.Shift == old2)
            )
            {
                if (old1 is { } r1)
                    Place(r1);
                if (old2 is { } r2)
                    Place(r2);
                return false;
            }
            if (first.Shift is { } f)
                Place(f);
            if (second.Shift is { } s2)
                Place(s2);
            return true;
        }

        // For each person, each weekend they work and each they do not, within the searched days: both weeks re-planned with the
        // other weekend first (TryReplan), so that the weekend allowance goes where demand is left.
        private bool WeekendSweep()
        {
            var moves = new List<(int Person, int From, int To)>();
            var weeks = SearchedWeeks().Where(w => 7 * w + 5 < p.Days).ToList();
            foreach (var person in people)
            {
                if (p.Staff[person].Brands.Count == 0)
                    continue;
                foreach (var from in weeks.Where(w => Works(person, w)))
                foreach (var to in weeks.Where(w => !Works(person, w)))
                    moves.Add((person, from, to));
            }
            // A move is skipped when an earlier one changed this person's weekends.
            return TryAll(moves.ToArray(), move =>
                Works(move.Person, move.From)
                && !Works(move.Person, move.To)
                && TryReplan(move.Person, [.. WeekDays(move.Person, move.To), .. WeekDays(move.Person, move.From)])
            );

            bool Works(int person, int week) =>
                current[person][7 * week + 5] is not null || (7 * week + 6 < p.Days && current[person][7 * week + 6] is not null);
            // A week's days, weekend first, then the weekdays where the person's brands have the most demand open.
            IEnumerable<int> WeekDays(int person, int week) =>
                Enumerable
                    .Range(7 * week, Math.Min(7, p.Days - 7 * week))
                    .OrderBy(d => CoverageProblem.IsWeekendDay(d) ? 0 : 1)
                    .ThenByDescending(d => Open(person, d))
                    .ToList();
            // Intervals of the day where one of the person's brands is short.
            int Open(int person, int day) => Enumerable.Range(day * P, P).Count(t => (Absorbing(t) & brandMask[person]) != TMask.Zero);
        }

        // A person's days re-planned in the given order, each taking the shape worth the most given the days before it (or the day
        // off); kept when the days together do more good than before and every weekly minimum still holds.
        private bool TryReplan(int person, IReadOnlyList<int> days)
        {
            var m = p.Staff[person];
            var olds = days.Select(d => current[person][d]).ToArray();
            foreach (var o in olds)
                if (o is { } x)
                    Remove(x);
            // A person's shifts never overlap, so each old day is worth the same with the others off.
            long before = 0;
            foreach (var o in olds)
                if (o is { } x)
                    before += Value(x);
            long after = 0;
            var placed = new List<PlannedShift>();
            foreach (var day in days)
            {
                var options = DayOptions.Limits(p, m, current[person], day, weekComplete: false);
                if (BestShape(person, day, options, 0) is not { } found)
                    continue;
                Place(found.Shift);
                placed.Add(found.Shift);
                after += found.Value;
            }
            // A second pass lets each day take what the days after it left: a first day that took a short shift may lengthen it.
            foreach (var day in days)
            {
                var had = current[person][day];
                if (had is { } h)
                {
                    Remove(h);
                    placed.Remove(h);
                }
                var keep = had is { } k ? Value(k) : 0;
                after -= keep;
                var options = DayOptions.Limits(p, m, current[person], day, weekComplete: false);
                var chosen =
                    BestShape(person, day, options, keep) is { } better ? better
                    : had is { } k2 ? (k2, keep)
                    : ((PlannedShift, long)?)null;
                if (chosen is not { } c)
                    continue;
                Place(c.Item1);
                placed.Add(c.Item1);
                after += c.Item2;
            }
            var weeksMet = days.Select(d => d / 7)
                .Distinct()
                .All(wk =>
                    Enumerable.Range(7 * wk, Math.Min(7, p.Days - 7 * wk)).Sum(d => current[person][d]?.Length ?? 0) >= p.MinWeek(m, wk)
                );
            if (after > before && weeksMet)
                return true;
            foreach (var s in placed)
                Remove(s);
            foreach (var o in olds)
                if (o is { } x)
                    Place(x);
            return false;
        }

        // The best shape (or the day off, when the week allows it) for a person's empty day, given their other days.
        private (PlannedShift? Shift, long Value, bool Infeasible) BestFor(int person, int day)
        {
            var m = p.Staff[person];
            var options = DayOptions.Limits(p, m, current[person], day);
            var floor = options.Need > 0 ? long.MinValue : 0;
            return BestShape(person, day, options, floor) is { } found
                ? (found.Shift, found.Value, false)
                : (null, floor, options.Need > 0);
        }

        // The allowed shape worth strictly more than `floor`, if any (the first such in order of length, then start); with
        // `sideways`, one worth exactly `floor` may be chosen too, each of the equals (the baseline worth `floor` among them) as
        // likely. What each interval of the day and the longest shift past it is worth is looked up once; a shape's value is a
        // difference of sums.
        private (PlannedShift Shift, long Value)? BestShape(int person, int day, DayLimits options, long floor, bool sideways = false)
        {
            if (!options.Open)
                return null;
            var equals = 1;
            var m = p.Staff[person];
            var span = P + m.MaxShiftIntervals;
            if (prefix.Length < span + 1)
                prefix = new long[span + 1];
            for (var k = 0; k < span; k++)
                prefix[k + 1] = prefix[k] + Gain(person, day * P + k);
            (PlannedShift, long)? best = null;
            foreach (var length in p.Lengths(m))
            {
                if (length > options.Room || length < options.Need)
                    continue;
                for (var start = 0; start < P; start++)
                {
                    var value = prefix[start + length] - prefix[start];
                    if (value < floor || (value == floor && !sideways) || !options.Allows(p, m, day, start, length))
                        continue;
                    if (value == floor && rng.Next(++equals) != 0)
                        continue;
                    if (value > floor)
                        equals = 1;
                    floor = value;
                    best = (new PlannedShift(person, day, start, length), value);
                }
            }
            return best;
        }

        private List<PlannedShift> Shifts()
        {
            var list = new List<PlannedShift>();
            foreach (var row in current)
            foreach (var c in row)
                if (c is { } x)
                    list.Add(x);
            return list;
        }

        // What working a shift saves: the gain of each of its intervals.
        private long Value(PlannedShift shift)
        {
            long g = 0;
            for (var t = shift.From(P); t < shift.To(P); t++)
                g += Gain(shift.Person, t);
            return g;
        }

        // What the person working interval t saves: a short interval filled (on a brand they serve, or by moving someone on shift to
        // another of their brands), or one over; minus the hour. Past the horizon only the hour counts.
        private long Gain(int person, int t) =>
            -w.PerWorkedInterval
            + (
                t >= T ? 0
                : (Absorbing(t) & brandMask[person]) != TMask.Zero ? w.UnderPerInterval
                : -w.OverPerInterval
            )
            - (outside[person] is { } o && o[t % P] ? w.OutsidePreferredPerInterval : 0);

        // The served brand short at t (most short first), or -1 when none is.
        private int Needs(int t, IReadOnlyList<int> brands)
        {
            int pick = -1,
                most = 0;
            foreach (var b in brands)
            {
                var gap = p.Demand[b][t] - scheduled[b][t];
                if (gap > most)
                {
                    most = gap;
                    pick = b;
                }
            }
            return pick;
        }

        private static readonly int Width = System.Runtime.CompilerServices.Unsafe.SizeOf<TMask>() * 8;

        private static TMask Bit(int b) => b < Width ? TMask.One << b : TMask.Zero;

        // Brands where one more person at t covers one more demand: the short ones, then (to a fixed point) those holding someone who
        // also serves one of them. Kept until a shift over t is placed or removed.
        private TMask Absorbing(int t)
        {
            if (absorbingKnown[t])
                return absorbing[t];
            var mask = TMask.Zero;
            for (var b = 0; b < B; b++)
                if (p.Demand[b][t] > scheduled[b][t])
                    mask |= Bit(b);
            for (var grew = mask != TMask.Zero; grew; )
            {
                grew = false;
                for (var b = 0; b < B && b < Width; b++)
                {
                    if ((mask & Bit(b)) != TMask.Zero || holders[t * B + b] is not { } list)
                        continue;
                    foreach (var q in list)
                        if ((brandMask[q] & mask) != TMask.Zero)
                        {
                            mask |= Bit(b);
                            grew = true;
                            break;
                        }
                }
            }
            absorbingKnown[t] = true;
            return absorbing[t] = mask;
        }

        // A person joins brand `from` at t; people on shift move along a path of brands they serve until one lands where demand is open.
        private void Augment(int t, int from)
        {
            var parent = new (int Brand, int Holder)[B];
            var seen = new bool[B];
            var queue = new Queue<int>();
            queue.Enqueue(from);
            seen[from] = true;
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                foreach (var q in holders[t * B + x] ?? [])
                foreach (var y in p.Staff[q].Brands)
                {
                    if (seen[y])
                        continue;
                    seen[y] = true;
                    parent[y] = (x, q);
                    if (p.Demand[y][t] > scheduled[y][t])
                    {
                        for (var to = y; to != from; )
                        {
                            var (at, who) = parent[to];
                            Count(who, at, t, -1);
                            Count(who, to, t, +1);
                            var day = ShiftDayAt(who, t);
                            servedBrand[who, day][t - current[who][day]!.Value.From(P)] = to;
                            to = at;
                        }
                        return;
                    }
                    queue.Enqueue(y);
                }
            }
        }

        // The day of the person's shift that covers interval t: today's, or yesterday's running past midnight.
        private int ShiftDayAt(int person, int t) =>
            current[person][t / P] is { } mine && mine.From(P) <= t && t < mine.To(P) ? t / P : t / P - 1;

        private void Count(int person, int b, int t, int change)
        {
            scheduled[b][t] += change;
            var list = holders[t * B + b] ??= [];
            if (change > 0)
                list.Add(person);
            else
                list.Remove(person);
            absorbingKnown[t] = false;
        }

        private void Place(PlannedShift s)
        {
            var brands = p.Staff[s.Person].Brands;
            current[s.Person][s.Day] = s;
            var served = servedBrand[s.Person, s.Day] = new int[s.Length];
            for (var t = s.From(P); t < Math.Min(s.To(P), T); t++)
            {
                var b = Needs(t, brands);
                if (b < 0 && (Absorbing(t) & brandMask[s.Person]) is var open && open != TMask.Zero)
                {
                    b = brands.First(x => (open & Bit(x)) != TMask.Zero);
                    Augment(t, b);
                }
                if (b < 0 && brands.Count > 0)
                    b = brands[0];
                served[t - s.From(P)] = b;
                if (b >= 0)
                    Count(s.Person, b, t, +1);
            }
        }

        private void Remove(PlannedShift s)
        {
            current[s.Person][s.Day] = null;
            var served = servedBrand[s.Person, s.Day];
            for (var t = s.From(P); t < Math.Min(s.To(P), T); t++)
                if (served[t - s.From(P)] is var b and >= 0)
                    Count(s.Person, b, t, -1);
        }
    }
}
