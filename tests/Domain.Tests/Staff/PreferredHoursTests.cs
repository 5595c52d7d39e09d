using Agency.Domain.Rostering;
using Agency.Domain.Staff;

namespace Agency.Domain.Tests.Staff;

public class PreferredHoursTests
{
    private static readonly PreferredHours Day = new(new TimeOnly(8, 0), new TimeOnly(16, 0));
    private static readonly PreferredHours Night = new(new TimeOnly(22, 0), new TimeOnly(6, 0));

    [Fact]
    public void A_window_holds_its_hours_and_a_night_window_runs_past_midnight()
    {
        Assert.True(Day.Contains(new TimeOnly(8, 0)));
        Assert.True(Day.Contains(new TimeOnly(15, 59)));
        Assert.False(Day.Contains(new TimeOnly(16, 0)));
        Assert.False(Day.Contains(new TimeOnly(7, 59)));
        Assert.True(Night.Contains(new TimeOnly(23, 0)));
        Assert.True(Night.Contains(new TimeOnly(3, 0)));
        Assert.False(Night.Contains(new TimeOnly(12, 0)));
        Assert.Equal("08:00–16:00", Day.ToString());
    }

    [Fact]
    public void The_part_of_a_shift_inside_the_window_is_measured_across_midnight()
    {
        var monday = new DateTime(2026, 11, 30);
        Assert.Equal(TimeSpan.FromHours(8), Day.Inside(monday.AddHours(8), monday.AddHours(16)));
        Assert.Equal(TimeSpan.FromHours(4), Day.Inside(monday.AddHours(12), monday.AddHours(20)));
        Assert.Equal(TimeSpan.Zero, Day.Inside(monday.AddHours(17), monday.AddHours(23)));
        // 20:00-04:00 against 22:00-06:00: 6 hours inside, on both sides of midnight.
        Assert.Equal(TimeSpan.FromHours(6), Night.Inside(monday.AddHours(20), monday.AddHours(28)));
        // 02:00-10:00 on Monday: the window that opened on Sunday night holds 02:00-06:00.
        Assert.Equal(TimeSpan.FromHours(4), Night.Inside(monday.AddHours(2), monday.AddHours(10)));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("08:00", null, "PreferredTo")]
    [InlineData(null, "16:00", "PreferredFrom")]
    [InlineData("08:00", "08:00", "PreferredTo")]
    [InlineData("08:00", "08:30", "PreferredTo")]
    [InlineData("23:30", "00:15", "PreferredTo")]
    [InlineData("22:00", "06:00", null)]
    [InlineData("08:00", "09:00", null)]
    public void Both_times_or_neither_and_a_window_of_at_least_an_hour(string? from, string? to, string? field)
    {
        TimeOnly? T(string? s) => s is null ? null : TimeOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(field, PreferredHours.Validate(T(from), T(to))?.Field);
        var contract = new WorkContract { PreferredFrom = T(from), PreferredTo = T(to) };
        Assert.Equal(field is not null, contract.Validate().ContainsKey(field ?? "none"));
    }

    [Fact]
    public void On_the_grid_a_window_holds_the_intervals_that_start_inside_it()
    {
        Assert.Equal((16, 32), Day.OnGrid(30));
        Assert.Equal((44, 12), Night.OnGrid(30));
        Assert.Equal((33, 65), new PreferredHours(new TimeOnly(8, 15), new TimeOnly(16, 15)).OnGrid(15));
        Assert.Equal((17, 33), new PreferredHours(new TimeOnly(8, 15), new TimeOnly(16, 15)).OnGrid(30)); // 08:30 is the first start inside
        var person = new PoolMember(Guid.NewGuid(), "Ana", [0], 8, 16, 0, 80, 5, 22, 2) { Preferred = (44, 12) };
        Assert.True(person.OutsidePreferred(20));
        Assert.False(person.OutsidePreferred(46));
        Assert.False(person.OutsidePreferred(3));
        Assert.True(person.OutsidePreferred(12));
        Assert.False(person with { Preferred = null } is { } any && any.OutsidePreferred(20));
    }
}
