using Agency.Domain.Auditing;
using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Routing;

/// <summary>
/// What happens to conversations after anything changes them (new posts, a reply sent, a person's
/// action, the escalation job): routing of new ones, SLA due times and outcomes, and assignment to
/// someone on shift. Works inside one brand's DbContext; the caller saves.
/// </summary>
public sealed class ConversationWork(AgencyWideReader reader, TimeProvider clock)
{
    /// <summary>Who can take work right now, read once per batch and kept current as work is handed out.</summary>
    public sealed class Staffing
    {
        public required List<Domain.Staff.StaffMember> Staff { get; init; }
        public required HashSet<Guid> OnShift { get; init; }
        public required Dictionary<Guid, HashSet<Guid>> TeamMembers { get; init; }
        public required Dictionary<Guid, AgencyWideReader.Load> Loads { get; init; }

        public bool IsOnShift(Guid staffId) => OnShift.Contains(staffId);

        public IReadOnlyList<AssignmentCandidate> Candidates(Guid brandId, Guid? teamId) =>
            Staff
                .Select(s => new AssignmentCandidate(
                    s.Id,
                    s.Name,
                    OnShift.Contains(s.Id),
                    s.ServesBrand(brandId) && (teamId is null || !TeamMembers.TryGetValue(teamId.Value, out var m) || m.Contains(s.Id)),
                    s.Channels,
                    s.Languages,
                    Loads.TryGetValue(s.Id, out var l) ? l.Open : 0,
                    s.MaxConcurrentConversations,
                    Loads.TryGetValue(s.Id, out var l2) ? l2.LastAssignedAt : null
                ))
                .ToList();

        internal void Took(Guid staffId, DateTime at) =>
            Loads[staffId] = new AgencyWideReader.Load((Loads.TryGetValue(staffId, out var l) ? l.Open : 0) + 1, at);

        internal void Released(Guid staffId)
        {
            if (Loads.TryGetValue(staffId, out var l))
                Loads[staffId] = l with { Open = Math.Max(0, l.Open - 1) };
        }
    }

    public async Task<Staffing> StaffingAsync(AgencyDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencyId = db.Tenant.AgencyId ?? throw new TenantException("Staffing is read inside an agency.");
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct);
        var onShift = await db
            .Shifts.AsNoTracking()
            .Where(s => s.IsPublished && s.StartsAt <= now && s.EndsAt > now)
            .Select(s => s.StaffMemberId)
            .ToListAsync(ct);
        var members = await db.TeamMembers.AsNoTracking().Select(m => new { m.TeamId, m.StaffMemberId }).ToListAsync(ct);
        return new Staffing
        {
            Staff = staff,
            OnShift = [.. onShift],
            TeamMembers = members.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Select(m => m.StaffMemberId).ToHashSet()),
            Loads = await reader.LoadsAsync(agencyId, ct),
        };
    }

    /// <summary>After intake stored posts: route new conversations, then bring SLA and assignment up to date.</summary>
    public async Task AfterPostsAsync(
        AgencyDbContext db,
        IReadOnlyCollection<Conversation> touched,
        IReadOnlyDictionary<Guid, Post> firstInbound,
        CancellationToken ct
    )
    {
        if (touched.Count == 0)
            return;
        var work = await BrandWork.LoadAsync(db, ct);
        Staffing? staffing = null;
        foreach (var c in touched)
        {
            if (!c.Routed && firstInbound.TryGetValue(c.Id, out var post))
                await RouteAsync(db, work, c, post, ct);
            Refresh(db, work, c);
            if (NeedsAssignee(c))
            {
                staffing ??= await StaffingAsync(db, ct);
                TryAssign(db, work, staffing, c, "routing");
            }
        }
    }

    /// <summary>Posts older than this get no automatic acknowledgement and no owner notification.</summary>
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromHours(24);

    public static bool NeedsAssignee(Conversation c) => c.IsActive && c.TeamId is not null && c.AssignedStaffId is null;

    private async Task RouteAsync(AgencyDbContext db, BrandWork work, Conversation c, Post post, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var input = new RoutingInput(
            c.Network,
            c.Department,
            post.Intent,
            post.Sentiment,
            post.Text,
            post.Language,
            post.PersonalData,
            post.AuthorFollowers,
            post.CreatedAt,
            work.Zone,
            post.Urgency
        );
        var decision = Router.Route(input, work.Rules, work.DefaultTeamId);
        c.Routed = true;
        c.Priority = decision.Priority;
        c.Tags = [.. decision.Tags];
        c.RoutedBy = decision.MatchedRules.Count == 0 ? null : Truncate(string.Join(", ", decision.MatchedRules), 500);
        // Spam needs nobody; on a service account everything else waits in the service queue.
        c.NoAction = decision.NoAction || (post.Intent == Intent.Spam && decision.TeamId is null);
        c.TeamId = c.NoAction ? null : decision.TeamId ?? (c.Department == Department.Service ? work.DefaultTeamId : null);
        if (decision.ForwardedFromMarketing && c.TeamId is not null)
        {
            c.Forwarded = true;
            c.ForwardedAt = now;
            c.ForwardedBy = "Routing";
            AuditLog.Record(
                db,
                now,
                nameof(Conversation),
                c.Id.ToString(),
                AuditAction.Forwarded,
                null,
                new { To = c.TeamId, Rules = c.RoutedBy ?? "default marketing-to-service forwarding" }
            );
        }
        // An acknowledgement or a nudge to the owner about a post written days ago (imported history) helps nobody.
        var fresh = now - post.CreatedAt < AcknowledgeWithin;
        if (fresh && decision.AutoReplyId is { } replyId && work.Replies.TryGetValue(replyId, out var reply))
            Queue(
                db,
                c,
                post,
                SavedReply.Render(reply.Text, new SavedReply.Values(c.CustomerName, c.CustomerHandle, work.Brand.Name, work.Brand.Name)),
                post.IsPrivate,
                automatic: true
            );
        if (fresh && decision.NotifyOwner)
            await NotifyOwnersAsync(
                db,
                work,
                c,
                c.Forwarded
                    ? $"Forwarded to service: @{c.CustomerHandle} on {work.Brand.Name}"
                    : $"New item for the account owner: @{c.CustomerHandle}",
                ct
            );
        c.Version++;
    }

    /// <summary>Brings the SLA policy, due times and outcomes of one conversation up to date.</summary>
    public void Refresh(AgencyDbContext db, BrandWork work, Conversation c)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        RecordOutcomes(db, c);
        var policy = c.TeamId is null || c.NoAction ? null : SlaPolicy.Choose(work.Policies, c.Network, c.Intent, c.Priority);
        c.SlaPolicyId = policy?.Id;
        SlaPlanner.Apply(c, policy is null ? SlaDue.None : SlaPlanner.Plan(c, policy.ToTargets(), work.CalendarFor(policy), now));
    }

    // A target that was running and has now stopped was met or missed; stored for reporting.
    private static void RecordOutcomes(AgencyDbContext db, Conversation c)
    {
        void Outcome(SlaTarget target, DateTime? due, DateTime? at)
        {
            if (due is not { } d || at is not { } a)
                return;
            db.SlaEvents.Add(
                new SlaEvent
                {
                    ConversationId = c.Id,
                    Target = target,
                    Kind = a <= d ? SlaEventKind.Met : SlaEventKind.Missed,
                    DueAt = d,
                    At = a,
                    TeamId = c.TeamId,
                    AssignedStaffId = c.AssignedStaffId,
                }
            );
        }
        if (c.FirstResponseAt is not null)
            Outcome(SlaTarget.FirstResponse, c.FirstResponseDueAt, c.FirstResponseAt);
        if (c.AwaitingReplySince is null && c.NextResponseDueAt is not null)
            Outcome(SlaTarget.NextResponse, c.NextResponseDueAt, c.LastActivityAt);
        if (c.Status == ConversationStatus.Resolved)
            Outcome(SlaTarget.Resolution, c.ResolutionDueAt, c.ResolvedAt);
    }

    /// <summary>Gives the conversation to the best person on shift, or leaves it in the team queue.</summary>
    public AssignmentCandidate? TryAssign(AgencyDbContext db, BrandWork work, Staffing staffing, Conversation c, string by)
    {
        var pick = Assignment.Pick(staffing.Candidates(work.Brand.Id, c.TeamId), c.Network, c.Language); // a new conversation has no BrandId until saved
        if (pick is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var before = c.AssignedStaffId;
        c.AssignedStaffId = pick.StaffId;
        c.AssignedAt = now;
        c.Version++;
        staffing.Took(pick.StaffId, now);
        AuditLog.Record(
            db,
            now,
            nameof(Conversation),
            c.Id.ToString(),
            AuditAction.Assigned,
            new { AssignedTo = before },
            new { AssignedTo = pick.Name, By = by }
        );
        return pick;
    }

    public void Unassign(AgencyDbContext db, Staffing staffing, Conversation c, string reason)
    {
        if (c.AssignedStaffId is not { } staff)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        staffing.Released(staff);
        c.AssignedStaffId = null;
        c.AssignedAt = null;
        c.Version++;
        AuditLog.Record(
            db,
            now,
            nameof(Conversation),
            c.Id.ToString(),
            AuditAction.Assigned,
            new { AssignedTo = staff },
            new { AssignedTo = (string?)null, Reason = reason }
        );
    }

    /// <summary>Stores a reply for the outbox: public replies answer the customer's latest public post, private ones go to the customer.</summary>
    public OutboundMessage Queue(AgencyDbContext db, Conversation c, Post? inReplyTo, string text, bool isPrivate, bool automatic = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboundMessage
        {
            ConversationId = c.Id,
            ChannelAccountId = c.ChannelAccountId,
            IsPrivate = isPrivate,
            InReplyToExternalId = isPrivate ? null : inReplyTo?.ExternalId,
            RecipientExternalId = c.CustomerExternalId,
            Text = text,
            CreatedAt = now,
            NextAttemptAt = now,
            SentByUserId = automatic ? null : db.Tenant.UserId,
            SentByName = automatic ? "Automatic acknowledgement" : db.Tenant.UserName,
            IsAutomatic = automatic,
        };
        db.OutboundMessages.Add(message);
        return message;
    }

    public async Task NotifyOwnersAsync(AgencyDbContext db, BrandWork work, Conversation c, string text, CancellationToken ct)
    {
        var owners = await db
            .BrandMemberships.AsNoTracking()
            .Where(m => m.BrandId == work.Brand.Id && m.Role == BrandRole.MarketingOwner)
            .Select(m => m.UserId)
            .ToListAsync(ct);
        foreach (var user in owners)
            await NotifyAsync(db, user, $"owner:{c.Id}:{c.Version}", text, LinkTo(work.Brand.Slug, c.Id), ct);
    }

    public async Task NotifyTeamLeadAsync(AgencyDbContext db, BrandWork work, Conversation c, string key, string text, CancellationToken ct)
    {
        if (c.TeamId is not { } teamId)
            return;
        var lead = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.LeadStaffMemberId).SingleOrDefaultAsync(ct);
        var user = lead is null
            ? null
            : await db.StaffMembers.AsNoTracking().Where(s => s.Id == lead).Select(s => s.UserId).SingleOrDefaultAsync(ct);
        if (user is not null)
            await NotifyAsync(db, user, key, text, LinkTo(work.Brand.Slug, c.Id), ct);
    }

    public async Task NotifyStaffAsync(AgencyDbContext db, Guid staffId, string key, string text, string link, CancellationToken ct)
    {
        var user = await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.UserId).SingleOrDefaultAsync(ct);
        if (user is not null)
            await NotifyAsync(db, user, key, text, link, ct);
    }

    /// <summary>Adds a notification once per key, so a job that runs twice does not repeat it.</summary>
    public async Task NotifyAsync(AgencyDbContext db, string userId, string key, string text, string? link, CancellationToken ct)
    {
        if (db.Notifications.Local.Any(n => n.UserId == userId && n.Key == key))
            return;
        if (await db.Notifications.AnyAsync(n => n.UserId == userId && n.Key == key, ct))
            return;
        db.Notifications.Add(
            new Notification
            {
                UserId = userId,
                Key = key,
                Text = Truncate(text, 500),
                Link = link,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
    }

    public static string LinkTo(string brandSlug, Guid conversationId) => $"b/{brandSlug}/conversations/{conversationId}";

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
