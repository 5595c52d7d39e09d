using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Staffing;

/// <summary>
/// Against the classic published worked example: 100 calls in 30 minutes, 180 s handling time
/// (A = 10 erlangs), target 80 % answered within 20 s.
/// </summary>
public class ErlangCTests
{
    private static readonly TimeSpan Aht = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void Traffic_is_arrivals_times_handling_time()
    {
        Assert.Equal(10, ErlangC.Traffic(100, TimeSpan.FromMinutes(30), Aht), 9);
    }

    [Theory]
    [InlineData(11, 0.6821, 0.3896, 122.8)]
    [InlineData(12, 0.4494, 0.6402, 40.4)]
    [InlineData(13, 0.2853, 0.7956, 17.1)]
    [InlineData(14, 0.1741, 0.8884, 7.8)]
    public void Matches_the_textbook_table(int agents, double waiting, double serviceLevel, double asaSeconds)
    {
        Assert.Equal(waiting, ErlangC.ProbabilityOfWaiting(10, agents), 4);
        Assert.Equal(serviceLevel, ErlangC.ServiceLevel(10, agents, Aht, Target), 4);
        Assert.Equal(asaSeconds, ErlangC.AverageSpeedOfAnswer(10, agents, Aht).TotalSeconds, 1);
    }

    [Fact]
    public void Thirteen_agents_fall_short_of_80_percent_and_fourteen_reach_it()
    {
        Assert.Equal(14, ErlangC.AgentsFor(10, Aht, 0.80, Target));
        Assert.Equal(13, ErlangC.AgentsFor(10, Aht, 0.79, Target));
    }

    [Fact]
    public void Large_loads_stay_finite_and_exact()
    {
        // A = 100, N = 110: exact value 0.23701 (factorials would overflow long before).
        Assert.Equal(0.23701, ErlangC.ProbabilityOfWaiting(100, 110), 5);
        var big = ErlangC.ProbabilityOfWaiting(5000, 5100);
        Assert.InRange(big, 0.0, 1.0);
        Assert.False(double.IsNaN(big));
    }

    [Fact]
    public void Too_few_agents_means_everyone_waits_forever()
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(10, 10));
        Assert.Equal(0, ErlangC.ServiceLevel(10, 9, Aht, Target));
        Assert.Equal(TimeSpan.MaxValue, ErlangC.AverageSpeedOfAnswer(10, 10, Aht));
    }

    [Fact]
    public void No_traffic_needs_no_one_and_shrinkage_adds_people()
    {
        Assert.Equal(0, ErlangC.AgentsFor(0, Aht, 0.8, Target));
        Assert.Equal(20, ErlangC.WithShrinkage(14, 0.30));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.WithShrinkage(14, 1));
        Assert.Equal(13, ErlangC.AgentsFor(10, Aht, 0.5, Target, maxOccupancy: 0.8));
    }
}
