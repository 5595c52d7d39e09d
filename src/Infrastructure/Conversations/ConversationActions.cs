using Agency.Domain.Auditing;
using Agency.Domain.Classification;
using Agency.Domain.Common;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Replies;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Conversations;

/// <summary>How an action on a conversation ended; messages are fit to show.</summary>
public sealed record WorkResult(
    bool Ok,
    string? Error = null,
    string? Field = null,
    bool Stale = false,
    bool NeedsConfirmation = false,
    int Version = 0
)
{
    public static WorkResult Done(int version) => new(true, Version: version);

    public static WorkResult Invalid(string field, string error) => new(false, error, field);

    public static WorkResult Refused(string error) => new(false, error);

    public static WorkResult Changed(string error) => new(false, error, Stale: true);

    public static WorkResult Confirm(string error) => new(false, error, NeedsConfirmation: true);
}

/// <summary>
/// What people do to a conversation. Each action runs in the conversation's brand, checks that the
/// person acted on the current version (a stale view is refused, never saved over newer work), and
/// leaves an audit entry.
/// </summary>
public sealed class ConversationActions(
    DatabaseSetup database,
    ConversationWork work,
    WorkNotifier notifier,
    OutboxSignal outbox,
    TimeProvider clock
)
{
    public sealed record ReplyInput(string Text, bool IsPrivate, bool PersonalDataConfirmed = false, bool SendDespiteChanges = false);

    public Task<WorkResult> ReplyAsync(
        TenantScope brand,
        Guid conversationId,
        int seenVersion,
        ReplyInput input,
        CancellationToken ct = default
    ) =>
        RunAsync(
            brand,
            conversationId,
            seenVersion,
            allowNewerPosts: input.SendDespiteChanges,
            async (db, c, w) =>
            {
                var text = input.Text.Trim();
                if (ReplyLimits.Check(c.Network, input.IsPrivate, text) is { } tooLong)
                    return WorkResult.Invalid("Text", tooLong);
                if (
                    !input.IsPrivate
                    && !input.PersonalDataConfirmed
                    && PersonalDataDetector.Detect(text, []) is var pd
                    && pd != PersonalData.None
                )
                    return WorkResult.Confirm(
                        $"This public reply contains personal data ({pd}). Everyone can read it. Send it in public anyway, or move the case to private."
                    );
                var latest = await LatestInboundAsync(db, c.Id, input.IsPrivate, ct);
                work.Queue(db, c, latest, text, input.IsPrivate);
                return null;
            },
            ct
        );

    /// <summary>Answers in public with the network's move-to-private template and continues in a private message: one case.</summary>
    public Task<WorkResult> MoveToPrivateAsync(
        TenantScope brand,
        Guid conversationId,
        int seenVersion,
        string privateText,
        CancellationToken ct = default
    ) =>
        RunAsync(
            brand,
            conversationId,
            seenVersion,
            allowNewerPosts: false,
            async (db, c, w) =>
            {
                var text = privateText.Trim();
                if (ReplyLimits.Check(c.Network, true, text) is { } problem)
                    return WorkResult.Invalid("Text", problem);
                var template = w
                    .Replies.Values.Where(r =>
                        r.Purpose == SavedReplyPurpose.MoveToPrivate && (r.Network is null || r.Network == c.Network)
                    )
                    .OrderByDescending(r => r.Network is not null)
                    .FirstOrDefault();
                if (template is null)
                    return WorkResult.Refused(
                        $"This brand has no move-to-private template for {Domain.Channels.Networks.Describe(c.Network)}: add one under Saved replies."
                    );
                var latest = await LatestInboundAsync(db, c.Id, isPrivate: false, ct);
                var values = new SavedReply.Values(c.CustomerName, c.CustomerHandle, db.Tenant.UserName ?? "", w.Brand.Name);
                if (latest is not null)
                    work.Queue(db, c, latest, SavedReply.Render(template.Text, values), isPrivate: false);
                work.Queue(db, c, null, text, isPrivate: true);
                c.MovedToPrivateAt = Now;
                return null;
            },
            ct
        );

    public Task<WorkResult> AddNoteAsync(TenantScope brand, Guid conversationId, string text, CancellationToken ct = default) =>
        RunAsync(
            brand,
            conversationId,
            null,
            allowNewerPosts: true,
            async (db, c, w) =>
            {
                text = text.Trim();
                if (text.Length is 0 or > 4000)
                    return WorkResult.Invalid("Note", "Write a note (at most 4,000 characters).");
                db.ConversationNotes.Add(
                    new ConversationNote
                    {
                        ConversationId = c.Id,
                        AuthorUserId = db.Tenant.UserId,
                        AuthorName = db.Tenant.UserName ?? "",
                        Text = text,
                        CreatedAt = Now,
                    }
                );
                var mentions = ConversationNote.MentionsIn(text);
                if (mentions.Count > 0)
                {
                    var staff = await db
                        .StaffMembers.AsNoTracking()
                        .Where(s => s.UserId != null)
                        .Select(s => new
                        {
                            s.Id,
                            s.Name,
                            s.Email,
                        })
                        .ToListAsync(ct);
                    foreach (var s in staff.Where(s => mentions.Any(m => Mentioned(m, s.Name, s.Email))))
                        await work.NotifyStaffAsync(
                            db,
                            s.Id,
                            $"mention:{c.Id}:{Now.Ticks}",
                            $"{db.Tenant.UserName} mentioned you on @{c.CustomerHandle}: {text}",
                            ConversationWork.LinkTo(w.Brand.Slug, c.Id),
                            ct
                        );
                }
                AuditLog.Record(
                    db,
                    Now,
                    nameof(Conversation),
                    c.Id.ToString(),
                    AuditAction.NoteAdded,
                    null,
                    new { Mentions = string.Join(", ", mentions) }
                );
                return null;
            },
            ct
        );

    public Task<WorkResult> ResolveAsync(TenantScope brand, Guid id, int seenVersion, CancellationToken ct = default) =>
        StatusAsync(brand, id, seenVersion, c => c.Resolve(Now), ct);

    public Task<WorkResult> ReopenAsync(TenantScope brand, Guid id, int seenVersion, CancellationToken ct = default) =>
        StatusAsync(brand, id, seenVersion, c => c.Reopen(), ct);

    public Task<WorkResult> WaitOnCustomerAsync(TenantScope brand, Guid id, int seenVersion, CancellationToken ct = default) =>
        StatusAsync(brand, id, seenVersion, c => c.WaitOnCustomer(Now), ct);

    /// <summary>A lead hands the conversation to someone (or back to the team queue with null).</summary>
    public Task<WorkResult> AssignAsync(TenantScope brand, Guid id, int seenVersion, Guid? staffId, CancellationToken ct = default) =>
        RunAsync(
            brand,
            id,
            seenVersion,
            allowNewerPosts: true,
            async (db, c, w) =>
            {
                var name = staffId is null
                    ? null
                    : await db
                        .StaffMembers.AsNoTracking()
                        .Where(s => s.Id == staffId && s.IsActive)
                        .Select(s => s.Name)
                        .SingleOrDefaultAsync(ct);
                if (staffId is not null && name is null)
                    return WorkResult.Invalid("Assignee", "Choose an active member of staff.");
                var before = c.AssignedStaffId;
                c.AssignedStaffId = staffId;
                c.AssignedAt = staffId is null ? null : Now;
                AuditLog.Record(
                    db,
                    Now,
                    nameof(Conversation),
                    c.Id.ToString(),
                    AuditAction.Assigned,
                    new { AssignedTo = before },
                    new { AssignedTo = name, By = db.Tenant.UserName }
                );
                if (staffId is { } s)
                    await work.NotifyStaffAsync(
                        db,
                        s,
                        $"assigned:{c.Id}:{Now.Ticks}",
                        $"{db.Tenant.UserName} gave you @{c.CustomerHandle} ({w.Brand.Name})",
                        ConversationWork.LinkTo(w.Brand.Slug, c.Id),
                        ct
                    );
                return null;
            },
            ct
        );

    /// <summary>Marketing forwards an item to the brand's service team by hand; the SLA clock still starts at the customer's post.</summary>
    public Task<WorkResult> ForwardAsync(TenantScope brand, Guid id, CancellationToken ct = default) =>
        RunAsync(
            brand,
            id,
            null,
            allowNewerPosts: true,
            async (db, c, w) =>
            {
                if (c.TeamId is not null)
                    return WorkResult.Refused("This item is already with service.");
                if (w.DefaultTeamId is null)
                    return WorkResult.Refused("No service team serves this brand yet: add the brand to a team first.");
                c.TeamId = w.DefaultTeamId;
                c.NoAction = false;
                c.Forwarded = true;
                c.ForwardedAt = Now;
                c.ForwardedBy = db.Tenant.UserName;
                c.SentBackAt = null;
                c.SentBackReason = null;
                AuditLog.Record(
                    db,
                    Now,
                    nameof(Conversation),
                    c.Id.ToString(),
                    AuditAction.Forwarded,
                    null,
                    new { To = c.TeamId, By = db.Tenant.UserName }
                );
                work.Refresh(db, w, c);
                work.TryAssign(db, w, await work.StaffingAsync(db, ct), c, "forward");
                return null;
            },
            ct
        );

    /// <summary>Service sends an item that is not for service back to the account's owners, with the reason.</summary>
    public Task<WorkResult> SendBackAsync(TenantScope brand, Guid id, int seenVersion, string reason, CancellationToken ct = default) =>
        RunAsync(
            brand,
            id,
            seenVersion,
            allowNewerPosts: true,
            async (db, c, w) =>
            {
                reason = reason.Trim();
                if (reason.Length is 0 or > 500)
                    return WorkResult.Invalid("Reason", "Say why this is not for service (at most 500 characters).");
                if (c.Department != Domain.Channels.Department.Marketing)
                    return WorkResult.Refused("Only items from marketing-owned accounts can be sent back.");
                var staffing = await work.StaffingAsync(db, ct);
                work.Unassign(db, staffing, c, "sent back to marketing");
                c.TeamId = null;
                c.SentBackAt = Now;
                c.SentBackReason = reason;
                AuditLog.Record(db, Now, nameof(Conversation), c.Id.ToString(), AuditAction.SentBack, null, new { Reason = reason });
                await work.NotifyOwnersAsync(db, w, c, $"Sent back by service: @{c.CustomerHandle}: {reason}", ct);
                return null;
            },
            ct
        );

    public async Task<WorkResult> RetryAsync(TenantScope brand, Guid messageId, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var message = await db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null)
            return WorkResult.Refused("The reply was not found.");
        if (message.Status != OutboundStatus.Failed)
            return WorkResult.Refused("Only a failed reply can be retried.");
        message.Retry(Now);
        await db.SaveChangesAsync(ct);
        outbox.Pulse();
        return WorkResult.Done(0);
    }

    private Task<WorkResult> StatusAsync(TenantScope brand, Guid id, int seenVersion, Action<Conversation> change, CancellationToken ct) =>
        RunAsync(
            brand,
            id,
            seenVersion,
            allowNewerPosts: false,
            (db, c, w) =>
            {
                var before = c.Status;
                try
                {
                    change(c);
                }
                catch (DomainException ex)
                {
                    return Task.FromResult<WorkResult?>(WorkResult.Refused(ex.Message));
                }
                AuditLog.Record(
                    db,
                    Now,
                    nameof(Conversation),
                    c.Id.ToString(),
                    AuditAction.StatusChanged,
                    new { Status = before.ToString() },
                    new { Status = c.Status.ToString() }
                );
                return Task.FromResult<WorkResult?>(null);
            },
            ct
        );

    // Loads the conversation in its brand, refuses stale work, runs the action, brings SLA up to date and saves.
    private async Task<WorkResult> RunAsync(
        TenantScope brand,
        Guid id,
        int? seenVersion,
        bool allowNewerPosts,
        Func<AgencyDbContext, Conversation, BrandWork, Task<WorkResult?>> action,
        CancellationToken ct
    )
    {
        await using var db = database.Create(brand);
        var c = await db.Conversations.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return WorkResult.Refused("The conversation was not found.");
        if (seenVersion is { } seen && seen != c.Version && !allowNewerPosts)
            return WorkResult.Changed(await WhatChangedAsync(db, c, ct));
        var w = await BrandWork.LoadAsync(db, ct);
        if (await action(db, c, w) is { } refused)
            return refused;
        c.Version++;
        work.Refresh(db, w, c);
        var notified = db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.UserId).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkResult.Changed(
                "Someone else changed this conversation a moment ago. Reload it to see what changed; nothing was saved."
            );
        }
        if (db.ChangeTracker.Entries<OutboundMessage>().Any())
            outbox.Pulse();
        notifier.Publish(new WorkChanged(c.AgencyId, c.BrandId, [c.Id]));
        notifier.PublishNotifications(notified);
        return WorkResult.Done(c.Version);
    }

    private static async Task<string> WhatChangedAsync(AgencyDbContext db, Conversation c, CancellationToken ct)
    {
        // Someone else's reply is news; one's own reply going out is not.
        var me = db.Tenant.UserId;
        var lastReply = await db
            .OutboundMessages.AsNoTracking()
            .Where(m => m.ConversationId == c.Id && !m.IsAutomatic && (me == null || m.SentByUserId != me))
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.SentByName, m.CreatedAt })
            .FirstOrDefaultAsync(ct);
        var who = lastReply is null ? "" : $" {lastReply.SentByName} replied at {lastReply.CreatedAt:HH:mm} UTC.";
        return $"This conversation changed since you opened it.{who} Review it before you act.";
    }

    private static Task<Post?> LatestInboundAsync(AgencyDbContext db, Guid conversationId, bool isPrivate, CancellationToken ct) =>
        db
            .Posts.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.Direction == Direction.Inbound && p.IsPrivate == isPrivate)
            .OrderByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(ct);

    private static bool Mentioned(string mention, string name, string email) =>
        string.Equals(mention, name.Split(' ')[0], StringComparison.OrdinalIgnoreCase)
        || string.Equals(mention, name.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
        || string.Equals(mention, email.Split('@')[0], StringComparison.OrdinalIgnoreCase);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
