using System.Text;
using Agency.Domain.Intake;

namespace Agency.Domain.Tests.Intake;

public class MetaParserTests
{
    private static ParsedDelivery Parse(string json, string account = Fixtures.PageId) =>
        MetaPayloadParser.Parse(Encoding.UTF8.GetBytes(json), account);

    [Fact]
    public void A_feed_comment_becomes_a_comment_on_its_post()
    {
        var item = Assert.Single(Parse(Fixtures.FacebookFeedComment).Items);
        Assert.Equal("122104587_998877665", item.ExternalId);
        Assert.Equal(PostKind.Comment, item.Kind);
        Assert.Equal("5821034471234567", item.AuthorExternalId);
        Assert.Equal("Jamie Rivera", item.AuthorName);
        Assert.Equal("104520178829391_122104587", item.InReplyToExternalId);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1730000000), item.CreatedAt);
        Assert.Contains("#A-22817", item.Text);
        Assert.False(item.FromAccount);
    }

    [Fact]
    public void A_reply_to_a_comment_points_at_the_comment()
    {
        var item = Assert.Single(Parse(Fixtures.FacebookFeedReplyToComment).Items);
        Assert.Equal(PostKind.Reply, item.Kind);
        Assert.Equal("122104587_998877665", item.InReplyToExternalId);
    }

    [Fact]
    public void A_visitor_post_is_a_post()
    {
        var item = Assert.Single(Parse(Fixtures.FacebookVisitorPost).Items);
        Assert.Equal(PostKind.Post, item.Kind);
        Assert.Equal("104520178829391_555", item.ExternalId);
        Assert.Null(item.InReplyToExternalId);
    }

    [Fact]
    public void Reactions_and_edits_are_set_aside_with_a_reason()
    {
        var parsed = Parse(Fixtures.FacebookLikeAndEdit);
        Assert.Empty(parsed.Items);
        Assert.Equal(2, parsed.Ignored.Count);
    }

    [Fact]
    public void A_Messenger_message_is_a_private_message_from_the_customer()
    {
        var item = Assert.Single(Parse(Fixtures.MessengerMessage).Items);
        Assert.Equal(PostKind.DirectMessage, item.Kind);
        Assert.True(item.IsPrivate);
        Assert.Equal("7001234567890123", item.AuthorExternalId);
        Assert.Equal(Fixtures.PageId, item.RecipientExternalId);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1730000400123), item.CreatedAt);
        Assert.False(item.FromAccount);
    }

    [Fact]
    public void An_echo_is_the_page_s_own_message_and_read_receipts_are_ignored()
    {
        var parsed = Parse(Fixtures.MessengerEchoAndRead);
        var item = Assert.Single(parsed.Items);
        Assert.True(item.FromAccount);
        Assert.Equal("7001234567890123", item.RecipientExternalId);
        Assert.Single(parsed.Ignored);
    }

    [Fact]
    public void Instagram_comments_mentions_and_messages_are_read()
    {
        var comment = Assert.Single(Parse(Fixtures.InstagramComment, Fixtures.InstagramId).Items);
        Assert.Equal(PostKind.Comment, comment.Kind);
        Assert.Equal("test.user", comment.AuthorHandle);
        Assert.Equal("123123123", comment.InReplyToExternalId);

        var mention = Assert.Single(Parse(Fixtures.InstagramMention, Fixtures.InstagramId).Items);
        Assert.Equal(PostKind.Mention, mention.Kind);
        Assert.Equal("17894227972186120", mention.ExternalId);

        var message = Assert.Single(Parse(Fixtures.InstagramMessage, Fixtures.InstagramId).Items);
        Assert.Equal(PostKind.DirectMessage, message.Kind);
        Assert.Equal("My card was charged twice", message.Text);
    }

    [Fact]
    public void Entries_for_another_account_are_not_taken()
    {
        var parsed = Parse(Fixtures.FacebookFeedComment, account: "999");
        Assert.Empty(parsed.Items);
        Assert.Contains(parsed.Ignored, i => i.Contains("not for 999"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"entry\":[]}")]
    [InlineData("{\"object\":\"user\",\"entry\":[]}")]
    [InlineData("{\"object\":\"page\"}")]
    public void Malformed_deliveries_are_refused_with_a_reason(string json)
    {
        var error = Assert.Throws<PayloadException>(() => Parse(json));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Unknown_extra_fields_are_accepted()
    {
        var json = Fixtures.FacebookFeedComment.Replace(
            "\"verb\":\"add\"",
            "\"verb\":\"add\",\"brand_new_field\":{\"x\":[1,2]}",
            StringComparison.Ordinal
        );
        Assert.Single(Parse(json).Items);
    }
}

public class XParserTests
{
    private static ParsedDelivery Parse(string json, string account = Fixtures.XUserId) =>
        XPayloadParser.Parse(Encoding.UTF8.GetBytes(json), account);

    [Fact]
    public void A_mention_is_read_with_its_author_and_time()
    {
        var item = Assert.Single(Parse(Fixtures.XMention).Items);
        Assert.Equal("930465498211397632", item.ExternalId);
        Assert.Equal(PostKind.Mention, item.Kind);
        Assert.Equal("115712", item.AuthorExternalId);
        Assert.Equal("patmorgan", item.AuthorHandle);
        Assert.Equal(1532, item.AuthorFollowers);
        Assert.Equal(new DateTime(2017, 10, 31, 22, 10, 47, DateTimeKind.Utc), item.CreatedAt);
        Assert.False(item.FromAccount);
    }

    [Fact]
    public void The_account_s_own_reply_is_outbound_and_points_at_the_tweet()
    {
        var item = Assert.Single(Parse(Fixtures.XOwnReply).Items);
        Assert.True(item.FromAccount);
        Assert.Equal(PostKind.Reply, item.Kind);
        Assert.Equal("930465498211397632", item.InReplyToExternalId);
    }

    [Fact]
    public void A_long_tweet_uses_its_full_text()
    {
        var item = Assert.Single(Parse(Fixtures.XExtendedTweet).Items);
        Assert.EndsWith("after 3 days", item.Text);
    }

    [Fact]
    public void A_direct_message_is_private_and_named_from_the_users_map()
    {
        var item = Assert.Single(Parse(Fixtures.XDirectMessage).Items);
        Assert.Equal(PostKind.DirectMessage, item.Kind);
        Assert.Equal("patmorgan", item.AuthorHandle);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1516403560557), item.CreatedAt);
    }

    [Fact]
    public void Likes_are_not_content()
    {
        var parsed = Parse(Fixtures.XFavoriteOnly);
        Assert.Empty(parsed.Items);
        Assert.Contains(parsed.Ignored, i => i.Contains("favorite_events"));
    }

    [Fact]
    public void A_delivery_for_another_user_is_refused()
    {
        Assert.Throws<PayloadException>(() => Parse(Fixtures.XMention, account: "42"));
    }

    [Theory]
    [InlineData("Tue Oct 31 22:10:47 +0000 2017", 2017, 10, 31, 22)]
    [InlineData("Wed Nov 01 08:00:00 +0100 2017", 2017, 11, 1, 7)]
    public void Twitter_dates_are_read_to_utc(string value, int y, int m, int d, int h) =>
        Assert.Equal(
            new DateTime(y, m, d, h, value.Contains("22:10") ? 10 : 0, value.Contains("22:10") ? 47 : 0, DateTimeKind.Utc),
            XPayloadParser.ParseTwitterDate(value)
        );
}
