using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Staffing;

public class StaffingTests
{
    // Live chat: 80 % answered within 5 minutes, 6 minutes of work per conversation, 2 at once, half-hour intervals.
    private static readonly AsyncWork Chat = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(6), 2, 0.8, TimeSpan.FromMinutes(5), 0);

    [Theory]
    [InlineData(5, StaffingModel.ErlangC)]
    [InlineData(29, StaffingModel.ErlangC)]
    [InlineData(30, StaffingModel.Backlog)]
    [InlineData(60, StaffingModel.Backlog)]
    [InlineData(360, StaffingModel.Backlog)]
    public void The_model_follows_the_target_against_the_interval(int targetMinutes, StaffingModel expected) =>
        Assert.Equal(expected, StaffRequirement.ModelFor(Chat with { Target = TimeSpan.FromMinutes(targetMinutes) }));

    [Fact]
    public void Erlang_c_counts_conversation_slots_and_each_agent_works_several()
    {
        // 100 chats in half an hour of 6 minutes each: 20 erlangs. Erlang C: 22 slots reach 80 % within 5 minutes
        // (89.3 %; 21 give 66.9 %); 2 at once: 11 agents; with 25 % shrinkage 15 people (14.7).
        Assert.Equal(22, ErlangC.AgentsFor(20, TimeSpan.FromMinutes(6), 0.8, TimeSpan.FromMinutes(5)));
        Assert.Equal([11, 0], StaffRequirement.Required([100, 0], Chat));
        Assert.Equal([15], StaffRequirement.Required([100], Chat with { Shrinkage = 0.25 }));
    }

    [Fact]
    public void For_a_short_target_the_simulation_meets_erlang_c_s_staffing_and_misses_the_backlog_model_s()
    {
        var arrivals = Enumerable.Repeat(100.0, 16).ToArray();
        var erlang = StaffRequirement.Required(arrivals, Chat);
        var erlangResult = AsyncSimulation.Run(arrivals, erlang, Chat, runs: 30, seed: 3);
        Assert.InRange(erlangResult.ServiceLevel, 0.78, 0.95);

        // The backlog model only makes sure the work is done within the interval: too few people for a 5-minute answer.
        var backlog = AsyncStaffing.Required(arrivals, Chat);
        Assert.True(backlog.Skip(2).Max() < erlang.Max(), $"backlog {backlog.Max()} vs Erlang C {erlang.Max()}");
        var backlogResult = AsyncSimulation.Run(arrivals, backlog, Chat, runs: 30, seed: 3);
        Assert.True(backlogResult.ServiceLevel < 0.7, $"backlog staffing simulated at {backlogResult.ServiceLevel:P1}");
    }
}
