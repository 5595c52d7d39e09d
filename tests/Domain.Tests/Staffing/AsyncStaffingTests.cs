using Agency.Domain.Forecasting;
using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Staffing;

public class AsyncStaffingTests
{
    // X: 80 % answered within 60 minutes; 6 minutes of work per conversation, 3 at once; no shrinkage.
    private static readonly AsyncWork X = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(6), 3, 0.8, TimeSpan.FromMinutes(60), 0);

    [Fact]
    public void Steady_work_needs_its_workload_in_agents()
    {
        var arrivals = Enumerable.Repeat(60.0, 48).ToArray();
        var staff = AsyncStaffing.Required(arrivals, X);
        // Capacity per agent per interval: 30/6 x 3 = 15 conversations; 60 arrivals need 4 agents once the pipeline is full.
        Assert.All(staff.Skip(4), a => Assert.Equal(4, a));
    }

    [Fact]
    public void A_long_target_lets_a_burst_be_answered_later_with_fewer_people_than_erlang_c_asks()
    {
        var arrivals = new double[48];
        arrivals[20] = 150; // a burst in one half hour
        var facebook = X with { Target = TimeSpan.FromHours(6) };
        var staff = AsyncStaffing.Required(arrivals, facebook);
        Assert.True(staff.Max() <= 2, $"peak {staff.Max()}");
        // Enough capacity in total to answer the burst, without staffing much beyond it.
        var staffed = staff.Sum() * facebook.CapacityPerAgent;
        Assert.InRange(staffed, 150, 150 + 2 * facebook.CapacityPerAgent);
        var erlang = ErlangC.AgentsFor(
            ErlangC.Traffic(150, facebook.Interval, facebook.AverageHandlingTime) / facebook.Concurrency,
            facebook.AverageHandlingTime,
            0.8,
            facebook.Target
        );
        Assert.True(erlang > staff.Max());
    }

    [Fact]
    public void Shrinkage_adds_people_to_cover_breaks_and_absence()
    {
        var arrivals = Enumerable.Repeat(60.0, 10).ToArray();
        var staff = AsyncStaffing.Required(arrivals, X with { Shrinkage = 0.3 });
        Assert.Equal(6, staff[^1]); // 4 / (1 - 0.3) = 5.7
    }

    [Fact]
    public void Simulating_the_plan_meets_the_target_and_a_thinner_plan_does_not()
    {
        var arrivals = Enumerable.Range(0, 48).Select(i => 20 + 40 * Math.Sin(Math.PI * i / 48)).ToArray();
        var plan = AsyncStaffing.Required(arrivals, X);
        var result = AsyncSimulation.Run(arrivals, plan, X, runs: 20, seed: 7);
        Assert.True(result.ServiceLevel >= 0.8, $"service level {result.ServiceLevel:P1}");
        Assert.True(result.P90Answer <= TimeSpan.FromMinutes(90));

        var thin = plan.Select(a => Math.Max(0, a - 2)).ToArray();
        var worse = AsyncSimulation.Run(arrivals, thin, X, runs: 20, seed: 7);
        Assert.True(worse.ServiceLevel < result.ServiceLevel - 0.1, $"thin {worse.ServiceLevel:P1} vs plan {result.ServiceLevel:P1}");
    }

    [Fact]
    public void One_person_on_duty_answers_in_the_slots_shrinkage_leaves_them()
    {
        // 2 posts a half hour for 8 hours, one person with 30 % shrinkage and 3 at once: 2 slots, plenty for the work.
        var arrivals = Enumerable.Repeat(2.0, 16).ToArray();
        var one = AsyncSimulation.Run(arrivals, Enumerable.Repeat(1, 16).ToArray(), X with { Shrinkage = 0.3 }, runs: 10, seed: 5);
        Assert.True(one.ServiceLevel > 0.9, $"one person answered {one.ServiceLevel:P0}");
    }

    [Fact]
    public void Volumes_are_counted_in_the_brand_s_local_intervals_across_a_clock_change()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var day = new DateOnly(2026, 3, 29); // clocks go forward at 01:00 UTC
        DateTime[] posts =
        [
            new(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), // 00:30 GMT
            new(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), // 02:30 BST (01:xx local never happens)
            new(2026, 3, 29, 11, 5, 0, DateTimeKind.Utc), // 12:05 BST
            new(2026, 3, 28, 23, 59, 0, DateTimeKind.Utc), // the day before: left out
        ];
        var counts = VolumeHistory.Bucket(posts, london, day, 1, TimeSpan.FromHours(1));
        Assert.Equal(24, counts.Length);
        Assert.Equal(1, counts[0]);
        Assert.Equal(0, counts[1]);
        Assert.Equal(1, counts[2]);
        Assert.Equal(1, counts[12]);
        Assert.Equal(3, counts.Sum());
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), VolumeHistory.StartUtc(london, day, 1, TimeSpan.FromHours(1)));
    }
}
