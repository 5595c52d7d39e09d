using System.Text;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Intake;

/// <summary>Turns one stored delivery into posts, inside the delivery's brand.</summary>
public sealed class IntakeProcessor(
    DatabaseSetup database,
    PostWriter writer,
    PostNotifier notifier,
    Routing.ConversationWork work,
    Notifications.WorkNotifier workNotifier,
    TimeProvider clock,
    ILogger<IntakeProcessor> logger
)
{
    public Task ProcessAsync(TenantScope brand, Guid deliveryId, CancellationToken ct = default) =>
        ProcessTogetherAsync(brand, [deliveryId], ct);

    /// <summary>
    /// Processes several pending deliveries of one brand together: one set of look-ups and one
    /// transaction per account. If the batch fails, each delivery is processed on its own, so one bad
    /// delivery cannot hold the others back.
    /// </summary>
    public async Task ProcessBatchAsync(TenantScope brand, IReadOnlyList<Guid> deliveryIds, CancellationToken ct = default)
    {
        if (deliveryIds.Count == 1)
        {
            await ProcessAsync(brand, deliveryIds[0], ct);
            return;
        }
        try
        {
            await ProcessTogetherAsync(brand, deliveryIds, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning(ex, "A batch of {Count} deliveries failed; processing them one by one.", deliveryIds.Count);
            foreach (var id in deliveryIds)
            {
                try
                {
                    await ProcessAsync(brand, id, ct);
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    await RecordFailureAsync(brand, id, one, ct);
                }
            }
        }
    }

    private async Task ProcessTogetherAsync(TenantScope brand, IReadOnlyList<Guid> deliveryIds, CancellationToken ct)
    {
        await using var db = database.Create(brand);
        var deliveries = await db
            .InboxDeliveries.Where(d => deliveryIds.Contains(d.Id) && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.ReceivedAt)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var arrived = new List<PostsArrived>();
        var touched = new Dictionary<Guid, Domain.Conversations.Conversation>();
        var firstInbound = new Dictionary<Guid, Domain.Conversations.Post>();
        var items = (Stored: 0, Duplicate: 0, Ignored: 0); // for the operators' counters, once saved
        foreach (var group in deliveries.GroupBy(d => d.ChannelAccountId))
        {
            var account = await db.ChannelAccounts.SingleAsync(a => a.Id == group.Key, ct);
            var parsedByDelivery = new List<(InboxDelivery Delivery, ParsedDelivery Parsed)>();
            foreach (var delivery in group)
            {
                try
                {
                    parsedByDelivery.Add((delivery, Parse(delivery, account)));
                }
                catch (PayloadException ex)
                {
                    // A delivery that cannot be parsed will not parse better later: park it at once.
                    delivery.Fail(ex.Message, permanent: true);
                    logger.LogWarning("Delivery {Delivery} parked: {Error}", delivery.Id, ex.Message);
                    account.LastErrorAt = now;
                    account.LastError = $"Delivery could not be read: {ex.Message}";
                }
            }
            var result = await writer.AddAsync(db, account, parsedByDelivery.SelectMany(p => p.Parsed.Items).ToList(), ct);
            foreach (var c in result.Touched)
                touched[c.Id] = c;
            foreach (var (id, post) in result.FirstInbound)
                firstInbound.TryAdd(id, post);
            var credited = new HashSet<string>();
            foreach (var (delivery, parsed) in parsedByDelivery)
            {
                var stored = parsed.Items.Count(i => result.StoredIds.Contains(i.ExternalId) && credited.Add(i.ExternalId));
                delivery.Status = DeliveryStatus.Processed;
                delivery.ProcessedAt = now;
                delivery.StoredItems = stored;
                delivery.DuplicateItems = parsed.Items.Count - stored;
                delivery.IgnoredItems = parsed.Ignored.Count;
                items = (items.Stored + stored, items.Duplicate + delivery.DuplicateItems, items.Ignored + delivery.IgnoredItems);
            }
            if (parsedByDelivery.Count > 0)
                account.LastEventAt = now;
            if (result.Stored > 0)
                arrived.Add(new PostsArrived(account.BrandId, account.Id, result.Stored));
        }
        await work.AfterPostsAsync(db, touched.Values, firstInbound, ct);
        var notified = db.ChangeTracker.Entries<Domain.Conversations.Notification>().Select(e => e.Entity.UserId).ToList();
        await db.SaveChangesAsync(ct);
        Count(items);
        foreach (var e in arrived)
            notifier.Publish(e);
        if (brand.AgencyId is { } agencyId && brand.BrandId is { } brandId)
            workNotifier.Publish(new Notifications.WorkChanged(agencyId, brandId, touched.Keys));
        workNotifier.PublishNotifications(notified);
    }

    private static ParsedDelivery Parse(InboxDelivery delivery, Domain.Channels.ChannelAccount account)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        return delivery.Source switch
        {
            DeliverySource.MetaWebhook => MetaPayloadParser.Parse(body, account.ExternalAccountId),
            DeliverySource.XWebhook => XPayloadParser.Parse(body, account.ExternalAccountId),
            _ => throw new PayloadException($"Deliveries from {delivery.Source} are not processed here."),
        };
    }

    /// <summary>Counts a failed attempt that was not the delivery's fault (database busy, a bug): retried, then parked.</summary>
    public async Task RecordFailureAsync(TenantScope brand, Guid deliveryId, Exception error, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var delivery = await db.InboxDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending)
            return; // processed meanwhile (by another server): nothing failed
        delivery.Fail($"{error.GetType().Name}: {error.Message}", permanent: false);
        // Retried at the next turn, by any server.
        (delivery.ClaimToken, delivery.ClaimedUntil) = (null, null);
        await db.SaveChangesAsync(ct);
    }

    private static void Count((int Stored, int Duplicate, int Ignored) items)
    {
        Operations.AgencyMeter.IntakeItems.Add(items.Stored, new KeyValuePair<string, object?>("outcome", "stored"));
        Operations.AgencyMeter.IntakeItems.Add(items.Duplicate, new KeyValuePair<string, object?>("outcome", "duplicate"));
        Operations.AgencyMeter.IntakeItems.Add(items.Ignored, new KeyValuePair<string, object?>("outcome", "ignored"));
    }
}
