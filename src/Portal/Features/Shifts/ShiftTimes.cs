namespace Agency.Portal.Features.Shifts;

/// <summary>A shift typed as a local day and HH:mm times (the end on the next day when earlier), turned into UTC in the agency's zone.</summary>
public static class ShiftTimes
{
    public static (DateTime? Start, DateTime? End, string? Error) Parse(DateTime? day, string? from, string? to, TimeZoneInfo zone)
    {
        if (
            day is not { } d
            || !TimeSpan.TryParseExact(from, @"hh\:mm", null, out var f)
            || !TimeSpan.TryParseExact(to, @"hh\:mm", null, out var t)
        )
            return (null, null, "Enter the day and times as HH:mm, e.g. 09:00 and 17:30.");
        var localStart = DateTime.SpecifyKind(d.Date + f, DateTimeKind.Unspecified);
        var localEnd = DateTime.SpecifyKind(d.Date + t + (t <= f ? TimeSpan.FromDays(1) : TimeSpan.Zero), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(localStart) || zone.IsInvalidTime(localEnd))
            return (null, null, "That time does not exist on this day (the clocks go forward).");
        return (TimeZoneInfo.ConvertTimeToUtc(localStart, zone), TimeZoneInfo.ConvertTimeToUtc(localEnd, zone), null);
    }

    /// <summary>A time of day typed as HH:mm; empty is none. False when the text is not a time.</summary>
    public static bool TryParseTime(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (
            !TimeOnly.TryParseExact(
                text.Trim(),
                ["HH:mm", "H:mm"],
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out var t
            )
        )
            return false;
        time = t;
        return true;
    }
}
