using Agency.Domain.Common;

namespace Agency.Domain.Calendars;

/// <summary>
/// A day the brand's service calendar treats as a holiday (in the brand's time zone): SLA clocks
/// count it as closed and forecasts treat it as a known event.
/// </summary>
public class BrandHoliday : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }

    public static bool IsValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 120;
}
