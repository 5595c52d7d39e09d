using Agency.Domain.Common;

namespace Agency.Domain.Staff;

/// <summary>A group of staff that works the queues of some brands together, under a lead.</summary>
public class Team : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? LeadStaffMemberId { get; set; }
    public List<Guid> BrandIds { get; set; } = [];
    public List<TeamMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

public class TeamMember : IAgencyOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid TeamId { get; set; }
    public Guid StaffMemberId { get; set; }
}
