using System.Security.Cryptography;
using System.Text;
using Agency.Domain.Common;

namespace Agency.Domain.Tenancy;

/// <summary>An invitation by link to join the agency in a role, with access to some brands.</summary>
public class Invitation : IAgencyOwned, IAudited
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public UserRole Role { get; set; }
    public List<Guid> BrandIds { get; set; } = [];

    /// <summary>SHA-256 of the secret token in the link; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? InvitedBy { get; set; }

    public InvitationState StateAt(DateTime utcNow) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : utcNow >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
