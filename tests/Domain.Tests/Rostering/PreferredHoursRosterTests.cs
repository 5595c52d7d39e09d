using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

/// <summary>Preferred hours in the roster: a soft wish, kept where coverage allows and given up where it does not.</summary>
public class PreferredHoursRosterTests
{
    // One 8-hour shift a day, no weekly minimum.
    private static PoolMember Person(string name, (int, int)? preferred) =>
        new(Guid.NewGuid(), name, [0], 16, 16, 0, 80, 5, 22, 2) { Preferred = preferred };

    private const int Six = 12,
        Fourteen = 28,
        TwentyTwo = 44;

    private static IReadOnlyList<PlannedShift> Roster(CoverageProblem p)
    {
        var first = GreedyRoster.Build(p);
        return LocalSearch.Improve(p, first, TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Where_cover_is_the_same_either_way_each_person_works_the_hours_they_prefer(bool anaMornings)
    {
        // One person needed 06:00-22:00: two 8-hour shifts cover it whoever works which. Whichever way the wishes lie, both are kept.
        (int, int) morning = (Six, Fourteen),
            evening = (Fourteen, TwentyTwo);
        var p = CoverageTests.Problem(
            1,
            [Person("Ana", anaMornings ? morning : evening), Person("Ben", anaMornings ? evening : morning)],
            t => t is >= Six and < TwentyTwo ? 1 : 0
        );
        var roster = Roster(p);
        Assert.Empty(CoverageRules.Violations(p, roster));
        Assert.Equal(0, CoverageRules.Evaluate(p, roster).UnderCoverage);
        Assert.Equal(0, roster.Sum(s => CoverageRules.OutsidePreferred(p, s)));
        var ana = Assert.Single(roster, s => s.Person == 0);
        Assert.Equal(anaMornings ? Six : Fourteen, ana.Start);
    }

    [Fact]
    public void Cover_comes_first_and_a_wish_that_leaves_customers_waiting_is_given_up()
    {
        // Only Ana can work, she prefers mornings, and only the evening needs someone: she works the evening.
        var p = CoverageTests.Problem(1, [Person("Ana", (Six, Fourteen))], t => t is >= Fourteen and < TwentyTwo ? 1 : 0);
        var roster = Roster(p);
        var shift = Assert.Single(roster);
        Assert.Equal(Fourteen, shift.Start);
        Assert.Equal(16, CoverageRules.OutsidePreferred(p, shift));
        // The objective counts each interval outside her hours at its weight, beside everything else.
        var without = CoverageTests.Problem(1, [Person("Ana", null)], t => t is >= Fourteen and < TwentyTwo ? 1 : 0);
        Assert.Equal(CoverageRules.Cost(without, roster) + 16 * p.Weights.OutsidePreferredPerInterval, CoverageRules.Cost(p, roster));
    }
}
