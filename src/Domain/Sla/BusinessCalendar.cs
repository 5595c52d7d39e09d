namespace Agency.Domain.Sla;

/// <summary>One opening interval of a day, as offsets from local midnight (End may be 24:00).</summary>
public readonly record struct OpeningInterval(TimeSpan Start, TimeSpan End)
{
    public static OpeningInterval Parse(string start, string end) =>
        new(
            TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end == "24:00" ? TimeSpan.FromHours(24) : TimeSpan.Parse(end, System.Globalization.CultureInfo.InvariantCulture)
        );

    public bool IsValid => Start >= TimeSpan.Zero && End <= TimeSpan.FromHours(24) && Start < End;
}

/// <summary>
/// When a brand's service counts as open: several intervals a day per weekday, holidays closed, in
/// the brand's time zone (or round the clock). Durations are counted in real elapsed time, so a day
/// on which clocks go forward has an hour less and one on which they go back an hour more.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3700;
    private readonly IReadOnlyDictionary<DayOfWeek, OpeningInterval[]> _hours;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessCalendar(
        TimeZoneInfo zone,
        IReadOnlyDictionary<DayOfWeek, OpeningInterval[]> hours,
        IEnumerable<DateOnly> holidays,
        bool always
    )
    {
        Zone = zone;
        _hours = hours;
        _holidays = [.. holidays];
        IsAlwaysOpen = always;
    }

    public TimeZoneInfo Zone { get; }
    public bool IsAlwaysOpen { get; }

    public static BusinessCalendar AlwaysOpen(TimeZoneInfo zone) =>
        new(zone, new Dictionary<DayOfWeek, OpeningInterval[]>(), [], always: true);

    public static BusinessCalendar Create(
        TimeZoneInfo zone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> hours,
        IEnumerable<DateOnly>? holidays = null
    )
    {
        var normalized = new Dictionary<DayOfWeek, OpeningInterval[]>();
        foreach (var (day, intervals) in hours)
        {
            if (intervals.Any(i => !i.IsValid))
                throw new ArgumentException(
                    $"An opening interval on {day} is not within 00:00-24:00 or ends before it starts.",
                    nameof(hours)
                );
            var sorted = intervals.OrderBy(i => i.Start).ToArray();
            for (var k = 1; k < sorted.Length; k++)
                if (sorted[k].Start < sorted[k - 1].End)
                    throw new ArgumentException($"Opening intervals on {day} overlap.", nameof(hours));
            normalized[day] = sorted;
        }
        if (normalized.Values.All(v => v.Length == 0))
            throw new ArgumentException("The calendar is never open; use AlwaysOpen for 24/7 service.", nameof(hours));
        return new BusinessCalendar(zone, normalized, holidays ?? [], always: false);
    }

    /// <summary>The instant when <paramref name="duration"/> of open time has passed after <paramref name="startUtc"/>.</summary>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration)
    {
        startUtc = Utc(startUtc);
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), "Durations are not negative.");
        if (IsAlwaysOpen)
            return startUtc + duration;
        var remaining = duration;
        foreach (var (s, e) in OpenIntervalsFrom(startUtc))
        {
            var from = s < startUtc ? startUtc : s;
            if (e <= from)
                continue;
            var available = e - from;
            if (remaining <= available)
                return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("The calendar has no open time in the next ten years.");
    }

    /// <summary>Open time between two instants (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = Utc(fromUtc);
        toUtc = Utc(toUtc);
        if (toUtc <= fromUtc)
            return TimeSpan.Zero;
        if (IsAlwaysOpen)
            return toUtc - fromUtc;
        var total = TimeSpan.Zero;
        foreach (var (s, e) in OpenIntervalsFrom(fromUtc))
        {
            if (s >= toUtc)
                break;
            var a = s < fromUtc ? fromUtc : s;
            var b = e > toUtc ? toUtc : e;
            if (b > a)
                total += b - a;
        }
        return total;
    }

    public bool IsOpenAt(DateTime utc)
    {
        utc = Utc(utc);
        if (IsAlwaysOpen)
            return true;
        foreach (var (s, e) in OpenIntervalsFrom(utc))
        {
            if (s > utc)
                return false;
            if (utc < e)
                return true;
        }
        return false;
    }

    // Open intervals in UTC, in order, starting with the local day before the instant (an interval may reach past midnight in UTC).
    private IEnumerable<(DateTime Start, DateTime End)> OpenIntervalsFrom(DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone)).AddDays(-1);
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day) || !_hours.TryGetValue(day.DayOfWeek, out var intervals))
                continue;
            var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            foreach (var interval in intervals)
            {
                var s = ToUtc(midnight + interval.Start, earliest: true);
                var e = ToUtc(midnight + interval.End, earliest: false);
                if (e > s)
                    yield return (s, e);
            }
        }
    }

    // Local wall time to UTC. A time skipped by a clock change opens at the change; a time that
    // happens twice opens at its first occurrence and closes at its second.
    private DateTime ToUtc(DateTime local, bool earliest)
    {
        while (Zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var offset = earliest ? offsets.Max() : offsets.Min();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
}
