using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

public class RosterFormatAndRulesTests
{
    /// <summary>A small instance of our own in the benchmark's format (tests/Instances/rostering).</summary>
    public static string Small => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Instances", "small-14.txt"));

    [Fact]
    public void An_instance_in_the_benchmark_format_is_read_and_written_back_the_same()
    {
        var p = NrpFormat.Read(new StringReader(Small));
        Assert.Equal(14, p.Horizon);
        Assert.Equal(["E", "L"], p.Shifts.Select(s => s.Id));
        Assert.Contains("E", p.Shifts[1].CannotBeFollowedBy);
        Assert.Equal(7, p.Staff[2].MaxShifts["L"]);
        Assert.Equal(
            (4800, 3360, 5, 2, 2, 1),
            (
                p.Staff[0].MaxTotalMinutes,
                p.Staff[0].MinTotalMinutes,
                p.Staff[0].MaxConsecutiveShifts,
                p.Staff[0].MinConsecutiveShifts,
                p.Staff[0].MinConsecutiveDaysOff,
                p.Staff[0].MaxWeekends
            )
        );
        Assert.Equal([5, 6], p.DaysOff["B"].Order());
        Assert.Equal(new ShiftRequest("C", 2, "L", 2), Assert.Single(p.OnRequests));
        Assert.Equal(new CoverRequirement(1, "E", 2, 100, 1), p.Cover[2]);

        var again = NrpFormat.Read(new StringReader(NrpFormat.Write(p)));
        Assert.Equal(NrpFormat.Write(p), NrpFormat.Write(again));
    }

    [Theory]
    [InlineData("SECTION_HORIZON\n14\n", "The section SECTION_SHIFTS is missing.")]
    [InlineData("14\nSECTION_HORIZON\n", "Line 1: data before the first section.")]
    [InlineData(
        "SECTION_HORIZON\nfourteen\nSECTION_SHIFTS\nSECTION_STAFF\nSECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n",
        "Line 2: the horizon 'fourteen' is not a whole number."
    )]
    [InlineData(
        "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,N\nSECTION_STAFF\nSECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n",
        "Shift D names an unknown shift N."
    )]
    public void A_malformed_instance_is_refused_with_the_line_and_reason(string text, string message)
    {
        var ex = Assert.Throws<NrpFormat.FormatException>(() => NrpFormat.Read(new StringReader(text)));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Every_hard_rule_is_checked_and_soft_rules_are_priced()
    {
        var p = NrpFormat.Read(new StringReader(Small));
        var r = new Roster(4, 14);
        r[0, 0] = "E"; // A's fixed day off
        r[1, 2] = "L";
        r[1, 3] = "E"; // E cannot follow L; also a run of 2 is fine
        for (var d = 4; d < 10; d++)
            r[2, d] = "E"; // six in a row: over 5
        r[3, 5] = "E";
        r[3, 12] = "E"; // two weekends: D may work 2; one-day runs inside the horizon
        var v = RosterRules.Violations(p, r);
        Assert.Contains(v, m => m.Contains("fixed day off", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("cannot follow L", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("6 days in a row", StringComparison.Ordinal));
        Assert.Contains(v, m => m.StartsWith("D works only 1 day(s) in a row", StringComparison.Ordinal));
        Assert.Contains(v, m => m.Contains("minutes; at least 3360", StringComparison.Ordinal));
        Assert.DoesNotContain(v, m => m.StartsWith("D works 2 weekends", StringComparison.Ordinal));

        var cost = RosterRules.Cost(p, r);
        Assert.Equal(2, cost.Requests); // C did not get L on day 2
        // Day 0: E has A (over 0), L nobody (under 1); day 1: E needs 2, nobody (under 2); L nobody (under 1).
        Assert.Equal(400, cost.UnderCover);
        Assert.Equal(0, cost.OverCover);
    }
}
