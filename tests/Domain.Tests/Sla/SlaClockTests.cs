using Agency.Domain.Sla;

namespace Agency.Domain.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static BusinessCalendar Weekdays(TimeZoneInfo zone, IEnumerable<DateOnly>? holidays = null, params OpeningInterval[] intervals)
    {
        var day = intervals.Length == 0 ? [OpeningInterval.Parse("09:00", "17:00")] : intervals;
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var d in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            hours[d] = day;
        return BusinessCalendar.Create(zone, hours, holidays);
    }

    private static BusinessCalendar EveryDay(TimeZoneInfo zone, params OpeningInterval[] intervals) =>
        BusinessCalendar.Create(zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)intervals));

    private static DateTime L(TimeZoneInfo zone, int y, int m, int d, int h, int min = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, min, 0, DateTimeKind.Unspecified), zone);

    [Fact]
    public void A_Friday_afternoon_post_is_due_on_Monday_morning()
    {
        var cal = Weekdays(London);
        Assert.Equal(L(London, 2026, 11, 23, 9, 30), cal.AddBusinessTime(L(London, 2026, 11, 20, 16, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_post_on_Saturday_starts_counting_on_Monday()
    {
        var cal = Weekdays(London);
        Assert.Equal(L(London, 2026, 11, 23, 10, 0), cal.AddBusinessTime(L(London, 2026, 11, 21, 12, 0), TimeSpan.FromHours(1)));
        Assert.False(cal.IsOpenAt(L(London, 2026, 11, 21, 12, 0)));
        Assert.True(cal.IsOpenAt(L(London, 2026, 11, 23, 9, 0)));
    }

    [Fact]
    public void Several_intervals_a_day_skip_the_break()
    {
        var cal = Weekdays(London, null, OpeningInterval.Parse("09:00", "12:00"), OpeningInterval.Parse("13:00", "17:00"));
        Assert.Equal(L(London, 2026, 11, 24, 13, 30), cal.AddBusinessTime(L(London, 2026, 11, 24, 11, 30), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(7), cal.BusinessTimeBetween(L(London, 2026, 11, 24, 0), L(London, 2026, 11, 25, 0)));
    }

    [Fact]
    public void Holidays_are_closed()
    {
        var cal = Weekdays(London, [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);
        Assert.Equal(L(London, 2026, 12, 29, 9, 30), cal.AddBusinessTime(L(London, 2026, 12, 24, 16, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Night_shifts_run_across_midnight()
    {
        var cal = EveryDay(London, OpeningInterval.Parse("00:00", "06:00"), OpeningInterval.Parse("22:00", "24:00"));
        Assert.Equal(L(London, 2026, 11, 25, 0, 30), cal.AddBusinessTime(L(London, 2026, 11, 24, 23, 30), TimeSpan.FromHours(1)));
        Assert.Equal(L(London, 2026, 11, 24, 22, 30), cal.AddBusinessTime(L(London, 2026, 11, 24, 12, 0), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void The_day_clocks_go_forward_has_23_hours_and_the_day_they_go_back_25()
    {
        var cal = EveryDay(London, OpeningInterval.Parse("00:00", "24:00"));
        Assert.Equal(TimeSpan.FromHours(23), cal.BusinessTimeBetween(L(London, 2026, 3, 29, 0), L(London, 2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(25), cal.BusinessTimeBetween(L(London, 2026, 10, 25, 0), L(London, 2026, 10, 26, 0)));
    }

    [Fact]
    public void Office_hours_on_a_clock_change_day_are_still_eight_hours()
    {
        var cal = EveryDay(NewYork, OpeningInterval.Parse("09:00", "17:00"));
        Assert.Equal(TimeSpan.FromHours(8), cal.BusinessTimeBetween(L(NewYork, 2026, 3, 8, 0), L(NewYork, 2026, 3, 9, 0)));
        Assert.Equal(TimeSpan.FromHours(8), cal.BusinessTimeBetween(L(NewYork, 2026, 11, 1, 0), L(NewYork, 2026, 11, 2, 0)));
        // 16:00 + 2 h on the Saturday before the change ends at 10:00 on the Sunday, new time.
        Assert.Equal(L(NewYork, 2026, 3, 8, 10), cal.AddBusinessTime(L(NewYork, 2026, 3, 7, 16), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void An_interval_starting_in_the_skipped_hour_opens_at_the_change()
    {
        var cal = EveryDay(London, OpeningInterval.Parse("01:30", "03:00"));
        // On 29 March 2026, 01:00-02:00 does not exist in London: the interval is 02:00-03:00 BST, one hour.
        Assert.Equal(TimeSpan.FromHours(1), cal.BusinessTimeBetween(L(London, 2026, 3, 29, 0), L(London, 2026, 3, 29, 12)));
    }

    [Fact]
    public void Round_the_clock_is_plain_time()
    {
        var cal = BusinessCalendar.AlwaysOpen(London);
        var start = L(London, 2026, 3, 28, 22);
        Assert.Equal(start.AddHours(5), cal.AddBusinessTime(start, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void Impossible_calendars_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Weekdays(London, null, OpeningInterval.Parse("10:00", "09:00")));
        Assert.Throws<ArgumentException>(() =>
            Weekdays(London, null, OpeningInterval.Parse("09:00", "12:00"), OpeningInterval.Parse("11:00", "14:00"))
        );
        Assert.Throws<ArgumentException>(() =>
            BusinessCalendar.Create(London, new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>())
        );
    }
}

public class SlaClockTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly BusinessCalendar Office = BusinessCalendar.Create(
        London,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.ToDictionary(
            d => d,
            _ => (IReadOnlyList<OpeningInterval>)[OpeningInterval.Parse("09:00", "17:00")]
        )
    );

    private static DateTime L(int d, int h, int min = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, d, h, min, 0, DateTimeKind.Unspecified), London);

    [Fact]
    public void Waiting_on_the_customer_stops_the_clock()
    {
        var start = L(23, 9);
        var pauses = new[] { new Pause(L(23, 9, 30), L(23, 10, 30)) };
        Assert.Equal(L(23, 12), SlaClock.DueAt(Office, start, TimeSpan.FromHours(2), L(23, 11), pauses));
        Assert.Equal(TimeSpan.FromMinutes(30), SlaClock.Elapsed(Office, start, L(23, 10), pauses));
        Assert.Equal(TimeSpan.FromMinutes(60), SlaClock.Elapsed(Office, start, L(23, 11), pauses));
    }

    [Fact]
    public void An_open_pause_keeps_pushing_the_due_time()
    {
        var start = L(23, 9);
        var pauses = new[] { new Pause(L(23, 10), null) };
        Assert.Equal(L(23, 12), SlaClock.DueAt(Office, start, TimeSpan.FromHours(2), L(23, 11), pauses));
        Assert.Equal(L(23, 13), SlaClock.DueAt(Office, start, TimeSpan.FromHours(2), L(23, 12), pauses));
    }

    [Fact]
    public void Pauses_after_the_target_do_not_move_it()
    {
        var start = L(23, 9);
        var pauses = new[] { new Pause(L(23, 14), L(23, 15)) };
        Assert.Equal(L(23, 11), SlaClock.DueAt(Office, start, TimeSpan.FromHours(2), L(23, 16), pauses));
    }

    [Fact]
    public void Share_used_drives_warnings_and_counts_only_open_time()
    {
        var start = L(27, 16); // Friday 16:00, 1 h target
        Assert.Equal(0.5, SlaClock.ShareUsed(Office, start, TimeSpan.FromHours(1), L(27, 16, 30)), 3);
        Assert.Equal(1.0, SlaClock.ShareUsed(Office, start, TimeSpan.FromHours(1), L(30, 9)), 3); // the weekend does not count
        Assert.Equal(1.5, SlaClock.ShareUsed(Office, start, TimeSpan.FromHours(1), L(30, 9, 30)), 3);
    }
}
