using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

/// <summary>One person's week planned anew as a whole: every rule kept, and the best plan there is.</summary>
public class WeekPlanTests
{
    [Fact]
    public void The_plan_is_the_best_of_every_plan_that_keeps_the_rules()
    {
        // Hourly intervals, 4-hour shifts that may start at 02:00, 10:00 or 18:00 (all else is blocked), one week: few enough plans
        // to try them all (every free start is offered). Rest (12 h) parts a late shift from an early one the next day.
        var rng = new Random(11);
        for (var round = 0; round < 10; round++)
        {
            var blocked = Enumerable.Range(0, 7).SelectMany(d => new[] { (d * 24, d * 24 + 2), (d * 24 + 6, d * 24 + 10), (d * 24 + 14, d * 24 + 18), (d * 24 + 22, d * 24 + 24) }).ToList();
            var ana = new PoolMember(Guid.NewGuid(), "Ana", [0], 4, 4, 4 * rng.Next(3), 16, MaxConsecutiveDays: 2 + rng.Next(2), MinRestIntervals: 12, MaxWeekendsPer4Weeks: rng.Next(2))
                { Blocked = blocked, BusyDays = rng.Next(2) == 0 ? new HashSet<int>() : new HashSet<int> { rng.Next(5) } };
            var p = new CoverageProblem { Days = 7, IntervalMinutes = 60, Brands = ["B0"], Demand = [new int[7 * 24]], Staff = [ana] };
            var gain = Enumerable.Range(0, 7 * 24 + 4).Select(_ => (long)rng.Next(-5, 10)).ToArray();
            var plan = WeekPlan.Best(p, ana, 0, new PlannedShift?[7], 0, gain, [], startsPerLength: 24);

            long? best = null;
            var days = new PlannedShift?[7];
            Try(0);
            Assert.True(best == plan?.Value, $"round {round}: best {best}, plan {plan?.Value} {string.Join(' ', plan?.Shifts ?? [])} {string.Join(" | ", plan is null ? [] : CoverageRules.Violations(p, plan.Shifts))} busy {string.Join(',', ana.BusyDays)} runs {ana.MaxConsecutiveDays} weekends {ana.MaxWeekendsPer4Weeks} min {ana.MinWeekIntervals}");
            if (plan is null) continue;
            Assert.Empty(CoverageRules.Violations(p, plan.Shifts));
            Assert.Equal(plan.Value, plan.Shifts.Sum(s => gain.Skip(s.From(24)).Take(s.Length).Sum()));

            void Try(int day)
            {
                if (day == 7)
                {
                    var shifts = days.OfType<PlannedShift>().ToList();
                    if (CoverageRules.Violations(p, shifts).Count > 0) return;
                    var value = shifts.Sum(s => gain.Skip(s.From(24)).Take(s.Length).Sum());
                    if (best is null || value > best) best = value;
                    return;
                }
                days[day] = null;
                Try(day + 1);
                foreach (var start in new[] { 2, 10, 18 })
                {
                    days[day] = new PlannedShift(0, day, start, 4);
                    Try(day + 1);
                }
                days[day] = null;
            }
        }
    }

    [Fact]
    public void A_week_planned_amid_the_roster_keeps_rest_runs_and_weekends_with_the_weeks_around_it()
    {
        // Three weeks; the middle one is planned anew around shifts on both sides, a busy day and a weekend already worked.
        var rng = new Random(4);
        for (var round = 0; round < 30; round++)
        {
            var ana = new PoolMember(Guid.NewGuid(), "Ana", [0], 8, 20, 40, 80, MaxConsecutiveDays: 5, MinRestIntervals: 22, MaxWeekendsPer4Weeks: 2)
                { BusyDays = new HashSet<int> { 8 + rng.Next(4) } };
            var p = new CoverageProblem { Days = 21, IntervalMinutes = 30, Brands = ["B0"], Demand = [new int[21 * 48]], Staff = [ana] };
            var byDay = new PlannedShift?[21];
            // Around the week: the last days before it (a weekend among them) and the first after it worked, late and early.
            foreach (var d in new[] { 3, 4, 5, 6, 14, 15, 16, 17 })
                if (!ana.BusyDays.Contains(d)) byDay[d] = new PlannedShift(0, d, d < 7 ? 40 : 0, 16);
            // Its weekend is worth most: worked, the days before it must be off for the run into the next week.
            var gain = Enumerable.Range(0, 7 * 48 + 20).Select(k => (long)rng.Next(-10, 100) + (k / 48 >= 5 ? 200 : 0)).ToArray();
            var plan = WeekPlan.Best(p, ana, 0, byDay, 1, gain, []);
            Assert.NotNull(plan);
            var roster = byDay.OfType<PlannedShift>().Concat(plan.Shifts).ToList();
            Assert.Empty(CoverageRules.Violations(p, roster));
            Assert.All(plan.Shifts, s => Assert.InRange(s.Day, 7, 13));
            // The week's worth is spent: with hours left and days free it works (rest and runs allow some of the week).
            Assert.True(plan.Shifts.Sum(s => s.Length) >= 40, $"{plan.Shifts.Sum(s => s.Length)}");
        }
    }

    [Theory]
    [InlineData(14, 0)] // one four-week window over the horizon: the weekends are counted
    [InlineData(35, 1)] // five weeks, two windows: the planned weeks' weekends weigh with the fixed ones on both sides
    public void Weeks_planned_together_are_the_best_of_every_plan_that_keeps_the_rules(int horizon, int firstWeek)
    {
        // Two weeks planned at once, hourly intervals, 4-hour shifts at 02:00 or 14:00 (12 h of rest keeps a 14:00 shift from the next
        // day's 02:00), some days blocked whole: few enough plans to try them all. Around the weeks (on the longer horizon) fixed shifts,
        // weekends among them.
        var rng = new Random(23);
        for (var round = 0; round < 12; round++)
        {
            var closed = Enumerable.Range(7 * firstWeek, 14).OrderBy(_ => rng.Next()).Take(5).ToHashSet();
            var blocked = Enumerable.Range(0, horizon).SelectMany(d => closed.Contains(d)
                ? new[] { (d * 24, d * 24 + 24) }
                : new[] { (d * 24, d * 24 + 2), (d * 24 + 6, d * 24 + 14), (d * 24 + 18, d * 24 + 24) }).ToList();
            var ana = new PoolMember(Guid.NewGuid(), "Ana", [0], 4, 4, 4 * rng.Next(3), 4 * (3 + rng.Next(3)), MaxConsecutiveDays: 2 + rng.Next(3), MinRestIntervals: 12,
                MaxWeekendsPer4Weeks: rng.Next(3)) { Blocked = blocked };
            var p = new CoverageProblem { Days = horizon, IntervalMinutes = 60, Brands = ["B0"], Demand = [new int[horizon * 24]], Staff = [ana] };
            var byDay = new PlannedShift?[horizon];
            // The weeks around: a weekend worked in week 0 and in week 3 or 4 (within the weekends allowed), and runs up to the planned weeks.
            if (horizon > 14)
            {
                foreach (var d in new[] { 3, 5, 6, 21, 22 }) byDay[d] = new PlannedShift(0, d, 2, 4);
                var late = rng.Next(2) == 0 ? 26 : 33;
                byDay[late] = new PlannedShift(0, late, 14, 4);
                // As many of the two fixed weekends as the rule allows, drawn at random.
                if (ana.MaxWeekendsPer4Weeks == 0 || (ana.MaxWeekendsPer4Weeks == 1 && rng.Next(2) == 0)) byDay[5] = byDay[6] = null;
                if (ana.MaxWeekendsPer4Weeks == 0 || (ana.MaxWeekendsPer4Weeks == 1 && byDay[5] is not null)) byDay[late] = null;
            }
            var first = 7 * firstWeek;
            var gain = Enumerable.Range(0, 14 * 24 + 4).Select(_ => (long)rng.Next(-5, 10)).ToArray();
            var plan = WeekPlan.Span(p, ana, 0, byDay, firstWeek, 2, gain, [], startsPerLength: 24);

            var fixedShifts = byDay.OfType<PlannedShift>().ToList();
            Assert.Empty(CoverageRules.Violations(p, fixedShifts));
            long? best = null;
            var days = new PlannedShift?[14];
            Try(0);
            Assert.True(best == plan?.Value, $"round {round}: best {best}, plan {plan?.Value} {string.Join(' ', plan?.Shifts ?? [])}");
            if (plan is null) continue;
            Assert.Empty(CoverageRules.Violations(p, [.. fixedShifts, .. plan.Shifts]));
            Assert.Equal(plan.Value, plan.Shifts.Sum(s => gain.Skip(s.From(24) - first * 24).Take(s.Length).Sum()));

            void Try(int j)
            {
                if (j == 14)
                {
                    var shifts = days.OfType<PlannedShift>().ToList();
                    if (CoverageRules.Violations(p, [.. fixedShifts, .. shifts]).Count > 0) return;
                    var value = shifts.Sum(s => gain.Skip(s.From(24) - first * 24).Take(s.Length).Sum());
                    if (best is null || value > best) best = value;
                    return;
                }
                days[j] = null;
                Try(j + 1);
                if (closed.Contains(first + j)) return;
                foreach (var start in new[] { 2, 14 })
                {
                    days[j] = new PlannedShift(0, first + j, start, 4);
                    // Only what can still keep the rules: rest to yesterday's shift.
                    if (j == 0 || days[j - 1] is not { } y || days[j]!.Value.From(24) - y.To(24) >= 12) Try(j + 1);
                }
                days[j] = null;
            }
        }
    }

    [Fact]
    public void Weeks_planned_together_each_reach_their_minimum_hours()
    {
        // Three weeks planned at once, worth most in the last: each week still works its minimum, whatever the last one is worth.
        var rng = new Random(8);
        for (var round = 0; round < 20; round++)
        {
            var ana = new PoolMember(Guid.NewGuid(), "Ana", [0], 8, 20, 40 + 4 * rng.Next(6), 80, MaxConsecutiveDays: 5, MinRestIntervals: 22, MaxWeekendsPer4Weeks: 1 + rng.Next(2));
            var p = new CoverageProblem { Days = 28, IntervalMinutes = 30, Brands = ["B0"], Demand = [new int[28 * 48]], Staff = [ana] };
            var byDay = new PlannedShift?[28];
            // The week before: four days to its end, a weekend among them, late.
            foreach (var d in new[] { 3, 4, 5, 6 }) byDay[d] = new PlannedShift(0, d, 18, 20);
            var gain = Enumerable.Range(0, 21 * 48 + 20).Select(k => (long)rng.Next(-50, 5) + (k / 48 >= 14 ? 100 : 0)).ToArray();
            var plan = WeekPlan.Span(p, ana, 0, byDay, 1, 3, gain, []);
            Assert.NotNull(plan);
            var roster = byDay.OfType<PlannedShift>().Concat(plan.Shifts).ToList();
            Assert.Empty(CoverageRules.Violations(p, roster));
            for (var week = 1; week < 4; week++)
                Assert.InRange(plan.Shifts.Where(s => s.Day / 7 == week).Sum(s => s.Length), p.MinWeek(ana, week), 80);
        }
    }
}
