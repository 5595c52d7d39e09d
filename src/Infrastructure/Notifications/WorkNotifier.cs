using System.Collections.Concurrent;

namespace Agency.Infrastructure.Notifications;

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
        if (e.ConversationIds.Count == 0)
            return;
        Changed?.Invoke(e);
        Sent?.Invoke(e);
    }

    public void PublishNotifications(IEnumerable<string> userIds)
    {
        var users = userIds.Distinct().ToList();
        if (users.Count == 0)
            return;
        foreach (var user in users)
            NotificationsChanged?.Invoke(user);
        NotificationsSent?.Invoke(users);
    }

    /// <summary>A change another server published: told to this server's pages only.</summary>
    public void Deliver(WorkChanged e)
    {
        if (e.ConversationIds.Count > 0)
            Changed?.Invoke(e);
    }

    public void DeliverNotifications(IEnumerable<string> userIds)
    {
        foreach (var user in userIds.Distinct())
            NotificationsChanged?.Invoke(user);
    }
}

/// <summary>Who has a conversation open, and who is typing in it: the collision warning.</summary>
public sealed record Presence(string CircuitId, string UserName, bool Typing, DateTime Since);

/// <summary>A page's presence in a conversation, as one server tells the others: there (typing or not), or gone.</summary>
public sealed record PresenceSignal(Guid ConversationId, string CircuitId, string UserName, bool Typing, bool Left);

/// <summary>
/// Presence per conversation. Each open conversation page registers itself and removes itself when closed; typing marks
/// expire after a few seconds without keystrokes. With several servers (<see cref="Cluster.NodeRelay"/>) what this server's
/// pages do goes out as <see cref="Sent"/> (a change, while typing at most every few seconds, and every page again at each
/// <see cref="SendAll"/>), and the other servers' pages come in through <see cref="Deliver"/>; a colleague on another server
/// is forgotten <see cref="RemoteLasts"/> after their server last said they are there (it stopped, or the page closed unheard).
/// </summary>
public sealed class PresenceTracker(TimeProvider clock)
{
    private static readonly TimeSpan TypingLasts = TimeSpan.FromSeconds(8);

    /// <summary>How often a page still typing is said again to the other servers (well within <see cref="TypingLasts"/>).</summary>
    private static readonly TimeSpan TypingResent = TimeSpan.FromSeconds(3);

    /// <summary>How long a page on another server counts as there without hearing from its server (which says so every 30 s).</summary>
    public static readonly TimeSpan RemoteLasts = TimeSpan.FromSeconds(75);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Presence>> _byConversation = new();

    // Pages on other servers (by circuit) and when their server last spoke of them; pages here, when they were last sent.
    private readonly ConcurrentDictionary<string, DateTime> _remote = new();
    private readonly ConcurrentDictionary<string, DateTime> _sent = new();

    public event Action<Guid>? Changed;

    /// <summary>A presence of a page here, for the other servers.</summary>
    public event Action<PresenceSignal>? Sent;

    public void Enter(Guid conversationId, string circuitId, string userName) =>
        Set(conversationId, new Presence(circuitId, userName, false, Now));

    public void Typing(Guid conversationId, string circuitId, string userName) =>
        Set(conversationId, new Presence(circuitId, userName, true, Now));

    public void StoppedTyping(Guid conversationId, string circuitId, string userName) =>
        Set(conversationId, new Presence(circuitId, userName, false, Now));

    public void Leave(Guid conversationId, string circuitId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var people) || !people.TryRemove(circuitId, out var gone))
            return;
        _sent.TryRemove(circuitId, out _);
        Changed?.Invoke(conversationId);
        Sent?.Invoke(new PresenceSignal(conversationId, circuitId, gone.UserName, false, true));
    }

    /// <summary>Everyone else in the conversation; typing only if they typed in the last seconds.</summary>
    public IReadOnlyList<Presence> Others(Guid conversationId, string circuitId) =>
        _byConversation.TryGetValue(conversationId, out var people)
            ? people
                .Values.Where(p => p.CircuitId != circuitId && !Lapsed(p.CircuitId))
                .Select(p => p.Typing && Now - p.Since > TypingLasts ? p with { Typing = false } : p)
                .OrderBy(p => p.UserName, StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>A page on another server came, typed, stopped or left (told by <see cref="Cluster.NodeRelay"/>).</summary>
    public void Deliver(PresenceSignal signal)
    {
        var people = _byConversation.GetOrAdd(signal.ConversationId, _ => new ConcurrentDictionary<string, Presence>());
        if (signal.Left)
        {
            _remote.TryRemove(signal.CircuitId, out _);
            if (people.TryRemove(signal.CircuitId, out _))
                Changed?.Invoke(signal.ConversationId);
            return;
        }
        var lapsed = Lapsed(signal.CircuitId);
        _remote[signal.CircuitId] = Now;
        var changed = lapsed || !people.TryGetValue(signal.CircuitId, out var old) || old.Typing != signal.Typing;
        people[signal.CircuitId] = new Presence(signal.CircuitId, signal.UserName, signal.Typing, Now);
        if (changed)
            Changed?.Invoke(signal.ConversationId);
    }

    /// <summary>Says every page here again, so that the other servers keep them (called every 30 s by the relay).</summary>
    public void SendAll()
    {
        foreach (var (conversationId, people) in _byConversation)
        foreach (var p in people.Values)
            if (!_remote.ContainsKey(p.CircuitId))
            {
                _sent[p.CircuitId] = Now;
                Sent?.Invoke(new PresenceSignal(conversationId, p.CircuitId, p.UserName, p.Typing && Now - p.Since <= TypingLasts, false));
            }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool Lapsed(string circuitId) => _remote.TryGetValue(circuitId, out var heard) && Now - heard > RemoteLasts;

    private void Set(Guid conversationId, Presence presence)
    {
        var people = _byConversation.GetOrAdd(conversationId, _ => new ConcurrentDictionary<string, Presence>());
        var changed = !people.TryGetValue(presence.CircuitId, out var old) || old.Typing != presence.Typing;
        people[presence.CircuitId] = presence;
        if (changed)
            Changed?.Invoke(conversationId);
        // The other servers hear of a change, and of someone still typing every few seconds (their typing mark would lapse).
        var resend = presence.Typing && (!_sent.TryGetValue(presence.CircuitId, out var last) || Now - last >= TypingResent);
        if (!changed && !resend)
            return;
        _sent[presence.CircuitId] = Now;
        Sent?.Invoke(new PresenceSignal(conversationId, presence.CircuitId, presence.UserName, presence.Typing, false));
    }
}
