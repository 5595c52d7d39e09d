using Agency.Domain.Common;

namespace Agency.Domain.Tenancy;

/// <summary>
/// Gives a user access to one brand. Agency-owned rather than brand-owned: it is read to decide
/// which brand a request may enter, before any brand is chosen.
/// </summary>
public class BrandMembership : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string UserId { get; set; }
    public BrandRole Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
