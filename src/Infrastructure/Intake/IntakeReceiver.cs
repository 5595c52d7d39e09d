using System.Text;
using System.Text.Json;
using Agency.Domain.Channels;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Intake;

public enum ReceiveStatus
{
    Stored,
    Duplicate,
    UnknownAccount,
    BadSignature,
    Malformed,

    /// <summary>The database did not take the delivery just now (busy, unreachable): nothing is stored and the platform should retry.</summary>
    Unavailable,
}

public sealed record ReceiveResult(ReceiveStatus Status, string? Reason = null, Guid? DeliveryId = null);

/// <summary>
/// The webhook receiving side: finds the channel account named in the URL, checks the platform's
/// signature with that account's secret, checks the body is JSON for this account, and commits the
/// raw body to the inbox before the platform is answered. Nothing is stored for a refused delivery.
/// </summary>
public sealed class IntakeReceiver(
    CrossTenantReader crossTenant,
    DatabaseSetup database,
    ChannelSecrets secrets,
    IntakeSignal signal,
    TimeProvider clock
)
{
    public async Task<ReceiveResult> ReceiveAsync(
        Guid accountId,
        DeliverySource source,
        byte[] body,
        string? signature,
        CancellationToken ct = default
    )
    {
        var account = await crossTenant.WebhookAccountAsync(accountId, ct);
        if (account is null || !account.IsActive || !Accepts(account.Network, source))
            return new(ReceiveStatus.UnknownAccount);

        var secret = secrets.Unprotect(account.AppSecretProtected);
        var signed =
            secret is not null
            && source switch
            {
                DeliverySource.MetaWebhook => WebhookSignatures.VerifyMeta(secret, body, signature),
                DeliverySource.XWebhook => WebhookSignatures.VerifyX(secret, body, signature),
                _ => false,
            };
        if (!signed)
            return new(
                ReceiveStatus.BadSignature,
                secret is null ? "The account has no app secret configured." : "The signature does not match."
            );

        if (Malformed(body, source, account.ExternalAccountId) is { } reason)
            return new(ReceiveStatus.Malformed, reason);

        var hash = InboxDelivery.HashOf(body);
        await using var db = database.Create(TenantScope.ForBrand(account.AgencyId, account.BrandId, TenantSource.Channel));
        var existing = await db
            .InboxDeliveries.Where(d => d.ChannelAccountId == account.Id && d.BodyHash == hash)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
            return new(ReceiveStatus.Duplicate, DeliveryId: existing);

        var delivery = new InboxDelivery
        {
            ChannelAccountId = account.Id,
            Source = source,
            Body = Encoding.UTF8.GetString(body),
            BodyHash = hash,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.InboxDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The platform retried while the first copy was being committed; that copy wins.
            return new(ReceiveStatus.Duplicate);
        }
        catch (Exception e) when (e.IsStoreFailure())
        {
            // Not stored, and not a duplicate: answering 200 would lose the delivery, so the platform is asked to send it again.
            return new(ReceiveStatus.Unavailable, e.GetBaseException().Message);
        }
        signal.Pulse();
        return new(ReceiveStatus.Stored, DeliveryId: delivery.Id);
    }

    /// <summary>The plain secret for the handshake (Meta verify token or X consumer secret), or null for an unknown account.</summary>
    public async Task<(string? Secret, string? VerifyToken)?> HandshakeSecretsAsync(
        Guid accountId,
        DeliverySource source,
        CancellationToken ct = default
    )
    {
        var account = await crossTenant.WebhookAccountAsync(accountId, ct);
        if (account is null || !account.IsActive || !Accepts(account.Network, source))
            return null;
        return (secrets.Unprotect(account.AppSecretProtected), secrets.Unprotect(account.VerifyTokenProtected));
    }

    private static bool Accepts(Network network, DeliverySource source) =>
        (network, source) switch
        {
            (Network.Facebook or Network.Instagram, DeliverySource.MetaWebhook) => true,
            (Network.X, DeliverySource.XWebhook) => true,
            _ => false,
        };

    // Only the envelope is checked here (valid JSON, the right object, this account); the worker parses the rest.
    private static string? Malformed(byte[] body, DeliverySource source, string accountExternalId)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return "The body is not a JSON object.";
            if (source == DeliverySource.MetaWebhook)
            {
                var obj = root.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
                if (obj is not ("page" or "instagram"))
                    return "'object' must be 'page' or 'instagram'.";
                if (!root.TryGetProperty("entry", out var e) || e.ValueKind != JsonValueKind.Array)
                    return "'entry' must be an array.";
            }
            else
            {
                var forUser = root.TryGetProperty("for_user_id", out var f) ? f.ToString() : null;
                if (forUser is null)
                    return "'for_user_id' is missing.";
                if (forUser != accountExternalId)
                    return $"The delivery is for user {forUser}, not this account.";
            }
            return null;
        }
        catch (JsonException ex)
        {
            return $"The body is not valid JSON: {ex.Message}";
        }
    }
}
