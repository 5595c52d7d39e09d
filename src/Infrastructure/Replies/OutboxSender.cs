using Agency.Domain.Auditing;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Replies;

/// <summary>
/// Sends stored replies through the network clients. A sent reply becomes the brand's post in the
/// conversation (which stops the response clock); a failure is retried with growing waits and, when
/// it cannot succeed, shown as failed with the network's reason.
/// </summary>
public sealed class OutboxSender(
    DatabaseSetup database,
    IEnumerable<INetworkClient> clients,
    ChannelSecrets secrets,
    ConversationWork work,
    WorkNotifier notifier,
    TimeProvider clock,
    ILogger<OutboxSender> logger
)
{
    /// <summary>How long a server holds a message it is sending (the batch's sends and its save fit well within it).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sends one brand's due messages; returns how many were attempted. Each message is claimed just before it is sent
    /// (<see cref="OutboundMessage.ClaimedUntil"/>), so that servers sharing the database never both send it: the customer
    /// gets one reply.
    /// </summary>
    public async Task<int> SendDueAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db
            .OutboundMessages.Where(m =>
                m.Status == OutboundStatus.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now)
            )
            .OrderBy(m => m.NextAttemptAt)
            .Take(50)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var accountIds = due.Select(m => m.ChannelAccountId).Distinct().ToList();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var conversationIds = due.Select(m => m.ConversationId).Distinct().ToList();
        var conversations = await db.Conversations.Where(c => conversationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var changed = new List<Conversation>();
        var attempted = 0;

        foreach (var message in due)
        {
            var until = clock.GetUtcNow().UtcDateTime + ClaimFor;
            var claimed = await db
                .OutboundMessages.Where(m =>
                    m.Id == message.Id && m.Status == OutboundStatus.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now)
                )
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0)
            {
                db.Entry(message).State = EntityState.Detached; // another server sends it
                continue;
            }
            attempted++;
            // Given back with the result: a retry is not held back by this claim.
            message.ClaimedUntil = null;
            db.Entry(message).Property(m => m.ClaimedUntil).IsModified = true;
            var account = accounts[message.ChannelAccountId];
            var token = secrets.Unprotect(account.AccessTokenProtected);
            var client = clients.FirstOrDefault(c => c.Handles(account.Network));
            var result =
                token is null ? SendResult.Fail("The account has no access token: add one on the account's page.", false)
                : client is null
                    ? SendResult.Fail($"Replies on {Domain.Channels.Networks.Describe(account.Network)} are not supported.", false)
                : await client.SendAsync(
                    new OutboundRequest(
                        account.Network,
                        account.ExternalAccountId,
                        token,
                        message.IsPrivate,
                        message.InReplyToExternalId,
                        message.RecipientExternalId,
                        message.Text
                    ),
                    ct
                );
            var at = clock.GetUtcNow().UtcDateTime;
            if (result.ExternalId is { } externalId)
            {
                message.MarkSent(externalId, at);
                Operations.AgencyMeter.ReplyAttempts.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
                var conversation = conversations[message.ConversationId];
                var post = new Post
                {
                    ChannelAccountId = account.Id,
                    ConversationId = conversation.Id,
                    ExternalId = externalId,
                    Kind = message.IsPrivate ? Domain.Intake.PostKind.DirectMessage : Domain.Intake.PostKind.Reply,
                    Direction = Direction.Outbound,
                    IsPrivate = message.IsPrivate,
                    IsAutomatic = message.IsAutomatic,
                    AuthorExternalId = account.ExternalAccountId,
                    AuthorHandle = account.Handle,
                    AuthorName = message.SentByName,
                    Text = message.Text,
                    InReplyToExternalId = message.InReplyToExternalId,
                    CreatedAt = at,
                    ReceivedAt = at,
                };
                db.Posts.Add(post);
                conversation.Record(post);
                conversation.Version++;
                changed.Add(conversation);
                AuditLog.Record(
                    db,
                    at,
                    nameof(Conversation),
                    conversation.Id.ToString(),
                    AuditAction.Replied,
                    null,
                    new
                    {
                        By = message.SentByName,
                        Private = message.IsPrivate,
                        Network = account.Network.ToString(),
                        ExternalId = externalId,
                    }
                );
            }
            else
            {
                message.MarkFailed(result.Error ?? "Unknown error", result.Retryable, at);
                Operations.AgencyMeter.ReplyAttempts.Add(
                    1,
                    new KeyValuePair<string, object?>("outcome", message.Status == OutboundStatus.Failed ? "failed" : "retry")
                );
                logger.LogWarning("Reply {Message} not sent (attempt {Attempt}): {Error}", message.Id, message.Attempts, result.Error);
            }
            // What the network answered is stored at once, and even when the server is stopping: a reply the network took but this
            // server did not record would be sent again once its claim lapses, and the customer would get it twice.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (changed.Count > 0)
        {
            var brandWork = await BrandWork.LoadAsync(db, CancellationToken.None);
            foreach (var c in changed.Distinct())
                work.Refresh(db, brandWork, c);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (attempted > 0 && brand.AgencyId is { } agencyId && brand.BrandId is { } brandId)
            notifier.Publish(new WorkChanged(agencyId, brandId, conversationIds));
        return attempted;
    }
}

/// <summary>Wakes the outbox as soon as a reply is stored.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>Sends due replies of all tenants in the background, each brand in its own scope.</summary>
public sealed class OutboxWorker(
    CrossTenantReader crossTenant,
    OutboxSender sender,
    OutboxSignal signal,
    IOptions<OutboundOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is sent before the application has started: where replies go can be settled only then (the platform stand-in
        // learns the server's own address when it listens), and a reply sent earlier went to the real network and failed.
        if (!await WakeSignal.StartedAsync(lifetime, stoppingToken))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox failed; retrying.");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var brand in await crossTenant.BrandsWithDueRepliesAsync(clock.GetUtcNow().UtcDateTime, ct))
            sent += await sender.SendDueAsync(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.System), ct);
        return sent;
    }
}
