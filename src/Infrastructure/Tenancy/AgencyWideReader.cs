using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>What the agent inbox asks for: whose work, which brands, filters, one page sorted by SLA due.</summary>
public sealed record InboxQuery(
    IReadOnlyCollection<Guid> BrandIds,
    Guid? AssignedStaffId = null,
    IReadOnlyCollection<Guid>? TeamIds = null,
    bool UnassignedOnly = false,
    Network? Network = null,
    Priority? MinPriority = null,
    ConversationStatus? Status = null,
    string? Search = null,
    bool ForwardedOnly = false,
    int Skip = 0,
    int Take = 25
);

/// <summary>One page of an inbox; a total above <see cref="AgencyWideReader.CountCap"/> is reported as the cap (shown as "1,000+").</summary>
public sealed record InboxRow(
    Guid Id,
    Guid BrandId,
    Network Network,
    string CustomerExternalId,
    string? CustomerHandle,
    string? CustomerName,
    ConversationStatus Status,
    Priority Priority,
    DateTime StartedAt,
    DateTime LastActivityAt,
    DateTime? DueAt,
    DateTime? FirstResponseAt,
    Guid? TeamId,
    Guid? AssignedStaffId,
    Domain.Classification.Intent? Intent,
    Domain.Classification.Sentiment? Sentiment,
    bool Forwarded,
    bool HasPrivateMessages,
    int InboundCount
);

/// <summary>
/// Reads across the brands of one agency: agents and leads work several brands at once, and a
/// person's load counts all of them. The agency filter stays on; the brand filter is bypassed by
/// name and replaced by the caller's explicit list of brands the user may see.
/// </summary>
public sealed class AgencyWideReader(DatabaseSetup database)
{
    private static readonly string[] BrandFilterOnly = [TenantModel.BrandFilter];

    public async Task<(IReadOnlyList<InboxRow> Rows, int Total)> InboxAsync(Guid agencyId, InboxQuery q, CancellationToken ct = default)
    {
        if (q.BrandIds.Count == 0)
            return ([], 0);
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.User));
        // Which rows make up the first thousand does not change their count, so no order: with one the database sorts every match.
        var total = await Filter(db, q).Take(CountCap).CountAsync(ct);
        if (q.AssignedStaffId is not null || q.TeamIds is { Count: > 0 } || q.BrandIds.Count == 1)
            return (await Page(Filter(db, q), q).ToListAsync(ct), total);

        // Several brands and no person or team: each brand's first rows come from its own index in
        // due order, and are merged here; one query over all brands would sort every queued row.
        var merged = new List<InboxRow>();
        foreach (var brand in q.BrandIds)
        {
            var one = q with { BrandIds = [brand], Skip = 0, Take = q.Skip + q.Take };
            merged.AddRange(await Page(Filter(db, one), one).ToListAsync(ct));
        }
        return (merged.OrderBy(r => r.DueAt ?? Conversation.NothingDue).ThenBy(r => r.StartedAt).Skip(q.Skip).Take(q.Take).ToList(), total);
    }

    /// <summary>The staff needed per interval of the latest forecast of each brand and channel, for planning the shared staff pool.</summary>
    public async Task<List<Domain.Planning.ForecastRun>> LatestForecastsAsync(
        Guid agencyId,
        IReadOnlyCollection<Guid> brandIds,
        CancellationToken ct = default
    )
    {
        if (brandIds.Count == 0)
            return [];
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.User));
        var runs = db.ForecastRuns.IgnoreQueryFilters(BrandFilterOnly).AsNoTracking().Where(r => brandIds.Contains(r.BrandId));
        var latest = await runs.GroupBy(r => new { r.BrandId, r.Network }).Select(g => g.Max(r => r.CreatedAt)).ToListAsync(ct);
        var rows = await runs.Where(r => latest.Contains(r.CreatedAt)).ToListAsync(ct);
        return rows.GroupBy(r => (r.BrandId, r.Network)).Select(g => g.OrderByDescending(r => r.CreatedAt).First()).ToList();
    }

    /// <summary>Inboxes count up to this many; nobody pages further, and counting every queued row of a large agency costs.</summary>
    public const int CountCap = 1000;

    /// <summary>The SQL of the inbox's page and count queries, for benchmarks and query-plan checks.</summary>
    public string[] InboxSql(Guid agencyId, InboxQuery q)
    {
        using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.User));
        var query = Filter(db, q);
        return [Page(query, q).ToQueryString(), query.Select(c => c.Id).ToQueryString()];
    }

    // By due time (nothing due sorts last), then the oldest first.
    private static IQueryable<InboxRow> Page(IQueryable<Conversation> query, InboxQuery q) =>
        query
            .OrderBy(c => c.DueSort)
            .ThenBy(c => c.StartedAt)
            .Skip(q.Skip)
            .Take(q.Take)
            .Select(c => new InboxRow(
                c.Id,
                c.BrandId,
                c.Network,
                c.CustomerExternalId,
                c.CustomerHandle,
                c.CustomerName,
                c.Status,
                c.Priority,
                c.StartedAt,
                c.LastActivityAt,
                c.DueAt,
                c.FirstResponseAt,
                c.TeamId,
                c.AssignedStaffId,
                c.Intent,
                c.Sentiment,
                c.Forwarded,
                c.HasPrivateMessages,
                c.InboundCount
            ));

    private static IQueryable<Conversation> Filter(AgencyDbContext db, InboxQuery q)
    {
        var brandIds = q.BrandIds.ToList();
        var query = db.Conversations.IgnoreQueryFilters(BrandFilterOnly).AsNoTracking().Where(c => c.Queue == QueueState.In);
        if (brandIds.Count == 1)
        {
            var only = brandIds[0];
            query = query.Where(c => c.BrandId == only);
        }
        else
        {
            query = query.Where(c => brandIds.Contains(c.BrandId));
        }
        if (q.Status is { } status)
            query = query.Where(c => c.Status == status);
        if (q.AssignedStaffId is { } staff)
            query = query.Where(c => c.AssignedStaffId == staff);
        if (q.UnassignedOnly)
            query = query.Where(c => c.AssignedStaffId == null);
        if (q.TeamIds is { Count: > 0 } teams)
        {
            var teamIds = teams.ToList();
            query = query.Where(c => c.TeamId != null && teamIds.Contains(c.TeamId.Value));
        }
        if (q.Network is { } network)
            query = query.Where(c => c.Network == network);
        if (q.MinPriority is { } min)
            query = query.Where(c => c.Priority >= min);
        if (q.ForwardedOnly)
            query = query.Where(c => c.Forwarded);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim().TrimStart('@');
            query = query.Where(c =>
                (c.CustomerHandle != null && c.CustomerHandle.Contains(s)) || (c.CustomerName != null && c.CustomerName.Contains(s))
            );
        }
        return query;
    }

    public sealed record Load(int Open, DateTime? LastAssignedAt);

    /// <summary>How many active conversations each person holds across all the agency's brands, and when they last got one.</summary>
    public async Task<Dictionary<Guid, Load>> LoadsAsync(Guid agencyId, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.System));
        var rows = await db
            .Conversations.IgnoreQueryFilters(BrandFilterOnly)
            .AsNoTracking()
            .Where(c => c.Queue == QueueState.In && c.AssignedStaffId != null)
            .GroupBy(c => c.AssignedStaffId!.Value)
            .Select(g => new
            {
                Staff = g.Key,
                Open = g.Count(),
                Last = g.Max(c => c.AssignedAt),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Staff, r => new Load(r.Open, r.Last));
    }
}
