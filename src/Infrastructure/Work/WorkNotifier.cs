using System.Collections.Concurrent;

namespace Agency.Infrastructure.Work;

/// <summary>Conversations of one brand changed (new posts, assignment, reply sent, escalation).</summary>
public sealed record WorkChanged(Guid AgencyId, Guid BrandId, IReadOnlyCollection<Guid> ConversationIds);

/// <summary>
/// Tells open workspace pages that work changed, so inboxes and conversations update without a refresh: pages in this
/// process at once, and with several servers sharing the database (<c>Jobs:Clustered</c>) the pages of the others too,
/// through <see cref="Cluster.NodeRelay"/> (<see cref="Sent"/> and <see cref="NotificationsSent"/> go out, <see cref="Deliver"/>
/// and <see cref="DeliverNotifications"/> come in).
/// </summary>
public sealed class WorkNotifier
{
    public event Action<WorkChanged>? Changed;
    public event Action<string>? NotificationsChanged;

    /// <summary>A change published here, for the other servers.</summary>
    public event Action<WorkChanged>? Sent;
    public event Action<IReadOnlyCollection<string>>? NotificationsSent;

    public void Publish(WorkChanged e)
    {
        if (e.ConversationIds.Count == 0) return;
        Changed?.Invoke(e);
        Sent?.Invoke(e);
    }

    public void PublishNotifications(IEnumerable<string> userIds)
    {
        var users = userIds.Distinct().ToList();
        if (users.Count == 0) return;
        foreach (var user in users) NotificationsChanged?.Invoke(user);
        NotificationsSent?.Invoke(users);
    }

    /// <summary>A change another server published: told to this server's pages only.</summary>
    public void Deliver(WorkChanged e)
    {
        if (e.ConversationIds.Count > 0) Changed?.Invoke(e);
    }

    public void DeliverNotifications(IEnumerable<string> userIds)
    {
        foreach (var user in userIds.Distinct()) NotificationsChanged?.Invoke(user);
    }
}

/// <summary>Who has a conversation open, and who is typing in it: the collision warning.</summary>
public sealed record Presence(string CircuitId, string UserName, bool Typing, DateTime Since);

/// <summary>
/// In-memory presence per conversation for this node. Each open conversation page registers itself
/// and removes itself when closed; typing marks expire after a few seconds without keystrokes.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock)
{
    private static readonly TimeSpan TypingLasts = TimeSpan.FromSeconds(8);
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Presence>> _byConversation = new();

    public event Action<Guid>? Changed;

    public void Enter(Guid conversationId, string circuitId, string userName) => Set(conversationId, new Presence(circuitId, userName, false, Now));

    public void Typing(Guid conversationId, string circuitId, string userName) => Set(conversationId, new Presence(circuitId, userName, true, Now));

    public void StoppedTyping(Guid conversationId, string circuitId, string userName) => Set(conversationId, new Presence(circuitId, userName, false, Now));

    public void Leave(Guid conversationId, string circuitId)
    {
        if (_byConversation.TryGetValue(conversationId, out var people) && people.TryRemove(circuitId, out _)) Changed?.Invoke(conversationId);
    }

    /// <summary>Everyone else in the conversation; typing only if they typed in the last seconds.</summary>
    public IReadOnlyList<Presence> Others(Guid conversationId, string circuitId) =>
        _byConversation.TryGetValue(conversationId, out var people)
            ? people.Values.Where(p => p.CircuitId != circuitId)
                .Select(p => p.Typing && Now - p.Since > TypingLasts ? p with { Typing = false } : p)
                .OrderBy(p => p.UserName, StringComparer.Ordinal).ToList()
            : [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Set(Guid conversationId, Presence presence)
    {
        var people = _byConversation.GetOrAdd(conversationId, _ => new ConcurrentDictionary<string, Presence>());
        var changed = !people.TryGetValue(presence.CircuitId, out var old) || old.Typing != presence.Typing;
        people[presence.CircuitId] = presence;
        if (changed) Changed?.Invoke(conversationId);
    }
}
