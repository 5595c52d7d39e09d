using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;

namespace Agency.Domain.Tests.Replies;

public class RepliesTests
{
    [Theory]
    [InlineData(Network.X, false, 280)]
    [InlineData(Network.X, true, 10_000)]
    [InlineData(Network.Facebook, true, 2_000)]
    [InlineData(Network.Instagram, false, 2_200)]
    public void Each_network_has_its_limit(Network network, bool isPrivate, int max)
    {
        Assert.Null(ReplyLimits.Check(network, isPrivate, new string('a', max)));
        Assert.Contains($"{max:N0}", ReplyLimits.Check(network, isPrivate, new string('a', max + 1)));
    }

    [Fact]
    public void X_counts_links_as_23_and_wide_characters_as_2()
    {
        Assert.Equal(23 + 1 + 5, ReplyLimits.Length(Network.X, false, "https://example.com/a/very/long/path/that/is/longer/than/23 hello"));
        Assert.Equal(4, ReplyLimits.Length(Network.X, false, "日本"));
        Assert.Equal(2, ReplyLimits.Length(Network.X, false, "👍"));
        Assert.Equal(1, ReplyLimits.Length(Network.Facebook, false, "👍"));
        Assert.Equal("Write a reply first.", ReplyLimits.Check(Network.X, false, "  "));
    }

    [Fact]
    public void Placeholders_are_filled_and_a_missing_name_falls_back_to_the_handle()
    {
        var text = "Hi {customer.name}, {agent.name} from {brand.name} here.";
        Assert.Equal("Hi Pat, Ana from Acme here.", SavedReply.Render(text, new("Pat Morgan", "patmorgan", "Ana Silva", "Acme")));
        Assert.Equal("Hi @patmorgan, Ana from Acme here.", SavedReply.Render(text, new(null, "patmorgan", "Ana Silva", "Acme")));
        Assert.Equal("Hi, Ana from Acme here.", SavedReply.Render(text, new(null, null, "Ana Silva", "Acme")));
        Assert.Contains("{order.id}", SavedReply.Validate("Order", "Your order {order.id}"));
        Assert.Null(SavedReply.Validate("Hello", "Hi {customer.name}"));
    }

    [Fact]
    public void A_failed_send_is_retried_with_growing_waits_then_stops_and_can_be_retried_by_hand()
    {
        var at = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        var m = new OutboundMessage { Text = "hi", NextAttemptAt = at };
        m.MarkFailed("503", retryable: true, at);
        Assert.Equal((OutboundStatus.Queued, at.AddSeconds(15)), (m.Status, m.NextAttemptAt));
        m.MarkFailed("503", retryable: true, at);
        Assert.Equal(at.AddSeconds(30), m.NextAttemptAt);
        m.MarkFailed("400 bad", retryable: false, at);
        Assert.Equal(OutboundStatus.Failed, m.Status);
        m.Retry(at);
        Assert.Equal((OutboundStatus.Queued, 0), (m.Status, m.Attempts));
        Assert.Throws<Common.DomainException>(() => m.Retry(at));
    }

    [Fact]
    public void Mentions_in_notes_are_found_but_not_e_mail_addresses()
    {
        Assert.Equal(["ana", "bob.stone"], ConversationNote.MentionsIn("@ana can you check with @bob.stone? (mail pat@example.com)"));
    }

    [Fact]
    public void Status_changes_follow_the_rules()
    {
        var at = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        var c = new Conversation
        {
            CustomerExternalId = "1",
            StartedAt = at,
            LastActivityAt = at,
        };
        Assert.Throws<Common.DomainException>(() => c.Reopen());
        c.WaitOnCustomer(at);
        Assert.Throws<Common.DomainException>(() => c.WaitOnCustomer(at));
        c.Resolve(at.AddHours(1));
        Assert.Equal(at.AddHours(1), Assert.Single(c.Pauses).EndUtc);
        Assert.Throws<Common.DomainException>(() => c.Resolve(at));
        c.Reopen();
        Assert.Equal(ConversationStatus.Open, c.Status);
    }
}
