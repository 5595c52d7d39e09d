using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Staffing;

public class QueueSimulationTests
{
    private static readonly TimeSpan Aht = TimeSpan.FromSeconds(180);

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Agrees_with_Erlang_C_where_its_assumptions_hold(int agents)
    {
        // 200 contacts an hour, 180 s each: A = 10 erlangs; long runs so the queue reaches its steady state.
        var sim = QueueSimulation.RunMany(20, 200, Aht, agents, TimeSpan.FromHours(24), TimeSpan.FromSeconds(20), seed: 42);
        var sl = ErlangC.ServiceLevel(10, agents, Aht, TimeSpan.FromSeconds(20));
        var asa = ErlangC.AverageSpeedOfAnswer(10, agents, Aht).TotalSeconds;
        Assert.InRange(sim.ServiceLevel, sl - 0.02, sl + 0.02);
        Assert.InRange(sim.AverageSpeedOfAnswer.TotalSeconds, asa * 0.85, asa * 1.15);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_percentiles_are_ordered()
    {
        var a = QueueSimulation.Run(200, Aht, 13, TimeSpan.FromHours(2), TimeSpan.FromSeconds(20), seed: 7);
        var b = QueueSimulation.Run(200, Aht, 13, TimeSpan.FromHours(2), TimeSpan.FromSeconds(20), seed: 7);
        Assert.Equal(a, b);
        Assert.True(a.P90Wait <= a.P99Wait);
        Assert.InRange(a.Contacts, 300, 500);
    }

    [Fact]
    public void More_agents_never_make_it_worse()
    {
        var few = QueueSimulation.RunMany(10, 200, Aht, 11, TimeSpan.FromHours(8), TimeSpan.FromSeconds(20), seed: 3);
        var many = QueueSimulation.RunMany(10, 200, Aht, 15, TimeSpan.FromHours(8), TimeSpan.FromSeconds(20), seed: 3);
        Assert.True(many.ServiceLevel > few.ServiceLevel);
        Assert.True(many.AverageSpeedOfAnswer < few.AverageSpeedOfAnswer);
    }
}
