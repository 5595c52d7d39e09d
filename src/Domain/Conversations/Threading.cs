namespace Agency.Domain.Conversations;

/// <summary>What to do with an incoming item: join a conversation (reopening it if resolved) or start one.</summary>
public abstract record ThreadingDecision
{
    public sealed record Join(Guid ConversationId, bool Reopen) : ThreadingDecision;

    public sealed record Start : ThreadingDecision;

    /// <summary>The brand's own broadcast (no customer involved): stored outside any conversation.</summary>
    public sealed record None : ThreadingDecision;
}

/// <summary>A conversation as threading sees it.</summary>
public sealed record ConversationState(Guid Id, ConversationStatus Status, DateTime? ResolvedAt, DateTime LastActivityAt);

/// <summary>
/// Threads posts into conversations: a reply follows its reply chain; otherwise the item joins the
/// customer's latest conversation on the same account, unless that was resolved longer ago than the
/// quiet period, in which case the customer starts a new one.
/// </summary>
public static class Threading
{
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromHours(24);

    public static ThreadingDecision Decide(
        DateTime itemTime,
        bool hasCustomer,
        ConversationState? parentConversation,
        ConversationState? latestWithCustomer,
        TimeSpan quietPeriod
    )
    {
        var candidate = parentConversation ?? latestWithCustomer;
        if (candidate is null)
            return hasCustomer ? new ThreadingDecision.Start() : new ThreadingDecision.None();
        if (candidate.Status == ConversationStatus.Open)
            return new ThreadingDecision.Join(candidate.Id, Reopen: false);

        // A reply in the chain of a resolved conversation, or a return within the quiet period, reopens it.
        var resolvedAt = candidate.ResolvedAt ?? candidate.LastActivityAt;
        return itemTime - resolvedAt < quietPeriod ? new ThreadingDecision.Join(candidate.Id, Reopen: true) : new ThreadingDecision.Start();
    }
}
