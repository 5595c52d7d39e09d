using Agency.Domain.Channels;

namespace Agency.Domain.Intake;

/// <summary>What kind of platform item a post is.</summary>
public enum PostKind
{
    Post = 1,
    Comment = 2,
    Reply = 3,
    Mention = 4,
    DirectMessage = 5,
    Review = 6,
}

/// <summary>
/// One item parsed from a platform delivery or an import row, before it is stored: neutral across
/// networks, instants in UTC.
/// </summary>
public sealed record InboundItem
{
    public required string ExternalId { get; init; }
    public required PostKind Kind { get; init; }
    public required string AuthorExternalId { get; init; }
    public string? AuthorHandle { get; init; }
    public string? AuthorName { get; init; }
    public required string Text { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The platform id of the item this one answers (tweet, comment, post).</summary>
    public string? InReplyToExternalId { get; init; }

    /// <summary>For direct messages: the other party's platform id.</summary>
    public string? RecipientExternalId { get; init; }

    /// <summary>Written by the brand's own account (a reply or an echo of a sent message).</summary>
    public bool FromAccount { get; init; }
    public int? AuthorFollowers { get; init; }
    public bool IsPrivate => Kind == PostKind.DirectMessage;
}

/// <summary>A delivery that cannot be understood; the message says what was wrong.</summary>
public sealed class PayloadException(string message) : Exception(message);

/// <summary>The result of parsing a delivery: items, and what was left aside (with why).</summary>
public sealed record ParsedDelivery(IReadOnlyList<InboundItem> Items, IReadOnlyList<string> Ignored);
