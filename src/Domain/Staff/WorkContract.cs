using Agency.Domain.Common;

namespace Agency.Domain.Staff;

/// <summary>
/// A daily window of local time a person prefers to work in. A window that ends at or before its start runs past midnight
/// (22:00–06:00 is a night).
/// </summary>
public readonly record struct PreferredHours(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;

    /// <summary>How much of a shift, in local times, falls inside the window.</summary>
    public TimeSpan Inside(DateTime localStart, DateTime localEnd)
    {
        var inside = TimeSpan.Zero;
        for (var day = localStart.Date.AddDays(-1); day < localEnd; day = day.AddDays(1))
        {
            // The window that opens on this day (ending the next day when it runs past midnight).
            var open = day + From.ToTimeSpan();
            var close = From < To ? day + To.ToTimeSpan() : day.AddDays(1) + To.ToTimeSpan();
            var overlap = (close < localEnd ? close : localEnd) - (open > localStart ? open : localStart);
            if (overlap > TimeSpan.Zero)
                inside += overlap;
        }
        return inside;
    }

    /// <summary>
    /// The window on a grid of <paramref name="intervalMinutes"/> per day: the intervals that start inside it, [From, To); null
    /// when no interval does.
    /// </summary>
    public (int From, int To)? OnGrid(int intervalMinutes)
    {
        int Index(TimeOnly t) => (int)Math.Ceiling(t.ToTimeSpan().TotalMinutes / intervalMinutes) % (24 * 60 / intervalMinutes);
        var (from, to) = (Index(From), Index(To));
        return from == to ? null : (from, to);
    }

    /// <summary>The window's problem, by field, or null when the pair is valid (both empty is valid: any time).</summary>
    public static (string Field, string Message)? Validate(TimeOnly? from, TimeOnly? to) =>
        (from, to) switch
        {
            (null, null) => null,
            (null, _) => ("PreferredFrom", "Enter both times, or leave both empty for any time."),
            (_, null) => ("PreferredTo", "Enter both times, or leave both empty for any time."),
            var (f, t) when f == t => ("PreferredTo", "The window ends when it starts; leave both empty for any time."),
            var (f, t) when (t!.Value - f!.Value) < TimeSpan.FromHours(1) => ("PreferredTo", "Give a window of at least an hour."),
            _ => null,
        };

    public override string ToString() => $"{From:HH\\:mm}–{To:HH\\:mm}";
}

/// <summary>The labour rules of one person's work: hours a week, shift lengths, rest, runs of days and weekends.</summary>
public class WorkContract : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid StaffMemberId { get; set; }
    public double MinHoursPerWeek { get; set; }
    public double MaxHoursPerWeek { get; set; } = 40;
    public double MinShiftHours { get; set; } = 4;
    public double MaxShiftHours { get; set; } = 10;
    public int MaxConsecutiveDays { get; set; } = 6;
    public double MinRestHours { get; set; } = 11;

    /// <summary>Weekends (Saturday or Sunday worked) at most in any four consecutive weeks.</summary>
    public int MaxWeekendsPer4Weeks { get; set; } = 2;

    /// <summary>
    /// The hours of the day the person would rather work, in the agency's local time (both set, or neither): a wish, not a rule.
    /// Rosters keep shifts inside them wherever coverage allows; the person sets them, and schedulers can too.
    /// </summary>
    public TimeOnly? PreferredFrom { get; set; }
    public TimeOnly? PreferredTo { get; set; }

    public PreferredHours? Preferred =>
        PreferredFrom is { } from && PreferredTo is { } to && from != to ? new PreferredHours(from, to) : null;

    /// <summary>What applies to someone without a contract of their own.</summary>
    public static WorkContract Default(Guid staffId) => new() { StaffMemberId = staffId };

    public Dictionary<string, string> Validate()
    {
        var p = new Dictionary<string, string>();
        if (MaxHoursPerWeek is <= 0 or > 72)
            p[nameof(MaxHoursPerWeek)] = "At most 72 hours a week.";
        if (MinHoursPerWeek < 0 || MinHoursPerWeek > MaxHoursPerWeek)
            p[nameof(MinHoursPerWeek)] = "Between 0 and the weekly maximum.";
        if (MinShiftHours is < 1 or > 16 || MinShiftHours > MaxShiftHours)
            p[nameof(MinShiftHours)] = "Between 1 hour and the longest shift.";
        if (MaxShiftHours is < 1 or > 16)
            p[nameof(MaxShiftHours)] = "Shifts last at most 16 hours.";
        if (MaxConsecutiveDays is < 1 or > 13)
            p[nameof(MaxConsecutiveDays)] = "Between 1 and 13 days in a row.";
        if (MinRestHours is < 0 or > 24)
            p[nameof(MinRestHours)] = "Between 0 and 24 hours.";
        if (MaxWeekendsPer4Weeks is < 0 or > 4)
            p[nameof(MaxWeekendsPer4Weeks)] = "Between 0 and 4.";
        if (PreferredHours.Validate(PreferredFrom, PreferredTo) is { } preferred)
            p[preferred.Field] = preferred.Message;
        return p;
    }
}

public enum TimeOffStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>Time off asked for by a member of staff and decided by a scheduler; approved time off is never rostered.</summary>
public class TimeOff : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid StaffMemberId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Reason { get; set; }
    public TimeOffStatus Status { get; set; } = TimeOffStatus.Requested;
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && start < EndsAt;
}

/// <summary>
/// Checks a shift against a person's contract, their other shifts and their approved time off, in the
/// agency's time zone (days, weeks from Monday, weekends). Each broken rule is explained.
/// </summary>
public static class LabourRules
{
    public static IReadOnlyList<string> Check(
        WorkContract c,
        DateTime startUtc,
        DateTime endUtc,
        IReadOnlyCollection<(DateTime Start, DateTime End)> otherShifts,
        IReadOnlyCollection<TimeOff> timeOff,
        TimeZoneInfo zone
    )
    {
        var problems = new List<string>();
        var hours = (endUtc - startUtc).TotalHours;
        if (endUtc <= startUtc)
            return ["A shift must end after it starts."];
        if (hours < c.MinShiftHours - 1e-9)
            problems.Add($"The shift lasts {hours:0.#} h; the contract's shortest shift is {c.MinShiftHours:0.#} h.");
        if (hours > c.MaxShiftHours + 1e-9)
            problems.Add($"The shift lasts {hours:0.#} h; the contract's longest shift is {c.MaxShiftHours:0.#} h.");
        if (otherShifts.Any(s => s.Start < endUtc && startUtc < s.End))
            problems.Add("It overlaps another shift of this person.");
        var rest = TimeSpan.FromHours(c.MinRestHours);
        if (
            otherShifts
                .Where(s => s.End <= startUtc)
                .Select(s => startUtc - s.End)
                .Where(g => g < rest)
                .DefaultIfEmpty(TimeSpan.MaxValue)
                .Min()
                is var before
            && before != TimeSpan.MaxValue
        )
            problems.Add($"Only {before.TotalHours:0.#} h of rest after the previous shift; the contract needs {c.MinRestHours:0.#} h.");
        if (
            otherShifts
                .Where(s => s.Start >= endUtc)
                .Select(s => s.Start - endUtc)
                .Where(g => g < rest)
                .DefaultIfEmpty(TimeSpan.MaxValue)
                .Min()
                is var after
            && after != TimeSpan.MaxValue
        )
            problems.Add($"Only {after.TotalHours:0.#} h of rest before the next shift; the contract needs {c.MinRestHours:0.#} h.");
        if (timeOff.FirstOrDefault(t => t.Status == TimeOffStatus.Approved && t.Overlaps(startUtc, endUtc)) is { } off)
            problems.Add($"It falls in approved time off ({Local(off.StartsAt, zone):d MMM HH:mm}-{Local(off.EndsAt, zone):d MMM HH:mm}).");

        var all = otherShifts.Append((startUtc, endUtc)).ToList();
        var weekStart = WeekStart(Local(startUtc, zone));
        var weekHours = all.Where(s => WeekStart(Local(s.Item1, zone)) == weekStart).Sum(s => (s.Item2 - s.Item1).TotalHours);
        if (weekHours > c.MaxHoursPerWeek + 1e-9)
            problems.Add($"The week from {weekStart:d MMM} would have {weekHours:0.#} h; the contract allows {c.MaxHoursPerWeek:0.#} h.");

        var days = all.Select(s => DateOnly.FromDateTime(Local(s.Item1, zone))).ToHashSet();
        var day = DateOnly.FromDateTime(Local(startUtc, zone));
        int run = 1,
            k = 1;
        while (days.Contains(day.AddDays(-k)))
        {
            run++;
            k++;
        }
        k = 1;
        while (days.Contains(day.AddDays(k)))
        {
            run++;
            k++;
        }
        if (run > c.MaxConsecutiveDays)
            problems.Add($"It makes {run} working days in a row; the contract allows {c.MaxConsecutiveDays}.");

        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            var thisWeekend = WeekStart(day.ToDateTime(TimeOnly.MinValue));
            for (var offset = -3; offset <= 0; offset++)
            {
                var from = thisWeekend.AddDays(7 * offset);
                var weekends = days.Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    .Select(d => WeekStart(d.ToDateTime(TimeOnly.MinValue)))
                    .Where(w => w >= from && w < from.AddDays(28))
                    .Distinct()
                    .Count();
                if (weekends > c.MaxWeekendsPer4Weeks)
                {
                    problems.Add(
                        $"It makes {weekends} weekends worked in the four weeks from {from:d MMM}; the contract allows {c.MaxWeekendsPer4Weeks}."
                    );
                    break;
                }
            }
        }
        return problems;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static DateTime WeekStart(DateTime local) => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
}
