using Agency.Domain.Staff;

namespace Agency.Domain.Tests.Staffing;

public class LabourRulesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly WorkContract Contract = new()
    {
        MaxHoursPerWeek = 40,
        MinShiftHours = 4,
        MaxShiftHours = 10,
        MaxConsecutiveDays = 5,
        MinRestHours = 11,
        MaxWeekendsPer4Weeks = 2,
    };

    private static DateTime At(int day, int hour) => new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc).AddDays(day).AddHours(hour); // day 0 is a Monday

    private static IReadOnlyList<string> Check(DateTime start, DateTime end, params (DateTime, DateTime)[] others) =>
        LabourRules.Check(Contract, start, end, others, [], London);

    [Fact]
    public void A_shift_within_every_rule_passes() => Assert.Empty(Check(At(0, 9), At(0, 17), (At(1, 9), At(1, 17))));

    [Theory]
    [InlineData(9, 12, "shortest shift is 4 h")]
    [InlineData(8, 20, "longest shift is 10 h")]
    public void Shift_length_is_checked(int from, int to, string reason) =>
        Assert.Contains(Check(At(0, from), At(0, to)), m => m.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void Rest_overlap_weekly_hours_and_days_in_a_row_are_checked()
    {
        Assert.Contains(Check(At(1, 6), At(1, 14), (At(0, 14), At(0, 22))), m =>
            m.Contains("Only 8 h of rest after the previous shift", StringComparison.Ordinal)
        );
        Assert.Contains(Check(At(0, 14), At(0, 22), (At(1, 6), At(1, 14))), m =>
            m.Contains("rest before the next shift", StringComparison.Ordinal)
        );
        Assert.Contains(Check(At(0, 9), At(0, 17), (At(0, 12), At(0, 20))), m => m.Contains("overlaps", StringComparison.Ordinal));
        var four = Enumerable.Range(0, 4).Select(d => (At(d, 8), At(d, 18))).ToArray();
        Assert.Contains(Check(At(4, 8), At(4, 12), four), m => m.Contains("44 h; the contract allows 40 h", StringComparison.Ordinal));
        var five = Enumerable.Range(0, 5).Select(d => (At(d, 9), At(d, 15))).ToArray();
        Assert.Contains(Check(At(5, 9), At(5, 15), five), m => m.Contains("6 working days in a row", StringComparison.Ordinal));
    }

    [Fact]
    public void Weekends_in_four_weeks_and_approved_time_off_are_checked()
    {
        (DateTime, DateTime)[] twoWeekends = [(At(5, 9), At(5, 17)), (At(13, 9), At(13, 17))];
        Assert.Contains(Check(At(20, 9), At(20, 17), twoWeekends), m => m.Contains("3 weekends worked", StringComparison.Ordinal));
        var off = new TimeOff
        {
            StartsAt = At(2, 0),
            EndsAt = At(4, 0),
            Status = TimeOffStatus.Approved,
        };
        Assert.Contains(LabourRules.Check(Contract, At(3, 9), At(3, 17), [], [off], London), m =>
            m.Contains("approved time off", StringComparison.Ordinal)
        );
        var asked = new TimeOff
        {
            StartsAt = At(2, 0),
            EndsAt = At(4, 0),
            Status = TimeOffStatus.Requested,
        };
        Assert.Empty(LabourRules.Check(Contract, At(3, 9), At(3, 17), [], [asked], London));
    }
}
