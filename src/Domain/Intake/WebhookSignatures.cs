using System.Security.Cryptography;
using System.Text;

namespace Agency.Domain.Intake;

/// <summary>
/// The platforms' delivery signatures. Meta: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of
/// the raw body with the app secret&gt;</c>. X: <c>x-twitter-webhooks-signature: sha256=&lt;base64
/// HMAC-SHA256 of the raw body with the consumer secret&gt;</c>, and the same HMAC of the
/// <c>crc_token</c> answers the CRC check. Comparisons take constant time.
/// </summary>
public static class WebhookSignatures
{
    private const string Prefix = "sha256=";

    public static string Meta(string appSecret, ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(Hmac(appSecret, body));

    public static string X(string consumerSecret, ReadOnlySpan<byte> body) => Prefix + Convert.ToBase64String(Hmac(consumerSecret, body));

    public static string XCrcResponse(string consumerSecret, string crcToken) => X(consumerSecret, Encoding.UTF8.GetBytes(crcToken));

    public static bool VerifyMeta(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != 64)
            return false;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(given, Hmac(appSecret, body));
    }

    public static bool VerifyX(string consumerSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(header[Prefix.Length..], given, out var written) || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(given[..written], Hmac(consumerSecret, body));
    }

    private static byte[] Hmac(string secret, ReadOnlySpan<byte> body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
}
