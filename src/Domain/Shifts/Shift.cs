using Agency.Domain.Common;

namespace Agency.Domain.Shifts;

public enum ShiftSource
{
    Manual = 1,
    Roster = 2,
}

/// <summary>A span of work of one member of staff. Routing assigns only to people whose shift covers now.</summary>
public class Shift : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid StaffMemberId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public ShiftSource Source { get; set; } = ShiftSource.Manual;
    public bool IsPublished { get; set; } = true;
    public string? Note { get; set; }

    /// <summary>The roster run that made this shift; unpublished shifts are that run's draft.</summary>
    public Guid? RosterRunId { get; set; }

    public bool Covers(DateTime utc) => IsPublished && StartsAt <= utc && utc < EndsAt;

    public static string? Validate(DateTime startsAt, DateTime endsAt)
    {
        if (endsAt <= startsAt)
            return "A shift must end after it starts.";
        if (endsAt - startsAt > TimeSpan.FromHours(16))
            return "A shift can last at most 16 hours.";
        return null;
    }
}
