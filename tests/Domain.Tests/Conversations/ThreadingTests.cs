using Agency.Domain.Conversations;

namespace Agency.Domain.Tests.Conversations;

public class ThreadingTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(24);

    private static ConversationState Open(Guid id) => new(id, ConversationStatus.Open, null, T0);

    private static ConversationState Resolved(Guid id, DateTime at) => new(id, ConversationStatus.Resolved, at, at);

    [Fact]
    public void A_first_post_from_a_customer_starts_a_conversation() =>
        Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0, hasCustomer: true, null, null, Quiet));

    [Fact]
    public void A_brand_broadcast_belongs_to_no_conversation() =>
        Assert.IsType<ThreadingDecision.None>(Threading.Decide(T0, hasCustomer: false, null, null, Quiet));

    [Fact]
    public void A_reply_follows_its_chain_even_when_the_customer_has_a_newer_conversation()
    {
        var chain = Guid.NewGuid();
        var join = Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0, true, Open(chain), Open(Guid.NewGuid()), Quiet));
        Assert.Equal(chain, join.ConversationId);
        Assert.False(join.Reopen);
    }

    [Fact]
    public void A_new_post_joins_the_customer_s_open_conversation()
    {
        var open = Guid.NewGuid();
        Assert.Equal(
            open,
            Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0.AddDays(3), true, null, Open(open), Quiet)).ConversationId
        );
    }

    [Fact]
    public void A_return_within_the_quiet_period_reopens_the_resolved_conversation()
    {
        var id = Guid.NewGuid();
        var join = Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0.AddHours(23), true, null, Resolved(id, T0), Quiet));
        Assert.True(join.Reopen);
        Assert.Equal(id, join.ConversationId);
    }

    [Fact]
    public void A_return_after_the_quiet_period_starts_a_new_conversation()
    {
        Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0.AddHours(24), true, null, Resolved(Guid.NewGuid(), T0), Quiet));
        Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0.AddDays(2), true, Resolved(Guid.NewGuid(), T0), null, Quiet));
    }

    [Fact]
    public void An_older_post_never_joins_a_newer_conversation()
    {
        var live = new ConversationState(Guid.NewGuid(), ConversationStatus.Open, null, T0, StartedAt: T0);
        Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0.AddYears(-9), true, null, live, Quiet));
        Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0.AddMinutes(-1), true, live, null, Quiet));
        Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0.AddMinutes(1), true, null, live, Quiet));
    }

    [Fact]
    public void In_history_a_conversation_quiet_past_the_quiet_period_is_closed_and_a_new_one_starts()
    {
        var id = Guid.NewGuid();
        var open = new ConversationState(id, ConversationStatus.Open, null, T0, StartedAt: T0.AddHours(-1));
        var start = Assert.IsType<ThreadingDecision.Start>(Threading.Decide(T0.AddDays(3), true, null, open, Quiet, history: true));
        Assert.Equal(id, start.CloseFirst);
        Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0.AddHours(23), true, null, open, Quiet, history: true));
        // Live intake leaves an open conversation to the people working it.
        Assert.IsType<ThreadingDecision.Join>(Threading.Decide(T0.AddDays(3), true, null, open, Quiet));
    }

    [Fact]
    public void Closing_as_history_resolves_at_the_last_activity()
    {
        var c = new Conversation
        {
            CustomerExternalId = "1",
            StartedAt = T0,
            LastActivityAt = T0.AddHours(2),
        };
        c.WaitOnCustomer(T0.AddHours(1));
        c.CloseAsHistory();
        Assert.Equal((ConversationStatus.Resolved, T0.AddHours(2)), (c.Status, c.ResolvedAt));
        Assert.All(c.Pauses, p => Assert.NotNull(p.EndUtc));
    }

    [Fact]
    public void A_conversation_keeps_its_start_at_the_customer_s_first_post_and_its_first_answer()
    {
        var c = new Conversation
        {
            CustomerExternalId = "1",
            StartedAt = T0,
            LastActivityAt = T0,
        };
        c.Record(
            new Post
            {
                ExternalId = "a",
                AuthorExternalId = "1",
                Text = "help",
                CreatedAt = T0.AddMinutes(5),
                Direction = Direction.Inbound,
            }
        );
        c.Record(
            new Post
            {
                ExternalId = "b",
                AuthorExternalId = "brand",
                Text = "on it",
                CreatedAt = T0.AddMinutes(20),
                Direction = Direction.Outbound,
            }
        );
        c.Record(
            new Post
            {
                ExternalId = "c",
                AuthorExternalId = "brand",
                Text = "done",
                CreatedAt = T0.AddMinutes(40),
                Direction = Direction.Outbound,
            }
        );
        Assert.Equal(T0.AddMinutes(5), c.StartedAt);
        Assert.Equal(T0.AddMinutes(20), c.FirstResponseAt);
        Assert.Equal(T0.AddMinutes(40), c.LastActivityAt);
        Assert.Equal((1, 2), (c.InboundCount, c.OutboundCount));
    }
}
