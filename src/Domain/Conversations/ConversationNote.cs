using System.Text.RegularExpressions;
using Agency.Domain.Common;

namespace Agency.Domain.Conversations;

/// <summary>An internal note on a conversation: never sent, never shown to brand managers.</summary>
public partial class ConversationNote : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ConversationId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    [GeneratedRegex(@"(?<![\w.])@([A-Za-z][\w.-]{1,60})")]
    private static partial Regex Mention();

    /// <summary>Names after '@' in a note (matched to staff by first name or e-mail's local part).</summary>
    public static IReadOnlyList<string> MentionsIn(string text) =>
        Mention().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>Something a person should look at: a breach, a mention, a forwarded item.</summary>
public class Notification : IAgencyOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public required string UserId { get; set; }
    public required string Text { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>Makes a repeated notification (a job run twice) a no-op.</summary>
    public required string Key { get; set; }
}
