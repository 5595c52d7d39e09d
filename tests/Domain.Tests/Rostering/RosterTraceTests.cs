using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

public sealed class RosterTraceTests
{
    [Fact]
    public void A_trace_reads_back_as_it_was_stored()
    {
        var points = new List<(double, int)> { (0.7, 2900), (1.25, 2810), (30, 2650) };
        var text = RosterTrace.Format(points);
        Assert.Equal("0.7:2900 1.3:2810 30:2650", text);
        Assert.Equal([(0.7, 2900), (1.3, 2810), (30.0, 2650)], RosterTrace.Parse(text));
        Assert.Empty(RosterTrace.Parse(null));
        Assert.Equal("", RosterTrace.Format([]));
    }

    [Fact]
    public void A_long_trace_keeps_its_first_and_latest_points_and_fits_its_column()
    {
        var points = Enumerable.Range(0, 5000).Select(k => (k * 0.12, 100_000 - k)).ToList();
        var kept = RosterTrace.Parse(RosterTrace.Format(points));
        Assert.Equal(RosterTrace.MaxPoints, kept.Count);
        Assert.Equal((0.0, 100_000), kept[0]);
        Assert.Equal(100_000 - 4999, kept[^1].Under);
        Assert.True(kept.Zip(kept.Skip(1)).All(z => z.First.Seconds < z.Second.Seconds && z.First.Under > z.Second.Under));
        // Ten-minute runs with six-figure shortfalls still fit the 1,000 characters the run's column holds.
        var longest = Enumerable.Range(0, 5000).Select(k => (600.0 - k * 0.01, 999_999)).ToList();
        Assert.True(RosterTrace.Format(longest).Length <= 1000);
    }

    [Fact]
    public void What_is_not_a_point_is_skipped()
    {
        Assert.Equal([(2.0, 40)], RosterTrace.Parse("x:1 2:40 3: :5 7:y 8"));
    }
}

public sealed class RosterTraceImprovingTests
{
    [Fact]
    public void A_search_still_finding_better_rosters_in_its_last_fifth_was_still_improving()
    {
        Assert.True(RosterTrace.StillImproving([(1, 900), (20, 700), (55, 650)], 60));
        // Its last gain in the first four fifths: it had levelled off.
        Assert.False(RosterTrace.StillImproving([(1, 900), (20, 700), (47, 650)], 60));
        // Every better roster came late (a short run): compared with its first.
        Assert.True(RosterTrace.StillImproving([(50, 900), (58, 800)], 60));
        Assert.False(RosterTrace.StillImproving([(50, 900)], 60));
        Assert.False(RosterTrace.StillImproving([], 60));
        Assert.False(RosterTrace.StillImproving([(1, 900), (59, 800)], 0));
    }
}
