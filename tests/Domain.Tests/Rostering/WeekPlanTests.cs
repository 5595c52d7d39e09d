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
            var blocked = Enumerable
                .Range(0, 7)
                .SelectMany(d =>
                    new[] { (d * 24, d * 24 + 2), (d * 24 + 6, d * 24 + 10), (d * 24 + 14, d * 24 + 18), (d * 24 + 22, d * 24 + 24) }
                )
                .ToList();
            var ana = new PoolMember(
                Guid.NewGuid(),
                "Ana",
                [0],
                4,
                4,
                4 * rng.Next(3),
                16,
                MaxConsecutiveDays: 2 + rng.Next(2),
                MinRestIntervals: 12,
                MaxWeekendsPer4Weeks: rng.Next(2)
            )
            {
                Blocked = blocked,
                BusyDays = rng.Next(2) == 0 ? new HashSet<int>() : new HashSet<int> { rng.Next(5) },
            };
            var p = new CoverageProblem
            {
                Days = 7,
                IntervalMinutes = 60,
                Brands = ["B0"],
                Demand = [new int[7 * 24]],
                Staff = [ana],
            };
            var gain = Enumerable.Range(0, 7 * 24 + 4).Select(_ => (long)rng.Next(-5, 10)).ToArray();
            var plan = WeekPlan.Best(p, ana, 0, new PlannedShift?[7], 0, gain, [], startsPerLength: 24);

            long? best = null;
            var days = new PlannedShift?[7];
            Try(0);
            Assert.True(
                best == plan?.Value,
                $"round {round}: best {best}, plan {plan?.Value} {string.Join(' ', plan?.Shifts ?? [])} {string.Join(" | ", plan is null ? [] : CoverageRules.Violations(p, plan.Shifts))} busy {string.Join(',', ana.BusyDays)} runs {ana.MaxConsecutiveDays} weekends {ana.MaxWeekendsPer4Weeks} min {ana.MinWeekIntervals}"
            );
            if (plan is null)
                continue;
            Assert.Empty(CoverageRules.Violations(p, plan.Shifts));
            Assert.Equal(plan.Value, plan.Shifts.Sum(s => gain.Skip(s.From(24)).Take(s.Length).Sum()));

            void Try(int day)
            {
                if (day == 7)
                {
                    var shifts = days.OfType<PlannedShift>().ToList();
                    if (CoverageRules.Violations(p, shifts).Count > 0)
                        return;
                    var value = shifts.Sum(s => gain.Skip(s.From(24)).Take(s.Length).Sum());
                    if (best is null || value > best)
                        best = value;
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
            var ana = new PoolMember(
                Guid.NewGuid(),
                "Ana",
                [0],
                8,
                20,
                40,
                80,
                MaxConsecutiveDays: 5,
                MinRestIntervals: 22,
                MaxWeekendsPer4Weeks: 2
            )
            {
                BusyDays = new HashSet<int> { 8 + rng.Next(4) },
            };
            var p = new CoverageProblem
            {
                Days = 21,
                IntervalMinutes = 30,
                Brands = ["B0"],
                Demand = [new int[21 * 48]],
                Staff = [ana],
            };
            var byDay = new PlannedShift?[21];
            // Around the week: the last days before it (a weekend among them) and the first after it worked, late and early.
            foreach (var d in new[] { 3, 4, 5, 6, 14, 15, 16, 17 })
                if (!ana.BusyDays.Contains(d))
                    byDay[d] = new PlannedShift(0, d, d < 7 ? 40 : 0, 16);
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
}
