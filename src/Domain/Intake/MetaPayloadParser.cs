using System.Globalization;
using System.Text.Json;

namespace Agency.Domain.Intake;

/// <summary>
/// Parses Meta Graph API webhook deliveries for one Facebook Page or Instagram professional account:
/// <c>object: "page"</c> with <c>feed</c> changes (posts and comments) and Messenger <c>messaging</c>;
/// <c>object: "instagram"</c> with <c>comments</c>, <c>mentions</c> and <c>messaging</c>. Fields not
/// used are ignored; changes that are not new content (likes, edits, removals) are listed as ignored.
/// </summary>
public static class MetaPayloadParser
{
    public static ParsedDelivery Parse(ReadOnlySpan<byte> body, string accountExternalId)
    {
        using var doc = JsonPayload.OpenObject(body);
        var root = doc.RootElement;
        var kind = Str(root, "object") ?? throw new PayloadException("The delivery has no 'object'.");
        if (kind is not ("page" or "instagram"))
            throw new PayloadException($"Object type '{kind}' is not a Page or Instagram delivery.");
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            throw new PayloadException("The delivery has no 'entry' array.");

        var items = new List<InboundItem>();
        var ignored = new List<string>();
        foreach (var entry in entries.EnumerateArray())
        {
            var entryId = Str(entry, "id");
            if (entryId != accountExternalId)
            {
                ignored.Add($"entry for account {entryId ?? "(none)"} is not for {accountExternalId}");
                continue;
            }
            var entryTime = Time(entry, "time") ?? DateTime.UnixEpoch;
            if (entry.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
                foreach (var change in changes.EnumerateArray())
                    ParseChange(kind, change, entryId, entryTime, items, ignored);
            if (entry.TryGetProperty("messaging", out var messaging) && messaging.ValueKind == JsonValueKind.Array)
                foreach (var m in messaging.EnumerateArray())
                    ParseMessage(m, entryId, items, ignored);
        }
        return new ParsedDelivery(items, ignored);
    }

    private static void ParseChange(
        string kind,
        JsonElement change,
        string accountId,
        DateTime entryTime,
        List<InboundItem> items,
        List<string> ignored
    )
    {
        var field = Str(change, "field");
        if (!change.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Object)
        {
            ignored.Add($"change '{field}' without a value");
            return;
        }
        switch (kind, field)
        {
            case ("page", "feed"):
                ParseFeed(v, accountId, entryTime, items, ignored);
                break;
            case ("instagram", "comments"):
            case ("instagram", "live_comments"):
            {
                var id = Str(v, "id") ?? throw new PayloadException("An Instagram comment has no 'id'.");
                var from = v.TryGetProperty("from", out var f) ? f : default;
                var authorId = from.ValueKind == JsonValueKind.Object ? Str(from, "id") : null;
                var media = v.TryGetProperty("media", out var md) && md.ValueKind == JsonValueKind.Object ? Str(md, "id") : null;
                items.Add(
                    new InboundItem
                    {
                        ExternalId = id,
                        Kind = PostKind.Comment,
                        AuthorExternalId = authorId ?? throw new PayloadException($"Instagram comment {id} has no author."),
                        AuthorHandle = from.ValueKind == JsonValueKind.Object ? Str(from, "username") : null,
                        Text = Str(v, "text") ?? "",
                        CreatedAt = entryTime,
                        InReplyToExternalId = Str(v, "parent_id") ?? media,
                        FromAccount = authorId == accountId,
                    }
                );
                break;
            }
            case ("instagram", "mentions"):
            {
                // The mention webhook carries only ids; the caption or comment text is read later with the Graph API.
                var commentId = Str(v, "comment_id");
                var mediaId = Str(v, "media_id") ?? throw new PayloadException("An Instagram mention has no 'media_id'.");
                items.Add(
                    new InboundItem
                    {
                        ExternalId = commentId ?? mediaId,
                        Kind = PostKind.Mention,
                        AuthorExternalId = "instagram:unknown",
                        Text = "",
                        CreatedAt = entryTime,
                        InReplyToExternalId = commentId is null ? null : mediaId,
                    }
                );
                break;
            }
            default:
                ignored.Add($"{kind} change '{field}' is not handled");
                break;
        }
    }

    private static void ParseFeed(JsonElement v, string accountId, DateTime entryTime, List<InboundItem> items, List<string> ignored)
    {
        var item = Str(v, "item");
        var verb = Str(v, "verb");
        if (verb != "add")
        {
            ignored.Add($"feed {item} '{verb}' is not new content");
            return;
        }
        var from = v.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var authorId = from.ValueKind == JsonValueKind.Object ? Str(from, "id") : Str(v, "sender_id");
        var authorName = from.ValueKind == JsonValueKind.Object ? Str(from, "name") : Str(v, "sender_name");
        var created = Time(v, "created_time") ?? entryTime;
        switch (item)
        {
            case "comment":
            {
                var id = Str(v, "comment_id") ?? throw new PayloadException("A feed comment has no 'comment_id'.");
                var postId = Str(v, "post_id");
                var parentId = Str(v, "parent_id");
                items.Add(
                    new InboundItem
                    {
                        ExternalId = id,
                        Kind = parentId is not null && parentId != postId ? PostKind.Reply : PostKind.Comment,
                        AuthorExternalId = authorId ?? throw new PayloadException($"Feed comment {id} has no author."),
                        AuthorName = authorName,
                        Text = Str(v, "message") ?? "",
                        CreatedAt = created,
                        InReplyToExternalId = parentId ?? postId,
                        FromAccount = authorId == accountId,
                    }
                );
                break;
            }
            case "post" or "status" or "photo" or "video" or "share":
            {
                var id = Str(v, "post_id") ?? throw new PayloadException($"A feed {item} has no 'post_id'.");
                items.Add(
                    new InboundItem
                    {
                        ExternalId = id,
                        Kind = PostKind.Post,
                        AuthorExternalId = authorId ?? throw new PayloadException($"Feed post {id} has no author."),
                        AuthorName = authorName,
                        Text = Str(v, "message") ?? "",
                        CreatedAt = created,
                        FromAccount = authorId == accountId,
                    }
                );
                break;
            }
            default:
                ignored.Add($"feed item '{item}' is not content");
                break;
        }
    }

    private static void ParseMessage(JsonElement m, string accountId, List<InboundItem> items, List<string> ignored)
    {
        if (!m.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            ignored.Add("messaging event without a message (delivery, read or postback)");
            return;
        }
        var sender = m.TryGetProperty("sender", out var s) ? Str(s, "id") : null;
        var recipient = m.TryGetProperty("recipient", out var r) ? Str(r, "id") : null;
        var mid = Str(message, "mid") ?? throw new PayloadException("A message has no 'mid'.");
        var echo = message.TryGetProperty("is_echo", out var e) && e.ValueKind == JsonValueKind.True;
        var fromAccount = echo || sender == accountId;
        var ms = m.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var t) ? t : 0;
        var text = Str(message, "text") ?? (message.TryGetProperty("attachments", out _) ? "(attachment)" : "");
        items.Add(
            new InboundItem
            {
                ExternalId = mid,
                Kind = PostKind.DirectMessage,
                AuthorExternalId = sender ?? throw new PayloadException($"Message {mid} has no sender."),
                Text = text,
                CreatedAt = DateTime.UnixEpoch.AddMilliseconds(ms),
                RecipientExternalId = recipient,
                InReplyToExternalId =
                    message.TryGetProperty("reply_to", out var rt) && rt.ValueKind == JsonValueKind.Object ? Str(rt, "mid") : null,
                FromAccount = fromAccount,
            }
        );
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p)
            ? p.ValueKind switch
            {
                JsonValueKind.String => p.GetString(),
                JsonValueKind.Number => p.GetRawText(),
                _ => null,
            }
            : null;

    // Meta writes created_time as Unix seconds (sometimes as an ISO string on older objects).
    private static DateTime? Time(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var p))
            return null;
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var seconds))
            return seconds > 100_000_000_000 ? DateTime.UnixEpoch.AddMilliseconds(seconds) : DateTime.UnixEpoch.AddSeconds(seconds);
        if (
            p.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
        )
            return dto.UtcDateTime;
        return null;
    }
}
