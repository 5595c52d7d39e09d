using Agency.Domain.Common;

namespace Agency.Domain.Calendars;

public enum MarketingEventKind
{
    Campaign = 1,
    Launch = 2,
    Recall = 3,
    Outage = 4,
    Other = 5,
}

/// <summary>
/// Something on the brand's marketing calendar that moves service volume: a campaign, a launch, a
/// product recall, an outage. Local days of the brand, first and last inclusive. The expected
/// uplift scales the forecast (1.5 = half as much again); without one, it is learned from past
/// events of the same kind in the history.
/// </summary>
public class MarketingEvent : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public MarketingEventKind Kind { get; set; } = MarketingEventKind.Campaign;
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public double? ExpectedUplift { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    public static Dictionary<string, string> Validate(string? name, DateOnly? first, DateOnly? last, double? uplift)
    {
        var p = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 120)
            p[nameof(Name)] = "Name the event (at most 120 characters).";
        if (first is null)
            p[nameof(FirstDay)] = "Choose the first day.";
        if (last is null)
            p[nameof(LastDay)] = "Choose the last day.";
        else if (first is { } f && last < f)
            p[nameof(LastDay)] = "The last day cannot be before the first.";
        else if (first is { } f2 && last.Value.DayNumber - f2.DayNumber > 90)
            p[nameof(LastDay)] = "An event lasts at most 91 days.";
        if (uplift is { } u && (u < 0.1 || u > 20))
            p[nameof(ExpectedUplift)] = "Between 0.1x and 20x the usual volume (1.5 = half as much again).";
        return p;
    }
}
