using System.Security.Cryptography;
using System.Text;
using Agency.Domain.Common;

namespace Agency.Domain.PublicApi;

/// <summary>
/// A key for a brand's REST API: what a client's own systems (CRM, BI, help desk) present to read that brand's conversations
/// and figures. The key is shown once when it is made; only its SHA-256 is stored, with a short public prefix to find it by.
/// A key reads one brand only and can be revoked at any time.
/// </summary>
public class ApiKey : IBrandOwned, IAudited
{
    public const string Scheme = "agk";
    public const int NameMaxLength = 80;
    private const int PrefixLength = 10;
    private const string PrefixAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }

    /// <summary>What the key is for, e.g. "CRM sync": so that people know what breaks when they revoke it.</summary>
    public required string Name { get; set; }

    /// <summary>The public part of the key, shown in lists and logs (<c>agk_{Prefix}_…</c>).</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, in hex; the key itself is never stored.</summary>
    public required string SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new key for <paramref name="name"/>: the row to store and the key to show once.</summary>
    public static (ApiKey Key, string Secret) Issue(string name, DateTime utcNow, string? createdBy)
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var whole = $"{Scheme}_{prefix}_{secret}";
        return (
            new ApiKey
            {
                Name = name.Trim(),
                Prefix = prefix,
                SecretHash = Hash(whole),
                CreatedAt = utcNow,
                CreatedBy = createdBy,
            },
            whole
        );
    }

    /// <summary>The prefix of a presented key, when it has the key's shape (<c>agk_</c>, prefix, <c>_</c>, secret); null otherwise.</summary>
    public static string? PrefixOf(string? presented)
    {
        if (presented is null || presented.Length > 200)
            return null;
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme || parts[1].Length != PrefixLength || parts[2].Length < 16)
            return null;
        return parts[1].All(PrefixAlphabet.Contains) ? parts[1] : null;
    }

    /// <summary>Whether <paramref name="presented"/> is this key and the key is still active (compared in constant time).</summary>
    public bool Accepts(string presented) => IsActive && HashMatches(presented, SecretHash);

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="secretHash"/>, compared in constant time.</summary>
    public static bool HashMatches(string presented, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(secretHash));

    public void Revoke(DateTime utcNow, string? by)
    {
        if (RevokedAt is not null)
            return;
        RevokedAt = utcNow;
        RevokedBy = by;
    }

    /// <summary>How the key is shown once made: its scheme and prefix, the secret hidden.</summary>
    public string Display => $"{Scheme}_{Prefix}_…";

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
