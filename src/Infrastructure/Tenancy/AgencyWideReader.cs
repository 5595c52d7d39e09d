using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>What the agent inbox asks for: whose work, which brands, filters, one page sorted by SLA due.</summary>
public sealed record InboxQuery(
    IReadOnlyCollection<Guid> BrandIds, Guid? AssignedStaffId = null, IReadOnlyCollection<Guid>? TeamIds = null, bool UnassignedOnly = false,
    Network? Network = null, Priority? MinPriority = null, ConversationStatus? Status = null, string? Search = null,
    bool ForwardedOnly = false, int Skip = 0, int Take = 25);

public sealed record InboxRow(
    Guid Id, Guid BrandId, Network Network, string CustomerExternalId, string? CustomerHandle, string? CustomerName, ConversationStatus Status, Priority Priority,
    DateTime StartedAt, DateTime LastActivityAt, DateTime? DueAt, DateTime? FirstResponseAt, Guid? TeamId, Guid? AssignedStaffId,
    Domain.Classification.Intent? Intent, Domain.Classification.Sentiment? Sentiment, bool Forwarded, bool HasPrivateMessages, int InboundCount);

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
        if (q.BrandIds.Count == 0) return ([], 0);
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.User));
        var brandIds = q.BrandIds.ToList();
        var query = db.Conversations.IgnoreQueryFilters(BrandFilterOnly).AsNoTracking()
            .Where(c => brandIds.Contains(c.BrandId) && !c.NoAction && c.TeamId != null);
        query = q.Status is { } status ? query.Where(c => c.Status == status) : query.Where(c => c.Status != ConversationStatus.Resolved);
        if (q.AssignedStaffId is { } staff) query = query.Where(c => c.AssignedStaffId == staff);
        if (q.UnassignedOnly) query = query.Where(c => c.AssignedStaffId == null);
        if (q.TeamIds is { Count: > 0 } teams)
        {
            var teamIds = teams.ToList();
            query = query.Where(c => c.TeamId != null && teamIds.Contains(c.TeamId.Value));
        }
        if (q.Network is { } network) query = query.Where(c => c.Network == network);
        if (q.MinPriority is { } min) query = query.Where(c => c.Priority >= min);
        if (q.ForwardedOnly) query = query.Where(c => c.Forwarded);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim().TrimStart('@');
            query = query.Where(c => (c.CustomerHandle != null && c.CustomerHandle.Contains(s)) || (c.CustomerName != null && c.CustomerName.Contains(s)));
        }
        var total = await query.CountAsync(ct);
        // Nothing due (no SLA) sorts last; then by due time, then the oldest first.
        var rows = await query
            .OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenBy(c => c.StartedAt)
            .Skip(q.Skip).Take(q.Take)
            .Select(c => new InboxRow(c.Id, c.BrandId, c.Network, c.CustomerExternalId, c.CustomerHandle, c.CustomerName, c.Status, c.Priority, c.StartedAt, c.LastActivityAt,
                c.DueAt, c.FirstResponseAt, c.TeamId, c.AssignedStaffId, c.Intent, c.Sentiment, c.Forwarded, c.HasPrivateMessages, c.InboundCount))
            .ToListAsync(ct);
        return (rows, total);
    }

    public sealed record Load(int Open, DateTime? LastAssignedAt);

    /// <summary>How many active conversations each person holds across all the agency's brands, and when they last got one.</summary>
    public async Task<Dictionary<Guid, Load>> LoadsAsync(Guid agencyId, CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.ForAgency(agencyId, TenantSource.System));
        var rows = await db.Conversations.IgnoreQueryFilters(BrandFilterOnly).AsNoTracking()
            .Where(c => c.AssignedStaffId != null && c.Status != ConversationStatus.Resolved && !c.NoAction)
            .GroupBy(c => c.AssignedStaffId!.Value)
            .Select(g => new { Staff = g.Key, Open = g.Count(), Last = g.Max(c => c.AssignedAt) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Staff, r => new Load(r.Open, r.Last));
    }
}
