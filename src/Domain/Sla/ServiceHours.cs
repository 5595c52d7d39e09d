using Agency.Domain.Common;

namespace Agency.Domain.Sla;

/// <summary>One interval of a weekday in which the brand's service counts as open (local time of the brand).</summary>
public class ServiceHours : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeSpan Start { get; set; }
    public TimeSpan End { get; set; }

    /// <summary>The brand's calendar: its hours and holidays, or round the clock when it has none.</summary>
    public static BusinessCalendar CalendarOf(TimeZoneInfo zone, IReadOnlyCollection<ServiceHours> hours, IEnumerable<DateOnly> holidays) =>
        hours.Count == 0
            ? BusinessCalendar.AlwaysOpen(zone)
            : BusinessCalendar.Create(
                zone,
                hours
                    .GroupBy(h => h.Day)
                    .ToDictionary(
                        g => g.Key,
                        g => (IReadOnlyList<OpeningInterval>)g.Select(h => new OpeningInterval(h.Start, h.End)).ToList()
                    ),
                holidays
            );
}
