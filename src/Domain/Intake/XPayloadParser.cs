using System.Globalization;
using System.Text.Json;

namespace Agency.Domain.Intake;

/// <summary>
/// Parses X Account Activity API deliveries for one subscribed user (<c>for_user_id</c>):
/// <c>tweet_create_events</c> (mentions, replies, the account's own tweets) and
/// <c>direct_message_events</c> (<c>message_create</c>). Other event arrays (favorites, follows) are ignored.
/// </summary>
public static class XPayloadParser
{
    public const string TwitterDateFormat = "ddd MMM dd HH:mm:ss zzz yyyy";

    public static ParsedDelivery Parse(ReadOnlySpan<byte> body, string accountExternalId)
    {
        using var doc = JsonPayload.OpenObject(body);
        var root = doc.RootElement;
        var forUser = MetaPayloadParser.Str(root, "for_user_id") ?? throw new PayloadException("The delivery has no 'for_user_id'.");
        if (forUser != accountExternalId)
            throw new PayloadException($"The delivery is for user {forUser}, not for {accountExternalId}.");

        var items = new List<InboundItem>();
        var ignored = new List<string>();
        if (root.TryGetProperty("tweet_create_events", out var tweets) && tweets.ValueKind == JsonValueKind.Array)
            foreach (var t in tweets.EnumerateArray())
                items.Add(ParseTweet(t, accountExternalId));
        if (root.TryGetProperty("direct_message_events", out var dms) && dms.ValueKind == JsonValueKind.Array)
        {
            var users = root.TryGetProperty("users", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
            foreach (var dm in dms.EnumerateArray())
            {
                if (MetaPayloadParser.Str(dm, "type") != "message_create")
                {
                    ignored.Add($"direct message event of type '{MetaPayloadParser.Str(dm, "type")}'");
                    continue;
                }
                items.Add(ParseDirectMessage(dm, users, accountExternalId));
            }
        }
        foreach (var p in root.EnumerateObject())
            if (p.Name.EndsWith("_events", StringComparison.Ordinal) && p.Name is not ("tweet_create_events" or "direct_message_events"))
                ignored.Add($"'{p.Name}' is not content");
        return new ParsedDelivery(items, ignored);
    }

    private static InboundItem ParseTweet(JsonElement t, string accountId)
    {
        var id = MetaPayloadParser.Str(t, "id_str") ?? MetaPayloadParser.Str(t, "id") ?? throw new PayloadException("A tweet has no id.");
        var user =
            t.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object
                ? u
                : throw new PayloadException($"Tweet {id} has no user.");
        var authorId = MetaPayloadParser.Str(user, "id_str")
            ?? MetaPayloadParser.Str(user, "id")
            ?? throw new PayloadException($"Tweet {id} has no author id.");
        var text =
            t.TryGetProperty("extended_tweet", out var ext) && MetaPayloadParser.Str(ext, "full_text") is { } full
                ? full
                : MetaPayloadParser.Str(t, "full_text") ?? MetaPayloadParser.Str(t, "text") ?? "";
        var replyTo = MetaPayloadParser.Str(t, "in_reply_to_status_id_str");
        return new InboundItem
        {
            ExternalId = id,
            Kind = replyTo is null ? PostKind.Mention : PostKind.Reply,
            AuthorExternalId = authorId,
            AuthorHandle = MetaPayloadParser.Str(user, "screen_name"),
            AuthorName = MetaPayloadParser.Str(user, "name"),
            AuthorFollowers = user.TryGetProperty("followers_count", out var fc) && fc.TryGetInt32(out var n) ? n : null,
            // X's v1.1 payloads HTML-escape &, < and > in text.
            Text = System.Net.WebUtility.HtmlDecode(text),
            CreatedAt = ParseTwitterDate(MetaPayloadParser.Str(t, "created_at"))
                ?? throw new PayloadException($"Tweet {id} has no valid created_at."),
            InReplyToExternalId = replyTo,
            FromAccount = authorId == accountId,
        };
    }

    private static InboundItem ParseDirectMessage(JsonElement dm, JsonElement users, string accountId)
    {
        var id = MetaPayloadParser.Str(dm, "id") ?? throw new PayloadException("A direct message has no id.");
        var create =
            dm.TryGetProperty("message_create", out var mc) && mc.ValueKind == JsonValueKind.Object
                ? mc
                : throw new PayloadException($"Direct message {id} has no message_create.");
        var sender = MetaPayloadParser.Str(create, "sender_id") ?? throw new PayloadException($"Direct message {id} has no sender.");
        var recipient = create.TryGetProperty("target", out var target) ? MetaPayloadParser.Str(target, "recipient_id") : null;
        var text = create.TryGetProperty("message_data", out var data) ? MetaPayloadParser.Str(data, "text") ?? "" : "";
        var ms = long.TryParse(
            MetaPayloadParser.Str(dm, "created_timestamp"),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var v
        )
            ? v
            : 0;
        var senderUser = users.ValueKind == JsonValueKind.Object && users.TryGetProperty(sender, out var su) ? su : default;
        return new InboundItem
        {
            ExternalId = id,
            Kind = PostKind.DirectMessage,
            AuthorExternalId = sender,
            AuthorHandle = senderUser.ValueKind == JsonValueKind.Object ? MetaPayloadParser.Str(senderUser, "screen_name") : null,
            AuthorName = senderUser.ValueKind == JsonValueKind.Object ? MetaPayloadParser.Str(senderUser, "name") : null,
            Text = text,
            CreatedAt = DateTime.UnixEpoch.AddMilliseconds(ms),
            RecipientExternalId = recipient,
            FromAccount = sender == accountId,
        };
    }

    /// <summary>X's v1.1 date form, as in <c>Tue Oct 31 22:10:47 +0000 2017</c>.</summary>
    public static DateTime? ParseTwitterDate(string? value) =>
        value is not null
        && DateTimeOffset.TryParseExact(
            value,
            TwitterDateFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces,
            out var dto
        )
            ? dto.UtcDateTime
            : null;
}
