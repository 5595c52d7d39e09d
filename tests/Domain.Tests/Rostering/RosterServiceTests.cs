using Agency.Domain.Channels;
using Agency.Domain.Rostering;
using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Rostering;

public sealed class RosterServiceTests
{
    // Half-hour intervals, 6 minutes a conversation, 3 at once, 80 % within the hour, 30 % shrinkage.
    private static readonly AsyncWork Work = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(6), 3, 0.8, TimeSpan.FromMinutes(60), 0.3);

    // A day of posts: quiet nights, 20 posts a half hour from 09:00 to 21:00.
    private static readonly double[] Day = [.. Enumerable.Range(0, 48).Select(t => t is >= 18 and < 42 ? 20.0 : 0)];

    private static DemandStream Stream(int line, Network network, double[] arrivals) =>
        new(line, network, Work, arrivals, StaffRequirement.Required(arrivals, Work));

    [Fact]
    public void People_apportioned_by_weight_by_largest_remainder_then_by_fallback_then_evenly()
    {
        Assert.Equal([3, 1, 1], RosterService.Apportion(5, [2, 1, 1]));
        Assert.Equal([2, 1], RosterService.Apportion(3, [1, 1])); // a tie goes to the first
        Assert.Equal([0, 0], RosterService.Apportion(0, [4, 1]));
        Assert.Equal([0, 2], RosterService.Apportion(2, [0, 0], [0, 5]));
        Assert.Equal([2, 1], RosterService.Apportion(3, [0, 0], [0, 0]));
        Assert.Empty(RosterService.Apportion(3, []));
    }

    [Fact]
    public void A_roster_with_the_people_the_requirement_asks_for_meets_its_aim_and_one_with_nobody_answers_nothing()
    {
        var stream = Stream(0, Network.X, Day);
        var asked = RosterService.Simulate([stream], [stream.Required], 0, 48);
        var met = Assert.Single(asked);
        Assert.True(met.Conversations > 400, $"{met.Conversations} posts a day");
        Assert.True(met.ServiceLevel >= 0.8 - 0.03, $"simulated {met.ServiceLevel:P1} with the required staff");
        Assert.NotEqual(TimeSpan.MaxValue, met.P90Answer);
        Assert.Equal((TimeSpan.FromMinutes(60), 0.8), (met.Target, met.Goal));

        var nobody = Assert.Single(RosterService.Simulate([stream], [new int[48]], 0, 48));
        Assert.Equal(0, nobody.ServiceLevel);
        Assert.Equal(TimeSpan.MaxValue, nobody.P90Answer);
        Assert.False(nobody.MeetsGoal);
        Assert.Contains("more than a tenth still unanswered", nobody.Describe());

        // Half the people: fewer answered in time than with all of them.
        var half = Assert.Single(RosterService.Simulate([stream], [stream.Required.Select(r => r / 2).ToArray()], 0, 48));
        Assert.True(half.ServiceLevel < met.ServiceLevel);
    }

    [Fact]
    public void A_line_answering_two_channels_splits_its_people_by_what_each_needs_then()
    {
        // X has posts all day, Facebook none: the line's people all answer X, which does as well as alone.
        var x = Stream(0, Network.X, Day);
        var facebook = Stream(0, Network.Facebook, new double[48]);
        var both = RosterService.Simulate([x, facebook], [x.Required], 0, 48);
        Assert.Equal([Network.X, Network.Facebook], both.Select(s => s.Network));
        Assert.Equal(RosterService.Simulate([x], [x.Required], 0, 48)[0].ServiceLevel, both[0].ServiceLevel);
        Assert.Equal(0, both[1].Conversations);
        Assert.Equal("no posts expected", both[1].Describe());
    }

    [Fact]
    public void Only_the_asked_days_are_simulated_and_each_line_by_its_own_people()
    {
        var acme = Stream(0, Network.X, [.. Day, .. Day]);
        var globex = Stream(1, Network.X, [.. Day, .. Day]);
        var secondDay = RosterService.Simulate([acme, globex], [acme.Required, new int[96]], 48, 48);
        Assert.Equal([0, 1], secondDay.Select(s => s.Line));
        Assert.True(secondDay[0].ServiceLevel >= 0.77);
        Assert.Equal(0, secondDay[1].ServiceLevel);
        Assert.InRange(secondDay[0].Conversations, 400, 560); // one day's posts, not two
    }

    [Fact]
    public void Per_interval_the_share_answered_in_time_is_weighted_by_each_channel_s_posts_and_quiet_intervals_are_not_judged()
    {
        var stream = Stream(0, Network.X, Day);
        var one = Assert.Single(RosterService.Simulate([stream], [stream.Required], 0, 48));
        Assert.Equal(48, one.Levels.Count);
        Assert.Equal(Day, one.Arrivals);

        IReadOnlyList<SimulatedService> two =
        [
            new(0, Network.X, 10, 1, TimeSpan.Zero, TimeSpan.FromHours(1), 0.8) { Levels = [1, 1, 1], Arrivals = [3, 0.1, 0] },
            new(0, Network.Facebook, 10, 0, TimeSpan.MaxValue, TimeSpan.FromHours(6), 0.9) { Levels = [0.5, 1, 1], Arrivals = [1, 0, 0] },
        ];
        var per = SimulatedService.PerInterval(two, 3);
        // (3 x 1 + 1 x 0.5) / 4 answered in time, aim (3 x 0.8 + 1 x 0.9) / 4
        Assert.Equal(0.875, per[0]!.Value.Level, 9);
        Assert.Equal(0.825, per[0]!.Value.Goal, 9);
        Assert.Null(per[1]); // a tenth of a post expected
        Assert.Null(per[2]);
    }
}
