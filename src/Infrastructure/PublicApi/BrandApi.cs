using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Domain.PublicApi;
using Agency.Domain.Routing;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.PublicApi;

/// <summary>The brand an API key reads, with its social accounts.</summary>
public sealed record ApiBrand(string Name, string Slug, string TimeZone, IReadOnlyList<ApiAccount> Accounts);

public sealed record ApiAccount(Guid Id, Network Network, string Handle, Department Department, bool Active);

/// <summary>The customer of a conversation as the network names them.</summary>
public sealed record ApiCustomer(string Id, string? Handle, string? Name);

/// <summary>One conversation (one case): who, where, what it is about, where it stands and its clocks (UTC); ChangedAt is its last change of any kind.</summary>
public sealed record ApiConversation(
    Guid Id,
    Network Network,
    Guid AccountId,
    Department AccountDepartment,
    ApiCustomer Customer,
    ConversationStatus Status,
    Intent? Intent,
    Sentiment? Sentiment,
    string? Language,
    Priority Priority,
    IReadOnlyList<string> Tags,
    bool Forwarded,
    bool MovedToPrivate,
    DateTime StartedAt,
    DateTime LastActivityAt,
    DateTime ChangedAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt,
    DateTime? DueAt,
    int InboundCount,
    int OutboundCount
);

/// <summary>
/// A page of conversations. <c>Next</c> is the cursor to go on from (pass it as <c>after</c>): while <c>HasMore</c>, at once;
/// otherwise later, to get only what changed since. Null when nothing was listed yet.
/// </summary>
public sealed record ApiConversationPage(IReadOnlyList<ApiConversation> Items, string? Next, bool HasMore);

/// <summary>A message of a conversation: the customer's posts and the brand's replies, public or private. Internal notes are not included.</summary>
public sealed record ApiMessage(
    Guid Id,
    string ExternalId,
    PostKind Kind,
    Direction Direction,
    bool Private,
    bool Automatic,
    string? AuthorHandle,
    string? AuthorName,
    string Text,
    DateTime CreatedAt,
    Intent? Intent,
    Sentiment? Sentiment
);

public sealed record ApiConversationDetail(ApiConversation Conversation, IReadOnlyList<ApiMessage> Messages);

/// <summary>Which conversations to list: changed at or after an instant, in a state, on a network, after a cursor, how many.</summary>
public sealed record ApiConversationQuery(DateTime? UpdatedSince, ConversationStatus? Status, Network? Network, ApiCursor? After, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>
/// What the REST API reads of one brand: only ever inside the key's brand (the context's tenant filters), read-only, without
/// internal notes or anything of the agency's staff beyond what the brand's own reports show.
/// </summary>
public sealed class BrandApi(DatabaseSetup database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ApiOptions> options)
{
    public async Task<ApiBrand> BrandAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var b = await db.Brands.AsNoTracking().SingleAsync(x => x.Id == brand.BrandId, ct);
        var accounts = await db
            .ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.Network)
            .ThenBy(a => a.Handle)
            .Select(a => new ApiAccount(a.Id, a.Network, a.Handle, a.Department, a.IsActive))
            .ToListAsync(ct);
        return new ApiBrand(b.Name, b.Slug, b.TimeZoneId, accounts);
    }

    /// <summary>
    /// Conversations by their last change (a message, an assignment, a resolve: anything), oldest first: a client that follows
    /// <c>Next</c> sees every change once. Changes younger than <see cref="ApiOptions.SettleSeconds"/> wait for the next call.
    /// </summary>
    public async Task<ApiConversationPage> ConversationsAsync(TenantScope brand, ApiConversationQuery query, CancellationToken ct = default)
    {
        var settled = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.SettleSeconds);
        await using var db = database.Create(brand);
        var rows = db.Conversations.AsNoTracking().Where(c => c.ChangedAt <= settled);
        if (query.UpdatedSince is { } since)
            rows = rows.Where(c => c.ChangedAt >= since);
        if (query.Status is { } status)
            rows = rows.Where(c => c.Status == status);
        if (query.Network is { } network)
            rows = rows.Where(c => c.Network == network);
        if (query.After is { } after)
            // The range condition on its own lets the (brand, ChangedAt, Id) index find the start.
            rows = rows.Where(c => c.ChangedAt >= after.ChangedAt)
                .Where(c => c.ChangedAt > after.ChangedAt || c.Id.CompareTo(after.Id) > 0);
        var limit = Math.Clamp(query.Limit, 1, ApiConversationQuery.MaxLimit);
        var page = await rows.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Take(limit + 1).ToListAsync(ct);
        var more = page.Count > limit;
        if (more)
            page.RemoveAt(limit);
        var next = page.Count > 0 ? new ApiCursor(page[^1].ChangedAt, page[^1].Id).Encode() : query.After?.Encode();
        return new ApiConversationPage(page.Select(Map).ToList(), next, more);
    }

    public async Task<ApiConversationDetail?> ConversationAsync(TenantScope brand, Guid id, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var c = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return null;
        var messages = await db
            .Posts.AsNoTracking()
            .Where(p => p.ConversationId == id)
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .Select(p => new ApiMessage(
                p.Id,
                p.ExternalId,
                p.Kind,
                p.Direction,
                p.IsPrivate,
                p.IsAutomatic,
                p.AuthorHandle,
                p.AuthorName,
                p.Text,
                p.CreatedAt,
                p.Intent,
                p.Sentiment
            ))
            .ToListAsync(ct);
        return new ApiConversationDetail(Map(c), messages);
    }

    public static ApiConversation Map(Conversation c) =>
        new(
            c.Id,
            c.Network,
            c.ChannelAccountId,
            c.Department,
            new ApiCustomer(c.CustomerExternalId, c.CustomerHandle, c.CustomerName),
            c.Status,
            c.Intent,
            c.Sentiment,
            c.Language,
            c.Priority,
            c.Tags,
            c.Forwarded,
            c.MovedToPrivateAt is not null,
            c.StartedAt,
            c.LastActivityAt,
            c.ChangedAt,
            c.FirstResponseAt,
            c.ResolvedAt,
            c.Status == ConversationStatus.Resolved ? null : c.DueAt,
            c.InboundCount,
            c.OutboundCount
        );
}
