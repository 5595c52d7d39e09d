using Agency.Domain.Channels;
using Agency.Domain.Intake;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>
/// The one place where reads cross tenants, each for a stated reason. Everything here bypasses the
/// tenant filters by name and returns only what the caller needs to then act inside one tenant.
/// </summary>
public sealed class CrossTenantReader(DatabaseSetup database)
{
    private static readonly string[] TenantFilters = [TenantModel.AgencyFilter, TenantModel.BrandFilter];

    public sealed record BrandRef(Guid AgencyId, Guid BrandId, string Slug);

    /// <summary>For jobs that fan out over brands: every active brand of every agency.</summary>
    public async Task<IReadOnlyList<BrandRef>> ActiveBrandsAsync(CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db
            .Brands.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(b => !b.IsArchived)
            .OrderBy(b => b.AgencyId)
            .ThenBy(b => b.Slug)
            .Select(b => new BrandRef(b.AgencyId, b.Id, b.Slug))
            .ToListAsync(ct);
    }

    /// <summary>At start-up: agencies with roster runs a previous process left running, to mark them interrupted inside each agency.</summary>
    public async Task<IReadOnlyList<Guid>> AgenciesWithRunningRostersAsync(CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db
            .RosterRuns.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(r => r.Status == Domain.Rostering.RosterRunStatus.Running)
            .Select(r => r.AgencyId)
            .Distinct()
            .ToListAsync(ct);
    }

    public sealed record WebhookAccount(
        Guid Id,
        Guid AgencyId,
        Guid BrandId,
        Network Network,
        string ExternalAccountId,
        bool IsActive,
        string? AppSecretProtected,
        string? VerifyTokenProtected
    );

    /// <summary>For webhooks: the URL names the channel account, and the account names its brand.</summary>
    public async Task<WebhookAccount?> WebhookAccountAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db
            .ChannelAccounts.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new WebhookAccount(
                a.Id,
                a.AgencyId,
                a.BrandId,
                a.Network,
                a.ExternalAccountId,
                a.IsActive,
                a.AppSecretProtected,
                a.VerifyTokenProtected
            ))
            .SingleOrDefaultAsync(ct);
    }

    public sealed record AccountRef(Guid AccountId, Guid BrandId, Network Network, string Handle);

    /// <summary>For imports: a file covers many brands of one agency, so its handles are matched across that agency's brands.</summary>
    public async Task<IReadOnlyList<AccountRef>> AgencyChannelAccountsAsync(Guid agencyId, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.System));
        return await db
            .ChannelAccounts.IgnoreQueryFilters([TenantModel.BrandFilter])
            .AsNoTracking()
            .Where(a => a.IsActive)
            .Select(a => new AccountRef(a.Id, a.BrandId, a.Network, a.Handle))
            .ToListAsync(ct);
    }

    public sealed record PendingDelivery(Guid DeliveryId, Guid AgencyId, Guid BrandId);

    /// <summary>
    /// For the inbox worker: claims up to <paramref name="max"/> of the oldest pending deliveries that no other server holds, for
    /// <paramref name="claimFor"/>, and returns them (each then processed inside its brand). Servers sharing the database thus
    /// never process one delivery at once.
    /// </summary>
    public async Task<IReadOnlyList<PendingDelivery>> ClaimPendingDeliveriesAsync(
        int max,
        DateTime nowUtc,
        TimeSpan claimFor,
        CancellationToken ct = default
    )
    {
        var (token, until) = (Guid.NewGuid(), nowUtc + claimFor);
        await using var db = database.Create(TenantScope.None);
        var candidates = await db
            .InboxDeliveries.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < nowUtc))
            .OrderBy(d => d.ReceivedAt)
            .Take(max)
            .Select(d => d.Id)
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return [];
        await db
            .InboxDeliveries.IgnoreQueryFilters(TenantFilters)
            .Where(d =>
                candidates.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < nowUtc)
            )
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until), ct);
        return await db
            .InboxDeliveries.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(d => d.ClaimToken == token)
            .OrderBy(d => d.ReceivedAt)
            .Select(d => new PendingDelivery(d.Id, d.AgencyId, d.BrandId))
            .ToListAsync(ct);
    }

    /// <summary>For the outbox: brands with replies due to be sent, each then sent inside its brand.</summary>
    public async Task<IReadOnlyList<BrandRef>> BrandsWithDueRepliesAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db
            .OutboundMessages.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(m => m.Status == Domain.Replies.OutboundStatus.Queued && m.NextAttemptAt <= nowUtc)
            .Select(m => new { m.AgencyId, m.BrandId })
            .Distinct()
            .Take(200)
            .Select(m => new BrandRef(m.AgencyId, m.BrandId, ""))
            .ToListAsync(ct);
    }

    /// <summary>How deep the shared queues are, over every tenant: totals only, for the operators' <c>/metrics</c>.</summary>
    public sealed record QueueDepths(
        int DeliveriesPending,
        int DeliveriesParked,
        int RepliesQueued,
        int RepliesFailed,
        int RosterRunsRunning,
        int WebhookCallsPending,
        int WebhookCallsFailed
    );

    public async Task<QueueDepths> QueueDepthsAsync(CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        var deliveries = db.InboxDeliveries.IgnoreQueryFilters(TenantFilters).AsNoTracking();
        var replies = db.OutboundMessages.IgnoreQueryFilters(TenantFilters).AsNoTracking();
        var calls = db.WebhookDeliveries.IgnoreQueryFilters(TenantFilters).AsNoTracking();
        return new QueueDepths(
            await deliveries.CountAsync(d => d.Status == DeliveryStatus.Pending, ct),
            await deliveries.CountAsync(d => d.Status == DeliveryStatus.Parked, ct),
            await replies.CountAsync(m => m.Status == Domain.Replies.OutboundStatus.Queued, ct),
            await replies.CountAsync(m => m.Status == Domain.Replies.OutboundStatus.Failed, ct),
            await db
                .RosterRuns.IgnoreQueryFilters(TenantFilters)
                .AsNoTracking()
                .CountAsync(r => r.Status == Domain.Rostering.RosterRunStatus.Running, ct),
            await calls.CountAsync(d => d.Status == Domain.OutgoingWebhooks.WebhookDeliveryStatus.Pending, ct),
            await calls.CountAsync(d => d.Status == Domain.OutgoingWebhooks.WebhookDeliveryStatus.Failed, ct)
        );
    }

    public sealed record ApiKeyCandidate(
        Guid KeyId,
        Guid AgencyId,
        Guid BrandId,
        string Name,
        string Prefix,
        string SecretHash,
        DateTime? RevokedAt,
        DateTime? LastUsedAt,
        bool BrandArchived
    );

    /// <summary>For the REST API: a presented key names its brand; found by the key's public prefix, then checked by its hash.</summary>
    public async Task<IReadOnlyList<ApiKeyCandidate>> ApiKeysByPrefixAsync(string prefix, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db
            .ApiKeys.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(k => k.Prefix == prefix)
            .Join(
                db.Brands.IgnoreQueryFilters(TenantFilters),
                k => k.BrandId,
                b => b.Id,
                (k, b) =>
                    new ApiKeyCandidate(
                        k.Id,
                        k.AgencyId,
                        k.BrandId,
                        k.Name,
                        k.Prefix,
                        k.SecretHash,
                        k.RevokedAt,
                        k.LastUsedAt,
                        b.IsArchived
                    )
            )
            .Take(5)
            .ToListAsync(ct);
    }

    /// <summary>For the webhook worker: brands, not archived, with an active endpoint, each then served inside its brand.</summary>
    public async Task<IReadOnlyList<BrandRef>> BrandsWithWebhooksAsync(CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        var live = db.Brands.IgnoreQueryFilters(TenantFilters).Where(b => !b.IsArchived).Select(b => b.Id);
        return await db
            .WebhookEndpoints.IgnoreQueryFilters(TenantFilters)
            .AsNoTracking()
            .Where(e => e.IsActive && live.Contains(e.BrandId))
            .Select(e => new { e.AgencyId, e.BrandId })
            .Distinct()
            .Select(e => new BrandRef(e.AgencyId, e.BrandId, ""))
            .ToListAsync(ct);
    }

    /// <summary>For accepting an invitation: the invitee is not signed in, so the token names the agency.</summary>
    public async Task<Invitation?> InvitationByTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = Invitation.Hash(token);
        await using var db = database.Create(TenantScope.None);
        return await db.Invitations.IgnoreQueryFilters(TenantFilters).AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }
}
