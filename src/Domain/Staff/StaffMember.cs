using Agency.Domain.Channels;
using Agency.Domain.Common;

namespace Agency.Domain.Staff;

/// <summary>A person in the agency's staff pool, with the brands, channels and languages they serve.</summary>
public class StaffMember : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }

    /// <summary>The sign-in user, when this person has one.</summary>
    public string? UserId { get; set; }
    public List<Guid> BrandIds { get; set; } = [];
    public List<Network> Channels { get; set; } = [];

    /// <summary>ISO 639-1 codes, lower case.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>How many asynchronous conversations this person works at once.</summary>
    public int MaxConcurrentConversations { get; set; } = 5;
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public bool ServesBrand(Guid brandId) => BrandIds.Contains(brandId);

    public bool Speaks(string language) => Languages.Contains(language.ToLowerInvariant());
}
