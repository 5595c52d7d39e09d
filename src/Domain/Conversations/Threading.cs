namespace Agency.Domain.Conversations;

/// <summary>What to do with an incoming item: join a conversation (reopening it if resolved) or start one.</summary>
public abstract record ThreadingDecision
{
    public sealed record Join(Guid ConversationId, bool Reopen) : ThreadingDecision;

    /// <summary>
    /// A new conversation; in history, <paramref name="CloseFirst"/> names a long-quiet one to close at its last activity.
    /// </summary>
    public sealed record Start(Guid? CloseFirst = null) : ThreadingDecision;

    /// <summary>The brand's own broadcast (no customer involved): stored outside any conversation.</summary>
    public sealed record None : ThreadingDecision;
}

/// <summary>A conversation as threading sees it.</summary>
public sealed record ConversationState(
    Guid Id,
    ConversationStatus Status,
    DateTime? ResolvedAt,
    DateTime LastActivityAt,
    DateTime? StartedAt = null
);

/// <summary>
/// Threads posts into conversations: a reply follows its reply chain; otherwise the item joins the
/// customer's latest conversation on the same account, unless that was resolved longer ago than the
/// quiet period, in which case the customer starts a new one. Time order holds: a post older than a
/// conversation's start never joins it. Imported history has nobody resolving it, so there a conversation
/// quiet for longer than the quiet period counts as resolved at its last activity.
/// </summary>
public static class Threading
{
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromHours(24);

    public static ThreadingDecision Decide(
        DateTime itemTime,
        bool hasCustomer,
        ConversationState? parentConversation,
        ConversationState? latestWithCustomer,
        TimeSpan quietPeriod,
        bool history = false
    )
    {
        var candidate = parentConversation ?? latestWithCustomer;
        if (candidate is null)
            return hasCustomer ? new ThreadingDecision.Start() : new ThreadingDecision.None();
        if (candidate.StartedAt is { } started && itemTime < started)
            return hasCustomer ? new ThreadingDecision.Start() : new ThreadingDecision.None();
        if (candidate.Status == ConversationStatus.Open)
        {
            if (history && itemTime - candidate.LastActivityAt >= quietPeriod)
                return new ThreadingDecision.Start(CloseFirst: candidate.Id);
            return new ThreadingDecision.Join(candidate.Id, Reopen: false);
        }

        // A reply in the chain of a resolved conversation, or a return within the quiet period, reopens it.
        var resolvedAt = candidate.ResolvedAt ?? candidate.LastActivityAt;
        return itemTime - resolvedAt < quietPeriod ? new ThreadingDecision.Join(candidate.Id, Reopen: true) : new ThreadingDecision.Start();
    }
}
