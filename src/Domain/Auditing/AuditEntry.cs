using Agency.Domain.Common;

namespace Agency.Domain.Auditing;

/// <summary>One administrative change: who did what to which record, when, with the values before and after.</summary>
public class AuditEntry : IAgencyOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>JSON object of the changed properties' old values (null for a creation).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' new values (null for a deletion).</summary>
    public string? After { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,

    // What people and jobs do to conversations.
    Assigned = 4,
    Forwarded = 5,
    Replied = 6,
    StatusChanged = 7,
    Escalated = 8,
    SentBack = 9,
    NoteAdded = 10,

    // Schedules.
    Published = 11,
}
