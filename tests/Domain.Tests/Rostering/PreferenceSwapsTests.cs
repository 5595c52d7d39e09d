using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

public class PreferenceSwapsTests
{
    private const int Six = 12,
        Fourteen = 28,
        TwentyTwo = 44;

    private static PoolMember Person(string name, (int, int)? preferred, int[]? brands = null, int rest = 22) =>
        new(Guid.NewGuid(), name, brands ?? [0], 16, 16, 0, 80, 5, rest, 2) { Preferred = preferred };

    private static CoverageProblem Day(int days, params PoolMember[] staff) =>
        CoverageTests.Problem(days, staff, t => t % 48 is >= Six and < TwentyTwo ? 1 : 0);

    [Fact]
    public void Two_colleagues_on_the_wrong_shifts_trade_them_and_cover_stays()
    {
        // Ana prefers mornings but works the evening, Ben the other way round.
        var p = Day(1, Person("Ana", (Six, Fourteen)), Person("Ben", (Fourteen, TwentyTwo)));
        PlannedShift[] roster = [new(0, 0, Fourteen, 16), new(1, 0, Six, 16)];
        var traded = PreferenceSwaps.Improve(p, roster, TimeSpan.FromSeconds(5));
        Assert.Equal(Six, traded.Single(s => s.Person == 0).Start);
        Assert.Equal(Fourteen, traded.Single(s => s.Person == 1).Start);
        Assert.Equal(0, CoverageRules.Evaluate(p, traded).UnderCoverage);
        Assert.True(CoverageRules.Cost(p, traded) < CoverageRules.Cost(p, roster));
    }

    [Fact]
    public void A_trade_that_breaks_a_rule_or_leaves_a_brand_short_is_not_made()
    {
        // Ana worked until 06:00 on the first day: an 06:00 start on day 2 breaks her 11 hours of rest.
        var p = Day(2, Person("Ana", (Six, Fourteen)), Person("Ben", (Fourteen, TwentyTwo)));
        PlannedShift[] tired = [new(0, 0, 44, 10), new(0, 1, Fourteen, 16), new(1, 1, Six, 16)];
        Assert.Equal(
            tired.OrderBy(s => (s.Person, s.Day)),
            PreferenceSwaps.Improve(p, tired, TimeSpan.FromSeconds(5)).OrderBy(s => (s.Person, s.Day))
        );

        // Brand 0 needs someone in the evening, brand 1 (only Ben serves it) in the morning: trading would leave brand 1 short.
        var twoBrands = CoverageTests.Problem(
            1,
            [Person("Ana", (Six, Fourteen)), Person("Ben", (Fourteen, TwentyTwo), [0, 1])],
            t => t % 48 is >= Fourteen and < TwentyTwo ? 1 : 0,
            t => t % 48 is >= Six and < Fourteen ? 1 : 0
        );
        PlannedShift[] split = [new(0, 0, Fourteen, 16), new(1, 0, Six, 16)];
        Assert.Equal(0, CoverageRules.Evaluate(twoBrands, split).UnderCoverage);
        Assert.Equal(split, PreferenceSwaps.Improve(twoBrands, split, TimeSpan.FromSeconds(5)).OrderBy(s => s.Person));
    }
}
