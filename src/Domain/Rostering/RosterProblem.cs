namespace Agency.Domain.Rostering;

/// <summary>A kind of shift: how long it is, and which shifts may not come the next day (too little rest).</summary>
public sealed record ShiftType(string Id, int Minutes, IReadOnlySet<string> CannotBeFollowedBy);

/// <summary>
/// A person's contract over the horizon: at most so many shifts of each type, total minutes within a
/// range, runs of working days and of days off within limits, and at most so many weekends worked.
/// </summary>
public sealed record StaffContract(
    string Id,
    IReadOnlyDictionary<string, int> MaxShifts,
    int MaxTotalMinutes,
    int MinTotalMinutes,
    int MaxConsecutiveShifts,
    int MinConsecutiveShifts,
    int MinConsecutiveDaysOff,
    int MaxWeekends
);

/// <summary>A wish to work (on) or not to work (off) a shift on a day; breaking it costs its weight.</summary>
public sealed record ShiftRequest(string StaffId, int Day, string ShiftId, int Weight);

/// <summary>How many people a shift of a day needs; each one short or over costs its weight.</summary>
public sealed record CoverRequirement(int Day, string ShiftId, int Requirement, int UnderWeight, int OverWeight);

/// <summary>
/// A shift-rostering problem in the terms of the public benchmark of Curtois and Qu: a horizon of
/// whole days starting on a Monday, shift types, staff with contracts and fixed days off, soft
/// shift requests and soft cover. Hard rules are never broken; the cost of the soft ones is minimised.
/// </summary>
public sealed class RosterProblem
{
    public required int Horizon { get; init; }
    public required IReadOnlyList<ShiftType> Shifts { get; init; }
    public required IReadOnlyList<StaffContract> Staff { get; init; }
    public IReadOnlyDictionary<string, IReadOnlySet<int>> DaysOff { get; init; } = new Dictionary<string, IReadOnlySet<int>>();
    public IReadOnlyList<ShiftRequest> OnRequests { get; init; } = [];
    public IReadOnlyList<ShiftRequest> OffRequests { get; init; } = [];
    public IReadOnlyList<CoverRequirement> Cover { get; init; } = [];

    public int Weeks => (Horizon + 6) / 7;

    public static bool IsWeekendDay(int day) => day % 7 is 5 or 6;

    /// <summary>Problems in the data itself (unknown ids, days outside the horizon); empty when it can be solved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var shifts = Shifts.Select(s => s.Id).ToHashSet();
        var staff = Staff.Select(s => s.Id).ToHashSet();
        if (Horizon is < 1 or > 366)
            problems.Add("The horizon must be 1 to 366 days.");
        if (shifts.Count != Shifts.Count)
            problems.Add("Shift ids must be unique.");
        if (staff.Count != Staff.Count)
            problems.Add("Staff ids must be unique.");
        foreach (var s in Shifts.Where(s => s.Minutes <= 0))
            problems.Add($"Shift {s.Id} has no length.");
        foreach (var s in Shifts)
        foreach (var f in s.CannotBeFollowedBy.Where(f => !shifts.Contains(f)))
            problems.Add($"Shift {s.Id} names an unknown shift {f}.");
        foreach (var c in Staff)
        foreach (var t in c.MaxShifts.Keys.Where(t => !shifts.Contains(t)))
            problems.Add($"{c.Id} has a limit for an unknown shift {t}.");
        foreach (var (who, days) in DaysOff)
        {
            if (!staff.Contains(who))
                problems.Add($"Days off for unknown staff {who}.");
            if (days.Any(d => d < 0 || d >= Horizon))
                problems.Add($"A day off of {who} is outside the horizon.");
        }
        foreach (
            var r in OnRequests
                .Concat(OffRequests)
                .Where(r => !staff.Contains(r.StaffId) || !shifts.Contains(r.ShiftId) || r.Day < 0 || r.Day >= Horizon)
        )
            problems.Add($"Request {r.StaffId},{r.Day},{r.ShiftId} names an unknown person, shift or day.");
        foreach (var c in Cover.Where(c => !shifts.Contains(c.ShiftId) || c.Day < 0 || c.Day >= Horizon))
            problems.Add($"Cover {c.Day},{c.ShiftId} names an unknown shift or day.");
        return problems;
    }
}

/// <summary>A roster: for each person (in problem order) and day, the shift worked or null for a day off.</summary>
public sealed class Roster(int staff, int days)
{
    private readonly string?[,] _cells = new string?[staff, days];

    public int StaffCount => _cells.GetLength(0);
    public int Days => _cells.GetLength(1);

    public string? this[int person, int day]
    {
        get => _cells[person, day];
        set => _cells[person, day] = value;
    }

    public bool Works(int person, int day) => _cells[person, day] is not null;
}
