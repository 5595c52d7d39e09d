using System.Text;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Intake;

/// <summary>Turns one stored delivery into posts, inside the delivery's brand.</summary>
public sealed class IntakeProcessor(DatabaseSetup database, PostWriter writer, PostNotifier notifier, TimeProvider clock, ILogger<IntakeProcessor> logger)
{
    public async Task ProcessAsync(TenantScope brand, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var delivery = await db.InboxDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending) return;
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == delivery.ChannelAccountId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        ParsedDelivery parsed;
        try
        {
            var body = Encoding.UTF8.GetBytes(delivery.Body);
            parsed = delivery.Source switch
            {
                DeliverySource.MetaWebhook => MetaPayloadParser.Parse(body, account.ExternalAccountId),
                DeliverySource.XWebhook => XPayloadParser.Parse(body, account.ExternalAccountId),
                _ => throw new PayloadException($"Deliveries from {delivery.Source} are not processed here."),
            };
        }
        catch (PayloadException ex)
        {
            // A delivery that cannot be parsed will not parse better later: park it at once.
            delivery.Fail(ex.Message, permanent: true);
            account.LastErrorAt = now;
            account.LastError = $"Delivery could not be read: {ex.Message}";
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Delivery {Delivery} parked: {Error}", delivery.Id, ex.Message);
            return;
        }

        var result = await writer.AddAsync(db, account, parsed.Items, ct);
        delivery.Status = DeliveryStatus.Processed;
        delivery.ProcessedAt = now;
        delivery.StoredItems = result.Stored;
        delivery.DuplicateItems = result.Duplicates;
        delivery.IgnoredItems = parsed.Ignored.Count;
        account.LastEventAt = now;
        await db.SaveChangesAsync(ct);
        if (result.Stored > 0) notifier.Publish(new PostsArrived(account.BrandId, account.Id, result.Stored));
    }

    /// <summary>Counts a failed attempt that was not the delivery's fault (database busy, a bug): retried, then parked.</summary>
    public async Task RecordFailureAsync(TenantScope brand, Guid deliveryId, Exception error, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var delivery = await db.InboxDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null) return;
        delivery.Fail($"{error.GetType().Name}: {error.Message}", permanent: false);
        await db.SaveChangesAsync(ct);
    }
}
