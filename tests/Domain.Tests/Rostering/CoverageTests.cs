using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

/// <summary>The pool roster on the 30-minute grid: coverage, every hard rule, the first roster, one day's options, the bound.</summary>
public class CoverageTests
{
    // 8 h shifts from 09:00 are [18, 34) on the 30-minute grid.
    private static PoolMember Person(
        string name,
        int[] brands,
        int minShift = 8,
        int maxShift = 20,
        int minWeek = 0,
        int maxWeek = 80,
        int maxDays = 5,
        int rest = 22,
        int weekends = 2
    ) => new(Guid.NewGuid(), name, brands, minShift, maxShift, minWeek, maxWeek, maxDays, rest, weekends);

    public static CoverageProblem Problem(int days, IReadOnlyList<PoolMember> staff, params Func<int, int>[] demand) =>
        new()
        {
            Days = days,
            IntervalMinutes = 30,
            Brands = demand.Select((_, b) => $"B{b}").ToList(),
            Demand = demand.Select(f => Enumerable.Range(0, days * 48).Select(f).ToArray()).ToList(),
            Staff = staff,
        };

    [Fact]
    public void People_serving_two_brands_are_split_where_they_are_needed()
    {
        // Ana serves both brands, Ben only brand 0: Ana must go to brand 1 for both to be covered.
        Assert.Equal(
            [1, 1],
            CoverageRules.Allocate(
                [
                    [0, 1],
                    [0],
                ],
                [1, 1]
            )
        );
        // Nobody serves brand 1: it stays short, and the spare person counts as over on their brand.
        Assert.Equal(
            [2, 0],
            CoverageRules.Allocate(
                [
                    [0],
                    [0],
                ],
                [1, 1]
            )
        );
        // Augmenting: the first person takes brand 0, the second can only do brand 0, so the first moves to brand 1.
        Assert.Equal(
            [1, 1],
            CoverageRules.Allocate(
                [
                    [0, 1],
                    [0],
                ],
                [1, 1]
            )
        );
        Assert.Equal(
            [1, 1, 1],
            CoverageRules.Allocate(
                [
                    [0, 1],
                    [1, 2],
                    [0],
                ],
                [1, 1, 1]
            )
        );
        // Who goes where: Ana (both brands) to brand 1, Ben to brand 0; someone needed nowhere counts for their first brand.
        Assert.Equal(
            [1, 0],
            CoverageRules.Assign(
                [
                    [0, 1],
                    [0],
                ],
                [1, 1]
            )
        );
        Assert.Equal(
            [0, 1, 1],
            CoverageRules.Assign(
                [
                    [0],
                    [1, 2],
                    [1],
                ],
                [1, 1, 0]
            )
        );
    }

    [Fact]
    public void Coverage_counts_intervals_short_and_over_by_brand()
    {
        var p = Problem(1, [Person("Ana", [0]), Person("Ben", [0, 1])], t => t is >= 18 and < 34 ? 1 : 0, t => t is >= 18 and < 34 ? 1 : 0);
        var c = CoverageRules.Evaluate(p, [new PlannedShift(0, 0, 18, 16), new PlannedShift(1, 0, 26, 16)]);
        // Ben covers brand 1 from 13:00 to 17:00 (8 of 16 intervals); 17:00-21:00 he is over.
        Assert.Equal(8, c.UnderCoverage);
        Assert.Equal(8, c.OverCoverage);
        Assert.Equal(1, c.Scheduled[1][30]);
        Assert.Equal(0, c.Scheduled[1][20]);
    }

    [Fact]
    public void Every_hard_rule_is_caught_with_a_reason()
    {
        var ana = Person("Ana", [0], minShift: 8, maxShift: 16, minWeek: 40, maxWeek: 48, maxDays: 2, rest: 22, weekends: 0) with
        {
            Blocked = [(3 * 48, 4 * 48)],
        };
        var p = Problem(7, [ana], _ => 1);
        string[] Check(params PlannedShift[] s) => CoverageRules.Violations(p, s).ToArray();

        Assert.Contains(Check(new PlannedShift(0, 0, 18, 17)), v => v.Contains("not a whole-hour length"));
        Assert.Contains(Check(new PlannedShift(0, 0, 18, 18)), v => v.Contains("not a whole-hour length within the contract")); // 9 h > 8 h max
        Assert.Contains(Check(new PlannedShift(0, 0, 30, 16), new PlannedShift(0, 1, 10, 16)), v => v.Contains("of rest"));
        Assert.Contains(Check(new PlannedShift(0, 0, 18, 16), new PlannedShift(0, 1, 18, 16), new PlannedShift(0, 2, 18, 16)), v =>
            v.Contains("days in a row")
        );
        Assert.Contains(Check(new PlannedShift(0, 5, 18, 16)), v => v.Contains("weekends"));
        Assert.Contains(Check(new PlannedShift(0, 3, 18, 16)), v => v.Contains("blocked time"));
        Assert.Contains(
            Check(
                new PlannedShift(0, 0, 18, 16),
                new PlannedShift(0, 1, 18, 16),
                new PlannedShift(0, 4, 18, 16),
                new PlannedShift(0, 6, 18, 16)
            ),
            v => v.Contains("at most 48")
        );
        Assert.Contains(Check(new PlannedShift(0, 0, 18, 16)), v => v.Contains("at least"));
        Assert.Contains(Check(), v => v.Contains("no shifts"));
        // 40 h a week prorated by the six free days (one blocked) and rounded down to whole hours: 34 intervals (17 h is not reached by 16).
        Assert.Equal(34, p.MinWeek(ana, 0));
        Assert.Empty(Check(new PlannedShift(0, 0, 18, 16), new PlannedShift(0, 1, 18, 16), new PlannedShift(0, 4, 18, 16)));
    }

    [Fact]
    public void Checking_some_people_reports_their_broken_rules_only()
    {
        var p = Problem(7, [Person("Ana", [0], minWeek: 32), Person("Ben", [0], minWeek: 32)], _ => 1);
        // Ana works too many days in a row; Ben has no shifts at all.
        var roster = Enumerable.Range(0, 7).Select(d => new PlannedShift(0, d, 18, 16)).ToList();
        Assert.Contains(CoverageRules.Violations(p, roster), v => v.StartsWith("Ben"));
        Assert.All(CoverageRules.Violations(p, roster, new HashSet<int> { 0 }), v => Assert.StartsWith("Ana", v));
        Assert.Contains(CoverageRules.Violations(p, roster, new HashSet<int> { 0 }), v => v.Contains("days in a row"));
        Assert.Equal(
            CoverageRules.Violations(p, roster).Where(v => v.StartsWith("Ben")),
            CoverageRules.Violations(p, roster, new HashSet<int> { 1 })
        );
        Assert.Empty(CoverageRules.Violations(p, roster, new HashSet<int>()));
    }

    [Fact]
    public void The_first_roster_breaks_no_rule_and_covers_what_it_can()
    {
        var rng = new Random(5);
        var staff = Enumerable
            .Range(0, 30)
            .Select(i =>
                Person($"P{i}", i % 3 == 0 ? [0, 1] : [i % 2], minWeek: 40, maxWeek: 76, weekends: 1) with
                {
                    Blocked = i == 4 ? [(48 * 2, 48 * 5)] : [],
                }
            )
            .ToList();
        var p = Problem(14, staff, t => t % 48 is >= 16 and < 44 ? 4 + rng.Next(3) : 1, t => t % 48 is >= 20 and < 40 ? 5 : 0);
        var roster = GreedyRoster.Build(p);
        Assert.Empty(CoverageRules.Violations(p, roster));
        var c = CoverageRules.Evaluate(p, roster);
        var demand = p.Demand.Sum(d => d.Sum());
        Assert.True(c.UnderCoverage < demand / 2, $"short {c.UnderCoverage} of {demand}");
        Assert.True(c.UnderCoverage >= CoverageBound.Compute(p));
    }

    [Fact]
    public void One_day_offers_only_shapes_that_keep_rest_runs_and_weekly_hours()
    {
        var ana = Person("Ana", [0], minShift: 8, maxShift: 16, minWeek: 48, maxWeek: 64, maxDays: 3, rest: 22);
        var p = Problem(7, [ana], _ => 1);
        // Shifts Monday and Wednesday 09:00-17:00; Tuesday must start at least 11 h after 17:00 and end 11 h before 09:00.
        var options = DayOptions.For(p, ana, [new PlannedShift(0, 0, 18, 16), new PlannedShift(0, 2, 18, 16)], 1);
        Assert.NotEmpty(options.Shapes);
        Assert.All(options.Shapes, s => Assert.True(48 + s.Start >= 34 + 22 && 48 + s.Start + s.Length <= 96 + 18 - 22, $"{s}"));
        // The weekly minimum of 48 intervals is not met by 32: this day must give at least 16.
        Assert.Equal(16, options.MinLength);
        // Three days in a row already around Thursday: no shape.
        Assert.Empty(
            DayOptions
                .For(p, ana, [new PlannedShift(0, 0, 18, 16), new PlannedShift(0, 1, 18, 16), new PlannedShift(0, 2, 18, 16)], 3)
                .Shapes
        );
        // Weekly room of 64 with 48 worked leaves at most 16.
        Assert.All(
            DayOptions
                .For(p, ana, [new PlannedShift(0, 0, 18, 16), new PlannedShift(0, 2, 18, 16), new PlannedShift(0, 4, 18, 16)], 6)
                .Shapes,
            s => Assert.True(s.Length <= 16)
        );
    }

    [Fact]
    public void The_bound_counts_demand_nobody_can_meet()
    {
        // One person, 8 h a week at most, one person needed 10 h on Monday: at least 2 h short. Brand 1 is served by no one: all of it short.
        var p = Problem(
            7,
            [Person("Ana", [0], minShift: 8, maxShift: 16, maxWeek: 16)],
            t => t is >= 18 and < 38 ? 1 : 0,
            t => t is >= 18 and < 22 ? 2 : 0
        );
        Assert.Equal(4 + 8, CoverageBound.Compute(p));
        // Two people free at once cover at most two per interval.
        var q = Problem(1, [Person("A", [0]), Person("B", [0])], t => t is >= 18 and < 20 ? 3 : 0);
        Assert.Equal(2, CoverageBound.Compute(q));
    }

    [Fact]
    public void Local_search_moves_a_shift_to_a_better_day_when_the_week_has_no_hours_left()
    {
        // One 8 h shift a week. Monday needs someone 09:00-11:00, Wednesday 09:00-17:00. The Monday shift does some good, so no
        // single day changes (Wednesday has no hours left); moving the shift to Wednesday, two days at once, covers everything.
        var ana = Person("Ana", [0], minShift: 16, maxShift: 16, maxWeek: 16);
        var p = Problem(7, [ana], t => (t / 48 == 0 && t % 48 is >= 18 and < 22) || (t / 48 == 2 && t % 48 is >= 18 and < 34) ? 1 : 0);
        var improved = LocalSearch.Improve(p, [new PlannedShift(0, 0, 14, 16)], TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { new PlannedShift(0, 2, 18, 16) }, improved);
        Assert.Equal(4, CoverageRules.Evaluate(p, improved).UnderCoverage);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    public void Local_search_covers_brands_past_the_64th(int brands)
    {
        // Only the last brand needs someone, 09:00-17:00; Ana serves it and the first. Past 64 brands the search used to see the last one
        // as never short, and left Ana at home.
        var demand = Enumerable
            .Range(0, brands)
            .Select(b => (Func<int, int>)(t => b == brands - 1 && t is >= 18 and < 34 ? 1 : 0))
            .ToArray();
        var p = Problem(1, [Person("Ana", [0, brands - 1], minShift: 16, maxShift: 16)], demand);
        var improved = LocalSearch.Improve(p, [], TimeSpan.FromSeconds(5));
        Assert.Equal([new PlannedShift(0, 0, 18, 16)], improved);
        Assert.Equal(0, CoverageRules.Evaluate(p, improved).UnderCoverage);
    }

    [Fact]
    public void Local_search_adds_a_shift_that_frees_a_colleague_for_another_brand()
    {
        // Ana serves both brands and covers brand 0, which is then met; brand 1 is short. Ben serves only brand 0. His shift is
        // worth working because Ana moves on to brand 1: seen one brand at a time it only adds over-coverage.
        var p = Problem(
            1,
            [Person("Ana", [0, 1], minShift: 16, maxShift: 16), Person("Ben", [0], minShift: 16, maxShift: 16)],
            t => t is >= 18 and < 34 ? 1 : 0,
            t => t is >= 18 and < 34 ? 1 : 0
        );
        var improved = LocalSearch.Improve(p, [new PlannedShift(0, 0, 18, 16)], TimeSpan.FromSeconds(5));
        Assert.Contains(new PlannedShift(1, 0, 18, 16), improved);
        Assert.Equal(0, CoverageRules.Evaluate(p, improved).UnderCoverage);
        Assert.Empty(CoverageRules.Violations(p, improved));
    }

    [Fact]
    public void Local_search_crosses_a_plateau_by_sideways_moves()
    {
        // Ana serves both brands and covers brand 0 02:00-10:00; brand 1 needs someone 14:00-22:00; Ben serves only brand 0 and is off.
        // Ana's shift is worth as much at either time, and Ben's is worth nothing while Ana covers brand 0: no move gains. Only when
        // Ana moves sideways to brand 1 does Ben's shift fill the gap she leaves. Each search draws among equals at random; repeated
        // searches (as the solver's rounds are) cross the plateau, and nothing is lost meanwhile.
        var p = Problem(
            1,
            [Person("Ana", [0, 1], minShift: 16, maxShift: 16), Person("Ben", [0], minShift: 16, maxShift: 16)],
            t => t is >= 4 and < 20 ? 1 : 0,
            t => t is >= 28 and < 44 ? 1 : 0
        );
        IReadOnlyList<PlannedShift> roster = [new PlannedShift(0, 0, 4, 16)];
        for (var seed = 1; seed <= 30; seed++)
        {
            var under = CoverageRules.Evaluate(p, roster).UnderCoverage;
            roster = LocalSearch.Improve(p, roster, TimeSpan.FromSeconds(5), seed: seed);
            Assert.True(CoverageRules.Evaluate(p, roster).UnderCoverage <= under);
        }
        Assert.Equal([new PlannedShift(0, 0, 28, 16), new PlannedShift(1, 0, 4, 16)], roster.OrderBy(s => s.Person));
        Assert.Equal(0, CoverageRules.Evaluate(p, roster).UnderCoverage);
    }

    [Fact]
    public void Local_search_follows_an_ejection_chain_that_no_single_move_starts()
    {
        // Brand 0 needs someone 04:00-11:00, brand 1 at 18:30. Ana serves brand 0 04:00-10:00 (she may work 6 to 10 h); Ben serves
        // both brands and works 10:00-18:00 (exactly 8 h), covering brand 0's last hour. Every single move loses: Ana staying an
        // hour longer only doubles Ben, and Ben moving to 11:00-19:00 leaves brand 0's last hour short to cover half an hour of
        // brand 1. As a chain, Ana stays longer and then Ben moves (as late as the day allows, since past the horizon nothing is over):
        // nothing is short. The search without chains stays where it is.
        var p = Problem(
            1,
            [Person("Ana", [0], minShift: 12, maxShift: 20), Person("Ben", [0, 1], minShift: 16, maxShift: 16)],
            t => t is >= 8 and < 22 ? 1 : 0,
            t => t == 37 ? 1 : 0
        );
        IReadOnlyList<PlannedShift> start = [new PlannedShift(0, 0, 8, 12), new PlannedShift(1, 0, 20, 16)];
        Assert.Equal(1, CoverageRules.Evaluate(p, start).UnderCoverage);
        for (var seed = 1; seed <= 5; seed++)
        {
            var improved = LocalSearch.Improve(p, start, TimeSpan.FromSeconds(5), seed: seed, chains: true);
            Assert.Contains(new PlannedShift(0, 0, 8, 14), improved);
            Assert.Contains(improved, s => s.Person == 1 && s.From(p.PerDay) <= 37 && 37 < s.To(p.PerDay));
            Assert.Equal(0, CoverageRules.Evaluate(p, improved).UnderCoverage);
            Assert.Empty(CoverageRules.Violations(p, improved));
        }
    }

    [Fact]
    public void Local_search_moves_a_weekend_to_the_weekend_that_needs_it()
    {
        // Ana may work one weekend in four. She works the first, where one hour a day is needed; the second needs 8 h a day. No
        // single day or pair of days can change it (the second weekend stays closed while she works the first): her weekend moves.
        var ana = Person("Ana", [0], minShift: 16, maxShift: 16, maxWeek: 32, weekends: 1);
        var p = Problem(14, [ana], t => t / 48 is 5 or 6 && t % 48 is >= 18 and < 20 ? 1
            : t / 48 is 12 or 13 && t % 48 is >= 18 and < 34 ? 1
            : 0);
        var improved = LocalSearch.Improve(p, [new PlannedShift(0, 5, 18, 16), new PlannedShift(0, 6, 18, 16)], TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { 12, 13 }, improved.Select(s => s.Day).Order());
        Assert.Equal(4, CoverageRules.Evaluate(p, improved).UnderCoverage);
        Assert.Empty(CoverageRules.Violations(p, improved));
    }

    [Fact]
    public void The_first_roster_spends_weekends_where_they_cover_most()
    {
        // Ana and Ben may each work one weekend of the two. The first needs both for 5 h a day, the second for 8 h. Taken in order,
        // the first weekend looks worth it (5 of their 8 h) and the second is left empty; each takes the weekend that needs them most.
        var staff = new[]
        {
            Person("Ana", [0], minShift: 16, maxShift: 16, weekends: 1),
            Person("Ben", [0], minShift: 16, maxShift: 16, weekends: 1),
        };
        var p = Problem(14, staff, t => t / 48 is 5 or 6 && t % 48 is >= 18 and < 28 ? 2
            : t / 48 is 12 or 13 && t % 48 is >= 18 and < 34 ? 2
            : 0);
        var roster = GreedyRoster.BuildWeekendsFirst(p);
        Assert.NotNull(roster);
        Assert.Equal(new[] { 12, 12, 13, 13 }, roster.Select(s => s.Day).Order());
        Assert.Equal(2 * 2 * 10, CoverageRules.Evaluate(p, roster).UnderCoverage);
    }

    [Fact]
    public void The_weekends_first_roster_keeps_hours_for_weekends_and_breaks_no_rule()
    {
        // Six people, five 8 h shifts a week each (30 shifts). Weekdays need three people 06:00-22:00 (six shifts a day, all 30),
        // weekends one (two shifts a day). Planned day by day, Monday to Friday take (nearly) every hour and the weekends stay (mostly) empty;
        // weekends first staffs them, and weekdays are short instead: the pool is short either way.
        var staff = Enumerable
            .Range(0, 6)
            .Select(i => Person($"P{i}", [0], minShift: 16, maxShift: 16, minWeek: 48, maxWeek: 80, weekends: 2))
            .ToList();
        var p = Problem(14, staff, t => t % 48 is >= 12 and < 44
                ? CoverageProblem.IsWeekendDay(t / 48)
                    ? 1
                    : 3
                : 0);
        var dayByDay = GreedyRoster.Build(p);
        var weekendsFirst = GreedyRoster.BuildWeekendsFirst(p);
        Assert.NotNull(weekendsFirst);
        Assert.Empty(CoverageRules.Violations(p, weekendsFirst));
        int WeekendShort(IReadOnlyList<PlannedShift> r)
        {
            var c = CoverageRules.Evaluate(p, r);
            return Enumerable
                .Range(0, p.Intervals)
                .Where(t => CoverageProblem.IsWeekendDay(t / 48))
                .Sum(t => Math.Max(0, p.Demand[0][t] - c.Scheduled[0][t]));
        }
        Assert.True(WeekendShort(dayByDay) >= 2 * 32, $"day by day: {WeekendShort(dayByDay)} weekend intervals short"); // two weekend days or more left empty
        Assert.True(WeekendShort(weekendsFirst) <= 4 * 6, $"weekends first: {WeekendShort(weekendsFirst)} weekend intervals short"); // at most 06:00-09:00 a day, where rest after a late shift forbids an early one
    }

    [Fact]
    public void The_bound_counts_hours_lost_to_a_week_off()
    {
        // One person needed 06:00-22:00 on weekdays for two weeks (160 intervals a week). Ana and Ben work 8 h shifts, 40 h a week;
        // Ana is off in the second week, so Ben alone covers 80 of its 160: at least 80 short, and that is what the best roster reaches.
        var ana = Person("Ana", [0], minShift: 16, maxShift: 16, maxWeek: 80) with { Blocked = [(7 * 48, 14 * 48)] };
        var p = Problem(14, [ana, Person("Ben", [0], minShift: 16, maxShift: 16, maxWeek: 80)], t =>
            t % 48 is >= 12 and < 44 && !CoverageProblem.IsWeekendDay(t / 48) ? 1 : 0
        );
        Assert.Equal(0, CoverageBound.WeekHours(p, ana, 1));
        Assert.Equal(80, CoverageBound.WeekHours(p, ana, 0));
        Assert.Equal(80, CoverageBound.Compute(p));
        var best = Enumerable
            .Range(0, 5)
            .SelectMany(d => new[] { new PlannedShift(0, d, 12, 16), new PlannedShift(1, d, 28, 16) })
            .Concat(Enumerable.Range(7, 5).Select(d => new PlannedShift(1, d, 12, 16)))
            .ToList();
        Assert.Empty(CoverageRules.Violations(p, best));
        Assert.Equal(80, CoverageRules.Evaluate(p, best).UnderCoverage);
        // Five days in a row at most: six of any seven days, so a 10 h shift a day gives at most 60 h, whatever the contract allows.
        var many = Person("Cy", [0], minShift: 20, maxShift: 20, maxWeek: 200, maxDays: 5);
        Assert.Equal(6 * 20, CoverageBound.WeekHours(Problem(7, [many], _ => 1), many, 0));
    }

    [Fact]
    public void Cost_weighs_short_over_hours_and_the_most_late_shifts_and_weekends()
    {
        var p = Problem(7, [Person("Ana", [0])], t => t % 48 is >= 18 and < 34 ? 1 : 0);
        var w = p.Weights;
        // 16 intervals covered from 09:00, plus 6 days of 16 intervals short.
        Assert.Equal(w.UnderPerInterval * 6 * 16 + w.PerWorkedInterval * 16, CoverageRules.Cost(p, [new PlannedShift(0, 0, 18, 16)]));
        // A shift from 15:00 to 23:00 on Saturday is late and a weekend, and over after 17:00.
        var late = CoverageRules.Cost(p, [new PlannedShift(0, 5, 30, 16)]);
        Assert.Equal(w.UnderPerInterval * (7 * 16 - 4) + w.OverPerInterval * 12 + w.PerWorkedInterval * 16 + w.Fairness * 2, late);
    }

    [Fact]
    public void The_split_covers_as_much_as_any_assignment_of_people_to_brands()
    {
        // Every way to put up to six people on the brands they serve, against the split: none covers more.
        var rng = new Random(5);
        for (var round = 0; round < 300; round++)
        {
            var brands = 1 + rng.Next(4);
            var serves = Enumerable
                .Range(0, 1 + rng.Next(6))
                .Select(_ =>
                    (IReadOnlyList<int>)Enumerable.Range(0, brands).Where(_ => rng.Next(2) == 0).DefaultIfEmpty(rng.Next(brands)).ToList()
                )
                .ToList();
            var demand = Enumerable.Range(0, brands).Select(_ => rng.Next(3)).ToArray();
            var best = 0;
            Search(0, new int[brands]);
            var split = CoverageRules.Allocate(serves, demand);
            Assert.Equal(best, split.Select((n, b) => Math.Min(n, demand[b])).Sum());
            Assert.Equal(serves.Count, split.Sum());

            void Search(int person, int[] load)
            {
                if (person == serves.Count)
                {
                    best = Math.Max(best, load.Select((n, b) => Math.Min(n, demand[b])).Sum());
                    return;
                }
                foreach (var b in serves[person])
                {
                    load[b]++;
                    Search(person + 1, load);
                    load[b]--;
                }
            }
        }
    }

    [Fact]
    public void Coverage_of_a_few_intervals_tells_what_a_change_there_does_to_the_whole()
    {
        var p = Problem(
            3,
            [Person("Ana", [0]), Person("Ben", [0, 1]), Person("Cleo", [1])],
            t => t % 48 is >= 16 and < 40 ? 1 : 0,
            t => t % 48 is >= 20 and < 44 ? 2 : 0
        );
        IReadOnlyList<PlannedShift> before = [new(0, 0, 16, 16), new(1, 0, 20, 16), new(2, 1, 24, 16), new(1, 2, 16, 20)];
        // Ben's Sunday shift starts later, Cleo's Monday shift is dropped: only intervals from day 1 to the end of day 2 change.
        IReadOnlyList<PlannedShift> after = [new(0, 0, 16, 16), new(1, 0, 20, 16), new(1, 2, 24, 20)];
        int from = 48 + 24,
            to = 2 * 48 + 44;
        var whole = (Before: CoverageRules.Evaluate(p, before), After: CoverageRules.Evaluate(p, after));
        var part = (Before: CoverageRules.Evaluate(p, before, from, to), After: CoverageRules.Evaluate(p, after, from, to));
        Assert.Equal(whole.After.UnderCoverage, whole.Before.UnderCoverage - part.Before.UnderCoverage + part.After.UnderCoverage);
        Assert.Equal(whole.After.OverCoverage, whole.Before.OverCoverage - part.Before.OverCoverage + part.After.OverCoverage);
        Assert.NotEqual(whole.Before.UnderCoverage, whole.After.UnderCoverage);
        // Nothing is counted outside the intervals asked for.
        Assert.All(part.After.Scheduled, row => Assert.Equal(0, row.Take(from).Sum() + row.Skip(to).Sum()));
        Assert.Equal(CoverageRules.Cost(p, after), CoverageRules.Cost(p, after, whole.After.UnderCoverage, whole.After.OverCoverage));
    }

    [Fact]
    public void Changes_from_two_searches_merge_unless_they_touch_the_same_shifts()
    {
        var start = new List<PlannedShift> { new(0, 0, 18, 16), new(1, 0, 18, 16), new(2, 1, 18, 16) };
        var startSet = start.ToHashSet();
        // One search moved Ana's Monday later and it became the best roster; another, from the same start, gave Ben Tuesday too.
        var first = RosterMerge.Apply(start, startSet, startSet, [new(0, 0, 22, 16), start[1], start[2]], 48)!;
        Assert.Equal([new(1, 0, 18, 16), new(2, 1, 18, 16), new(0, 0, 22, 16)], first.Shifts);
        Assert.Equal((18, 22 + 16), (first.From, first.To));
        Assert.Equal([0], first.People);
        var second = RosterMerge.Apply(first.Shifts, first.Shifts.ToHashSet(), startSet, [.. start, new(1, 1, 30, 12)], 48)!;
        Assert.Equal(4, second.Shifts.Count);
        Assert.Contains(new PlannedShift(0, 0, 22, 16), second.Shifts);
        Assert.Contains(new PlannedShift(1, 1, 30, 12), second.Shifts);
        Assert.Equal((48 + 30, 48 + 42), (second.From, second.To));
        Assert.Equal([1], second.People);
        // A third, also from the start, moved Ana's Monday elsewhere: the shift it replaced is gone already, so it is refused.
        Assert.Null(RosterMerge.Apply(second.Shifts, second.Shifts.ToHashSet(), startSet, [new(0, 0, 14, 16), start[1], start[2]], 48));
        // Nothing changed: nothing to merge.
        Assert.Null(RosterMerge.Apply(start, startSet, startSet, start, 48));
    }
}
