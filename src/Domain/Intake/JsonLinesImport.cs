using System.Globalization;
using System.Text.Json;

namespace Agency.Domain.Intake;

/// <summary>One usable line of a JSON-lines import, with the brand account it belongs to.</summary>
public sealed record JsonLine(int Line, string Account, InboundItem Item);

/// <summary>
/// Agency's own import format: one JSON object per line (see docs/import-format.md):
/// <c>{"account":"AppleSupport","id":"…","author_id":"…","text":"…","created_at":"2026-11-02T09:30:00Z",
/// "in_reply_to":"…","outbound":false,"kind":"mention"}</c>. Unknown fields are ignored.
/// </summary>
public static class JsonLinesImport
{
    private static readonly Dictionary<string, PostKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["post"] = PostKind.Post,
        ["comment"] = PostKind.Comment,
        ["reply"] = PostKind.Reply,
        ["mention"] = PostKind.Mention,
        ["dm"] = PostKind.DirectMessage,
        ["message"] = PostKind.DirectMessage,
        ["review"] = PostKind.Review,
    };

    public static (List<JsonLine> Lines, List<RejectedRow> Rejected) Read(TextReader reader)
    {
        var lines = new List<JsonLine>();
        var rejected = new List<RejectedRow>();
        var number = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var (line, reason) = Parse(number, doc.RootElement);
                if (line is not null)
                    lines.Add(line);
                else
                    rejected.Add(new RejectedRow(number, reason!));
            }
            catch (JsonException ex)
            {
                rejected.Add(new RejectedRow(number, $"not valid JSON: {ex.Message}"));
            }
        }
        return (lines, rejected);
    }

    private static (JsonLine?, string?) Parse(int number, JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object)
            return (null, "the line is not a JSON object");
        string? S(string name) => MetaPayloadParser.Str(o, name);
        var account = S("account");
        if (string.IsNullOrWhiteSpace(account))
            return (null, "'account' (the brand's handle) is missing");
        var id = S("id");
        if (string.IsNullOrWhiteSpace(id))
            return (null, "'id' is missing");
        var author = S("author_id");
        if (string.IsNullOrWhiteSpace(author))
            return (null, "'author_id' is missing");
        if (!DateTimeOffset.TryParse(S("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            return (null, $"'created_at' '{S("created_at")}' is not an ISO 8601 time");
        var outbound = o.TryGetProperty("outbound", out var ob) && ob.ValueKind == JsonValueKind.True;
        var replyTo = S("in_reply_to");
        PostKind kind;
        if (S("kind") is { } k)
        {
            if (!Kinds.TryGetValue(k, out kind))
                return (null, $"'kind' '{k}' is not one of {string.Join(", ", Kinds.Keys)}");
        }
        else
            kind = replyTo is null ? PostKind.Mention : PostKind.Reply;
        return (
            new JsonLine(
                number,
                account.TrimStart('@'),
                new InboundItem
                {
                    ExternalId = id,
                    Kind = kind,
                    AuthorExternalId = author,
                    AuthorHandle = S("author_handle"),
                    AuthorName = S("author_name"),
                    Text = S("text") ?? "",
                    CreatedAt = created.UtcDateTime,
                    InReplyToExternalId = replyTo,
                    RecipientExternalId = S("recipient_id"),
                    FromAccount = outbound,
                }
            ),
            null
        );
    }
}
