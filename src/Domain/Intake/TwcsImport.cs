using System.Globalization;

namespace Agency.Domain.Intake;

/// <summary>One usable row of a "Customer Support on Twitter" file.</summary>
public sealed record TwcsRow(
    int Line,
    string TweetId,
    string AuthorId,
    bool Inbound,
    DateTime CreatedAt,
    string Text,
    IReadOnlyList<string> ResponseTweetIds,
    string? InResponseToTweetId
);

/// <summary>A row that was not imported, and why.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>
/// Reads the layout of the public "Customer Support on Twitter" data set:
/// <c>tweet_id, author_id, inbound, created_at, text, response_tweet_id, in_response_to_tweet_id</c>.
/// Accepts True/False in any case, ids written as floats ("3.0"), several response ids separated by
/// commas, and texts with commas, quotes, line breaks and emoji.
/// </summary>
public static class TwcsImport
{
    public static readonly string[] Columns =
    [
        "tweet_id",
        "author_id",
        "inbound",
        "created_at",
        "text",
        "response_tweet_id",
        "in_response_to_tweet_id",
    ];

    public static (List<TwcsRow> Rows, List<RejectedRow> Rejected) Read(TextReader reader)
    {
        var rows = new List<TwcsRow>();
        var rejected = new List<RejectedRow>();
        int[]? index = null;
        foreach (var record in Csv.Read(reader))
        {
            if (index is null)
            {
                var header = record.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                var missing = Columns.Where(c => !header.Contains(c)).ToList();
                if (missing.Count > 0)
                    throw new PayloadException(
                        $"Line {record.Line}: the header lacks {string.Join(", ", missing)} (expected {string.Join(",", Columns)})."
                    );
                index = Columns.Select(c => header.IndexOf(c)).ToArray();
                continue;
            }
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
                continue; // blank line
            var (row, reason) = Parse(record, index);
            if (row is not null)
                rows.Add(row);
            else
                rejected.Add(new RejectedRow(record.Line, reason!));
        }
        if (index is null)
            throw new PayloadException("The file is empty: expected a header line and rows.");
        return (rows, rejected);
    }

    private static (TwcsRow?, string?) Parse(Csv.Record r, int[] index)
    {
        if (r.Fields.Count < Columns.Length)
            return (null, $"expected {Columns.Length} columns, found {r.Fields.Count}");
        string F(int column) => r.Fields[index[column]].Trim();

        var tweetId = Id(F(0));
        if (tweetId is null)
            return (null, $"tweet_id '{F(0)}' is not a number");
        var author = F(1);
        if (author.Length == 0)
            return (null, "author_id is empty");
        bool? inbound = F(2).ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };
        if (inbound is null)
            return (null, $"inbound '{F(2)}' is not True or False");
        var created = Intake.XPayloadParser.ParseTwitterDate(F(3));
        if (created is null)
            return (null, $"created_at '{F(3)}' is not a date like 'Tue Oct 31 22:10:47 +0000 2017'");
        var responses = F(5).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Id).ToList();
        if (responses.Any(x => x is null))
            return (null, $"response_tweet_id '{F(5)}' holds something other than ids");
        string? inResponseTo = null;
        if (F(6).Length > 0)
        {
            inResponseTo = Id(F(6));
            if (inResponseTo is null)
                return (null, $"in_response_to_tweet_id '{F(6)}' is not a number");
        }
        // The data set keeps X's HTML escaping (&amp; &gt; &lt;); people read the plain text.
        var text = System.Net.WebUtility.HtmlDecode(r.Fields[index[4]]);
        return (new TwcsRow(r.Line, tweetId, author, inbound.Value, created.Value, text, responses!, inResponseTo), null);
    }

    /// <summary>Tweet ids as digits; "3.0" (a float written by a data frame) is 3.</summary>
    public static string? Id(string value)
    {
        if (value.Length == 0)
            return null;
        if (value.All(char.IsAsciiDigit))
            return value.TrimStart('0') is { Length: > 0 } s ? s : "0";
        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d == decimal.Truncate(d)
            ? decimal.Truncate(d).ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// Which brand handle a row belongs to: a brand's own tweet by its author; a customer's tweet by
    /// the brand in its reply chain, then by the brand that answered it, then by the first known handle mentioned.
    /// </summary>
    public static string? HandleOf(TwcsRow row, IReadOnlyDictionary<string, TwcsRow> byId, ISet<string> knownHandles)
    {
        if (!row.Inbound)
            return knownHandles.Contains(row.AuthorId) ? row.AuthorId : null;
        var current = row;
        for (
            var depth = 0;
            depth < 50 && current.InResponseToTweetId is { } parentId && byId.TryGetValue(parentId, out var parent);
            depth++
        )
        {
            if (!parent.Inbound)
                return knownHandles.Contains(parent.AuthorId) ? parent.AuthorId : null;
            current = parent;
        }
        foreach (var id in row.ResponseTweetIds)
            if (byId.TryGetValue(id, out var response) && !response.Inbound && knownHandles.Contains(response.AuthorId))
                return response.AuthorId;
        foreach (var word in row.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word[0] != '@')
                continue;
            var handle = new string(word[1..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
            var match = knownHandles.FirstOrDefault(h => string.Equals(h, handle, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
                return match;
        }
        return null;
    }

    public static InboundItem ToItem(TwcsRow row, string handle, TimeSpan shift) =>
        new()
        {
            ExternalId = row.TweetId,
            Kind = row.InResponseToTweetId is null ? PostKind.Mention : PostKind.Reply,
            AuthorExternalId = row.AuthorId,
            AuthorHandle = row.Inbound ? null : handle,
            Text = row.Text,
            CreatedAt = row.CreatedAt + shift,
            InReplyToExternalId = row.InResponseToTweetId,
            FromAccount = !row.Inbound,
        };
}
