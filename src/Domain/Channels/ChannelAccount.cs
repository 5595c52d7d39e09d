using Agency.Domain.Common;

namespace Agency.Domain.Channels;

/// <summary>Who in the brand owns a social account: service questions on marketing accounts get forwarded.</summary>
public enum Department
{
    /// <summary>Marketing or PR: campaigns and brand voice; not staffed for service.</summary>
    Marketing = 1,

    /// <summary>Customer service: the agency answers here.</summary>
    Service = 2,
}

/// <summary>A brand's account on one social network, and how the platform's deliveries are checked.</summary>
public class ChannelAccount : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Network Network { get; set; }

    /// <summary>The public handle or page name, without '@'.</summary>
    public required string Handle { get; set; }

    /// <summary>The platform's id of the account (page id, Instagram account id, X user id).</summary>
    public required string ExternalAccountId { get; set; }
    public Department Department { get; set; }
    public bool IsActive { get; set; } = true;

    // Secrets are stored encrypted (Data Protection); these hold the protected form only.
    /// <summary>Meta app secret or X consumer secret: signs deliveries and the CRC.</summary>
    public string? AppSecretProtected { get; set; }

    /// <summary>The token Meta echoes in the subscription handshake.</summary>
    public string? VerifyTokenProtected { get; set; }

    /// <summary>Page / user access token for replies.</summary>
    public string? AccessTokenProtected { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastEventAt { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public string? LastError { get; set; }

    public static string NormalizeHandle(string handle) => handle.Trim().TrimStart('@');

    /// <summary>The networks whose webhooks Agency verifies and parses.</summary>
    public static bool HasWebhooks(Network network) => network is Network.X or Network.Facebook or Network.Instagram;
}
