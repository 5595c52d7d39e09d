using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Agency.Infrastructure.Intake;

/// <summary>Encrypts channel credentials at rest with Data Protection (keys kept in the database).</summary>
public sealed class ChannelSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Agency.ChannelAccounts.Secrets.v1");

    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : _protector.Protect(secret);

    /// <summary>The plain secret, or null when none is set or it can no longer be read (rotated-away key).</summary>
    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
            return null;
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
