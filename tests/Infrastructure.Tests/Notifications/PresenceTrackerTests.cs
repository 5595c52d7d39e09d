using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Tests.Support;

namespace Agency.Infrastructure.Tests.Notifications;

/// <summary>The collision warning's memory: who else has a conversation open here or on another server, and who is typing.</summary>
public sealed class PresenceTrackerTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private readonly ManualClock clock = new(Now);
    private readonly Guid conversation = Guid.NewGuid();

    [Fact]
    public void Colleagues_here_are_seen_viewing_and_typing_until_they_stop_or_leave()
    {
        var presence = new PresenceTracker(clock);
        var changed = new List<Guid>();
        presence.Changed += changed.Add;
        presence.Enter(conversation, "c1", "Sofia");
        presence.Enter(conversation, "c2", "Marcus");
        Assert.Equal([new Presence("c2", "Marcus", false, Now)], presence.Others(conversation, "c1"));
        Assert.Equal(["Sofia"], presence.Others(conversation, "c2").Select(p => p.UserName));

        presence.Typing(conversation, "c1", "Sofia");
        Assert.True(presence.Others(conversation, "c2").Single().Typing);
        clock.Advance(TimeSpan.FromSeconds(9)); // no keystroke for longer than a typing mark lasts
        Assert.False(presence.Others(conversation, "c2").Single().Typing);

        presence.Leave(conversation, "c1");
        Assert.Empty(presence.Others(conversation, "c2"));
        Assert.Equal(4, changed.Count); // two came, one typed, one left
        Assert.Empty(presence.Others(Guid.NewGuid(), "c2"));
    }

    [Fact]
    public void What_happens_here_goes_out_once_per_change_and_while_typing_every_few_seconds()
    {
        var presence = new PresenceTracker(clock);
        var sent = new List<PresenceSignal>();
        presence.Sent += sent.Add;
        presence.Enter(conversation, "c1", "Sofia");
        presence.Enter(conversation, "c1", "Sofia"); // the same again: nothing new
        presence.Typing(conversation, "c1", "Sofia");
        clock.Advance(TimeSpan.FromSeconds(1));
        presence.Typing(conversation, "c1", "Sofia"); // still typing, said a second ago
        clock.Advance(TimeSpan.FromSeconds(3));
        presence.Typing(conversation, "c1", "Sofia"); // still typing: said again before the other servers' mark lapses
        presence.StoppedTyping(conversation, "c1", "Sofia");
        presence.Leave(conversation, "c1");
        Assert.Equal([(false, false), (true, false), (true, false), (false, false), (false, true)], sent.Select(s => (s.Typing, s.Left)));
        Assert.All(sent, s => Assert.Equal((conversation, "c1", "Sofia"), (s.ConversationId, s.CircuitId, s.UserName)));
    }

    [Fact]
    public void Colleagues_on_another_server_come_type_and_leave_and_are_forgotten_when_their_server_falls_silent()
    {
        var presence = new PresenceTracker(clock);
        var sent = new List<PresenceSignal>();
        presence.Sent += sent.Add;
        presence.Enter(conversation, "here", "Marcus");
        presence.Deliver(new PresenceSignal(conversation, "there", "Sofia", false, false));
        Assert.Equal(["Sofia"], presence.Others(conversation, "here").Select(p => p.UserName));
        presence.Deliver(new PresenceSignal(conversation, "there", "Sofia", true, false));
        Assert.True(presence.Others(conversation, "here").Single().Typing);
        presence.Deliver(new PresenceSignal(conversation, "there", "Sofia", false, true));
        Assert.Empty(presence.Others(conversation, "here"));

        // Said again every 30 s while the page is open; silent for longer than 75 s, the server stopped.
        presence.Deliver(new PresenceSignal(conversation, "there", "Sofia", false, false));
        clock.Advance(TimeSpan.FromSeconds(60));
        presence.Deliver(new PresenceSignal(conversation, "there", "Sofia", false, false));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(presence.Others(conversation, "here"));
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Empty(presence.Others(conversation, "here"));

        // Saying this server's pages again sends only its own, never those it heard of.
        sent.Clear();
        presence.SendAll();
        Assert.Equal([("here", "Marcus")], sent.Select(s => (s.CircuitId, s.UserName)));
        Assert.Equal(["Marcus"], presence.Others(conversation, "there").Select(p => p.UserName));
    }
}
