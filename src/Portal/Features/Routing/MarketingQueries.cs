using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Routing;

/// <summary>One item on a marketing-owned account, as its owner follows it.</summary>
public sealed record MarketingItem(
    Guid Id,
    string? CustomerHandle,
    string? FirstText,
    Domain.Classification.Intent? Intent,
    DateTime StartedAt,
    bool WithService,
    bool Forwarded,
    string? ForwardedBy,
    string? AssigneeName,
    DateTime? FirstResponseAt,
    ConversationStatus Status,
    string? SentBackReason,
    bool NoAction
)
{
    /// <summary>What became of it, in the owner's words.</summary>
    public string State(DateTime now) =>
        SentBackReason is { } why && !WithService ? $"Sent back: {why}"
        : !WithService ? (NoAction ? "No action needed" : "With marketing")
        : Status == ConversationStatus.Resolved
            ? $"Resolved{(FirstResponseAt is { } r ? $", answered after {DueText.Span(r - StartedAt)}" : "")}"
        : FirstResponseAt is { } at ? $"Answered after {DueText.Span(at - StartedAt)} by service"
        : AssigneeName is { } who ? $"Assigned to {who}, waiting {DueText.Span(now - StartedAt)}"
        : $"Waiting in the service queue for {DueText.Span(now - StartedAt)}";
}

public sealed class MarketingQueries(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<IReadOnlyList<MarketingItem>> ItemsAsync(bool forwardedOnly, int take = 100, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Conversations.AsNoTracking().Where(c => c.Department == Domain.Channels.Department.Marketing);
        if (forwardedOnly)
            q = q.Where(c => c.Forwarded);
        var rows = await q.OrderByDescending(c => c.StartedAt).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var firstTexts = await db
            .Posts.AsNoTracking()
            .Where(p => p.ConversationId != null && ids.Contains(p.ConversationId.Value) && p.Direction == Direction.Inbound)
            .GroupBy(p => p.ConversationId!.Value)
            .Select(g => new { Id = g.Key, Text = g.OrderBy(p => p.CreatedAt).Select(p => p.Text).First() })
            .ToDictionaryAsync(x => x.Id, x => x.Text, ct);
        var staffIds = rows.Select(r => r.AssignedStaffId).OfType<Guid>().Distinct().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(c => new MarketingItem(
                c.Id,
                c.CustomerHandle,
                firstTexts.GetValueOrDefault(c.Id),
                c.Intent,
                c.StartedAt,
                c.TeamId is not null,
                c.Forwarded,
                c.ForwardedBy,
                c.AssignedStaffId is { } s ? names.GetValueOrDefault(s) : null,
                c.FirstResponseAt,
                c.Status,
                c.SentBackReason,
                c.NoAction
            ))
            .ToList();
    }
}
