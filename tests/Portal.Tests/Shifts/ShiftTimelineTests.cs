using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Portal.Features.Shifts;
using Bunit;

namespace Agency.Portal.Tests.Shifts;

public sealed class ShiftTimelineTests : BunitContext
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Each_shift_is_a_bar_at_its_time_and_a_night_shift_continues_on_the_next_day()
    {
        var ana = new StaffMember { Name = "Ana", Email = "a@x" };
        var bob = new StaffMember { Name = "Bob", Email = "b@x" };
        var monday = new DateOnly(2026, 11, 23);
        Shift[] shifts =
        [
            new()
            {
                StaffMemberId = ana.Id,
                StartsAt = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
            },
            new()
            {
                StaffMemberId = bob.Id,
                StartsAt = new DateTime(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc),
            },
        ];
        var deleted = new List<Guid>();
        var cut = Render<ShiftTimeline>(p =>
            p.Add(x => x.People, [ana, bob])
                .Add(x => x.Shifts, shifts)
                .Add(x => x.Zone, London)
                .Add(x => x.From, monday)
                .Add(x => x.Now, new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc))
                .Add(x => x.OnDelete, id => deleted.Add(id))
        );

        var anaBar = cut.Find("[aria-label='Shifts of Ana'] .timeline-bar");
        Assert.Equal("left:25%;width:25%", anaBar.GetAttribute("style")); // 06:00-12:00 in November (GMT)
        Assert.Contains("now", anaBar.ClassList);
        var bobBars = cut.FindAll("[aria-label='Shifts of Bob'] .timeline-bar");
        Assert.Equal(2, bobBars.Count); // Tuesday 22:00-24:00 and Wednesday 00:00-06:00
        Assert.Equal("left:91.67%;width:8.33%", bobBars[0].GetAttribute("style"));
        Assert.Equal("left:0%;width:25%", bobBars[1].GetAttribute("style"));
        // As much of the hours as fits: six hours (a quarter of the narrowest day) carry their start; a narrow bar and a night
        // shift's second day carry nothing, but say their times on hover.
        Assert.Equal("6", anaBar.QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("", bobBars[0].QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("", bobBars[1].QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("Bob: Tue 22:00–06:00", bobBars[0].GetAttribute("title"));

        cut.Find("[aria-label='Delete shift of Bob on 24 Nov 22:00']").Click();
        Assert.Equal([shifts[1].Id], deleted);
    }

    [Fact]
    public void A_bar_s_label_shows_as_much_of_its_hours_as_fits_with_minutes_only_off_the_hour()
    {
        var ana = new StaffMember { Name = "Ana", Email = "a@x" };
        var monday = new DateOnly(2026, 11, 23);
        var shift = new Shift
        {
            StaffMemberId = ana.Id,
            StartsAt = new DateTime(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 11, 23, 15, 30, 0, DateTimeKind.Utc),
        };
        var cut = Render<ShiftTimeline>(p =>
            p.Add(x => x.People, [ana]).Add(x => x.Shifts, [shift]).Add(x => x.Zone, London).Add(x => x.From, monday)
        );
        Assert.Equal("7:30", cut.Find(".timeline-label").TextContent); // eight hours: the start fits, not both ends
        Assert.Equal("7:30–15:30", cut.Instance.Label(shift, monday, 100));
        Assert.Equal("", cut.Instance.Label(shift, monday, 8));
        Assert.Equal("", cut.Instance.Label(shift, monday.AddDays(1), 100));
        var whole = new Shift
        {
            StaffMemberId = ana.Id,
            StartsAt = new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc),
        };
        Assert.Equal("7–15", cut.Instance.Label(whole, monday, 100.0 / 3));
    }
}
