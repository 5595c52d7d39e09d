using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Common;
using Agency.Domain.Routing;
using Agency.Domain.Sla;

namespace Agency.Domain.Conversations;

/// <summary>
/// Open: the brand owes an answer or a resolution. Waiting: the brand asked the customer something (resolution clock paused).
/// </summary>
public enum ConversationStatus
{
    Open = 1,
    Resolved = 2,
    WaitingOnCustomer = 3,
}

/// <summary>Whether inboxes list the conversation (stored as a number so that indexes can seek on it).</summary>
public enum QueueState
{
    Out = 0,
    In = 1,
}

/// <summary>
/// Everything one customer said to the brand on one account, and the brand's answers, until it is
/// resolved: one case, public and private messages together. A customer who comes back after the
/// quiet period starts a new conversation.
/// </summary>
public class Conversation : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ChannelAccountId { get; set; }
    public Network Network { get; set; }
    public Department Department { get; set; }
    public required string CustomerExternalId { get; set; }
    public string? CustomerHandle { get; set; }
    public string? CustomerName { get; set; }
    public ConversationStatus Status { get; set; } = ConversationStatus.Open;

    /// <summary>The customer's first post: SLA clocks start here, not at routing or forwarding.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int InboundCount { get; set; }
    public int OutboundCount { get; set; }
    public bool HasPrivateMessages { get; set; }
    public DateTime? MovedToPrivateAt { get; set; }

    // Labels of the conversation: those of its first inbound post, until a person changes them.
    public Intent? Intent { get; set; }
    public Sentiment? Sentiment { get; set; }
    public string? Language { get; set; }
    public PersonalData PersonalData { get; set; }

    // Routing.
    public bool Routed { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? AssignedStaffId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    public List<string> Tags { get; set; } = [];

    /// <summary>The routing rules that decided, for the explanation shown to people.</summary>
    public string? RoutedBy { get; set; }

    /// <summary>Spam or nothing to answer: in no queue, no SLA clock.</summary>
    public bool NoAction { get; set; }

    // Marketing-to-service forwarding.
    public bool Forwarded { get; set; }
    public DateTime? ForwardedAt { get; set; }
    public string? ForwardedBy { get; set; }
    public DateTime? SentBackAt { get; set; }
    public string? SentBackReason { get; set; }

    // SLA: the policy that applies, each target's due time, and the earliest of them for sorting.
    public Guid? SlaPolicyId { get; set; }

    /// <summary>The customer's oldest message that has no answer yet (starts the next-response clock).</summary>
    public DateTime? AwaitingReplySince { get; set; }
    public DateTime? WaitingSince { get; set; }
    public List<Pause> Pauses { get; set; } = [];
    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? NextResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public DateTime? DueAt { get; set; }

    /// <summary>Active and in a service queue: what inboxes list. Kept with the due times.</summary>
    public QueueState Queue { get; set; }

    /// <summary><see cref="DueAt"/>, or the far future when nothing is due, so the inbox sorts by one indexed column.</summary>
    public DateTime DueSort { get; set; } = NothingDue;

    public static readonly DateTime NothingDue = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>When the conversation was last saved (stamped on every save); the reporting rollups pick up changes by it.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>Incremented by every change made by people or jobs; a stale copy cannot be saved over a newer one.</summary>
    public int Version { get; set; }

    public bool IsActive => Status != ConversationStatus.Resolved && !NoAction;

    public void Record(Post post)
    {
        if (post.Direction == Direction.Inbound)
        {
            InboundCount++;
            if (InboundCount == 1 || post.CreatedAt < StartedAt)
                StartedAt = post.CreatedAt;
            if (InboundCount == 1 || Intent is null)
            {
                Intent = post.Intent;
                Sentiment = post.Sentiment;
                Language = post.Language;
            }
            PersonalData |= post.PersonalData;
            if (FirstResponseAt is not null && (AwaitingReplySince is null || post.CreatedAt < AwaitingReplySince))
                AwaitingReplySince = post.CreatedAt;
            if (Status == ConversationStatus.Resolved)
            {
                Status = ConversationStatus.Open;
                ResolvedAt = null;
            }
            else if (Status == ConversationStatus.WaitingOnCustomer)
            {
                EndWaiting(post.CreatedAt);
            }
        }
        else if (!post.IsAutomatic)
        {
            OutboundCount++;
            if (post.CreatedAt >= StartedAt && (FirstResponseAt is null || post.CreatedAt < FirstResponseAt))
                FirstResponseAt = post.CreatedAt;
            AwaitingReplySince = null;
        }
        else
        {
            OutboundCount++;
        }
        if (post.IsPrivate)
            HasPrivateMessages = true;
        if (post.CreatedAt > LastActivityAt)
            LastActivityAt = post.CreatedAt;
    }

    /// <summary>The brand waits on the customer: the resolution clock stands still until they write again.</summary>
    public void WaitOnCustomer(DateTime now)
    {
        if (Status != ConversationStatus.Open)
            throw new DomainException("Only an open conversation can wait on the customer.");
        Status = ConversationStatus.WaitingOnCustomer;
        WaitingSince = now;
        Pauses.Add(new Pause(now, null));
    }

    public void Resolve(DateTime now)
    {
        if (Status == ConversationStatus.Resolved)
            throw new DomainException("The conversation is already resolved.");
        if (Status == ConversationStatus.WaitingOnCustomer)
            EndWaiting(now);
        Status = ConversationStatus.Resolved;
        ResolvedAt = now;
    }

    /// <summary>
    /// Imported history has nobody to resolve it: a conversation quiet past the quiet period is closed at its last
    /// activity, so it counts as closed in reports and never becomes today's work.
    /// </summary>
    public void CloseAsHistory()
    {
        if (Status == ConversationStatus.Resolved)
            return;
        if (Status == ConversationStatus.WaitingOnCustomer)
            EndWaiting(LastActivityAt);
        Status = ConversationStatus.Resolved;
        ResolvedAt = LastActivityAt;
    }

    public void Reopen()
    {
        if (Status != ConversationStatus.Resolved)
            throw new DomainException("Only a resolved conversation can be reopened.");
        Status = ConversationStatus.Open;
        ResolvedAt = null;
    }

    private void EndWaiting(DateTime at)
    {
        Status = ConversationStatus.Open;
        WaitingSince = null;
        for (var i = 0; i < Pauses.Count; i++)
            if (Pauses[i].EndUtc is null)
                Pauses[i] = Pauses[i] with { EndUtc = at < Pauses[i].StartUtc ? Pauses[i].StartUtc : at };
    }
}
