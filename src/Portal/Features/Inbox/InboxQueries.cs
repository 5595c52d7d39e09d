using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.Replies;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Inbox;

public enum InboxTab
{
    Mine,
    Team,
    Unassigned,
    AllOpen,
}

public sealed record InboxFilters(
    Guid? BrandId = null,
    Domain.Channels.Network? Network = null,
    Priority? MinPriority = null,
    string? Search = null
);

public sealed record InboxResults(
    IReadOnlyList<InboxRow> Rows,
    int Total,
    IReadOnlyDictionary<Guid, string> StaffNames,
    IReadOnlyDictionary<Guid, string> TeamNames
);

/// <summary>One conversation with everything the agent needs to answer it.</summary>
public sealed record ConversationView(
    Conversation Conversation,
    IReadOnlyList<Post> Thread,
    IReadOnlyList<ConversationNote> Notes,
    IReadOnlyList<OutboundMessage> Outbox,
    IReadOnlyList<Conversation> Earlier,
    IReadOnlyList<SavedReply> Replies,
    string? TeamName,
    string? AssigneeName,
    IReadOnlyList<(AssignmentCandidate Person, string? WhyNot)> Assignees,
    SlaPolicy? Policy,
    Domain.Channels.ChannelAccount Account,
    IReadOnlyList<SlaEvent> SlaEvents
);

/// <summary>Reads for the agent workspace: the inbox across the user's brands, and one conversation in its brand.</summary>
public sealed class InboxQueries(
    IDbContextFactory<AgencyDbContext> dbs,
    AgencyWideReader agencyWide,
    ConversationWork work,
    TenantContext tenant
)
{
    /// <summary>The staff member behind the signed-in user, if any.</summary>
    public async Task<(Guid? StaffId, IReadOnlyList<Guid> TeamIds)> MeAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = tenant.Current.UserId;
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (staff is null)
            return (null, []);
        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.StaffMemberId == staff).Select(m => m.TeamId).ToListAsync(ct);
        var led = await db.Teams.AsNoTracking().Where(t => t.LeadStaffMemberId == staff).Select(t => t.Id).ToListAsync(ct);
        return (staff, teams.Union(led).ToList());
    }

    public async Task<(IReadOnlyList<Notification> Latest, int Unread)> NotificationsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = tenant.Current.UserId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        return (await mine.OrderByDescending(n => n.CreatedAt).Take(10).ToListAsync(ct), await mine.CountAsync(n => n.ReadAt == null, ct));
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = tenant.Current.UserId;
        var now = DateTime.UtcNow;
        foreach (var n in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct))
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }

    public async Task<InboxResults> InboxAsync(
        PortalContext portal,
        InboxTab tab,
        InboxFilters f,
        int skip,
        int take,
        CancellationToken ct = default
    )
    {
        var (me, teams) = await MeAsync(ct);
        var brands = portal.Brands.Where(b => b.Role is null or Domain.Tenancy.BrandRole.Service).Select(b => b.BrandId).ToList();
        if (f.BrandId is { } only)
            brands = brands.Where(b => b == only).ToList();
        var query = new InboxQuery(brands, Network: f.Network, MinPriority: f.MinPriority, Search: f.Search, Skip: skip, Take: take);
        query = tab switch
        {
            InboxTab.Mine => query with { AssignedStaffId = me ?? Guid.Empty },
            InboxTab.Team => query with { TeamIds = teams.Count == 0 ? [Guid.Empty] : teams },
            InboxTab.Unassigned => query with
            {
                UnassignedOnly = true,
                TeamIds =
                    portal.Has(Domain.Tenancy.UserRole.AgencyAdmin) ? null
                    : teams.Count == 0 ? [Guid.Empty]
                    : teams,
            },
            _ => query,
        };
        var (rows, total) = await agencyWide.InboxAsync(tenant.RequireAgency(), query, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staffIds = rows.Select(r => r.AssignedStaffId).OfType<Guid>().Distinct().ToList();
        var teamIds = rows.Select(r => r.TeamId).OfType<Guid>().Distinct().ToList();
        return new InboxResults(
            rows,
            total,
            await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct),
            await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct)
        );
    }

    public async Task<ConversationView?> ConversationAsync(Guid id, bool withNotes, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return null;
        var thread = await db
            .Posts.AsNoTracking()
            .Where(p => p.ConversationId == id)
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .ToListAsync(ct);
        var notes = withNotes
            ? await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == id).OrderBy(n => n.CreatedAt).ToListAsync(ct)
            : [];
        var outbox = await db
            .OutboundMessages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.Status != OutboundStatus.Sent)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(ct);
        var earlier = await db
            .Conversations.AsNoTracking()
            .Where(x => x.CustomerExternalId == c.CustomerExternalId && x.ChannelAccountId == c.ChannelAccountId && x.Id != c.Id)
            .OrderByDescending(x => x.StartedAt)
            .Take(10)
            .ToListAsync(ct);
        var replies = await db
            .SavedReplies.AsNoTracking()
            .Where(r => r.Purpose == SavedReplyPurpose.Reply && (r.Network == null || r.Network == c.Network))
            .OrderBy(r => r.Title)
            .ToListAsync(ct);
        var account = await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.Id == c.ChannelAccountId, ct);
        var team = c.TeamId is null
            ? null
            : await db.Teams.AsNoTracking().Where(t => t.Id == c.TeamId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        var staffing = await work.StaffingAsync(db, ct);
        var people = staffing
            .Candidates(c.BrandId, c.TeamId)
            .Where(p => p.ServesBrand)
            .Select(p => (p, Assignment.WhyNot(p, c.Network, c.Language)))
            .OrderBy(p => p.Item2 is not null)
            .ThenBy(p => p.p.Name)
            .ToList();
        var assignee = c.AssignedStaffId is null
            ? null
            : await db.StaffMembers.AsNoTracking().Where(s => s.Id == c.AssignedStaffId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var policy = c.SlaPolicyId is null
            ? null
            : await db.SlaPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == c.SlaPolicyId, ct);
        var events = await db.SlaEvents.AsNoTracking().Where(e => e.ConversationId == id).OrderBy(e => e.At).ToListAsync(ct);
        return new ConversationView(c, thread, notes, outbox, earlier, replies, team, assignee, people, policy, account, events);
    }
}

/// <summary>How an SLA due time reads to a person: overdue, at risk, or how long is left.</summary>
public static class DueText
{
    public static (string Text, MudBlazor.Color Color) Describe(DateTime? due, DateTime now)
    {
        if (due is not { } d)
            return ("no SLA", MudBlazor.Color.Default);
        var left = d - now;
        if (left < TimeSpan.Zero)
            return ($"overdue {Span(-left)}", MudBlazor.Color.Error);
        return left < TimeSpan.FromMinutes(15)
            ? ($"due in {Span(left)}", MudBlazor.Color.Warning)
            : ($"due in {Span(left)}", MudBlazor.Color.Success);
    }

    public static string Span(TimeSpan t) =>
        t.TotalMinutes < 1 ? "<1 min"
        : t.TotalHours < 1 ? $"{(int)t.TotalMinutes} min"
        : t.TotalDays < 1 ? $"{(int)t.TotalHours} h {t.Minutes} min"
        : $"{(int)t.TotalDays} d {t.Hours} h";
}
