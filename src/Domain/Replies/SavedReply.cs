using System.Text.RegularExpressions;
using Agency.Domain.Channels;
using Agency.Domain.Common;

namespace Agency.Domain.Replies;

public enum SavedReplyPurpose
{
    /// <summary>Offered in the composer.</summary>
    Reply = 1,

    /// <summary>The public answer when a case moves to a private channel (one per network).</summary>
    MoveToPrivate = 2,

    /// <summary>Sent automatically by a routing rule.</summary>
    Acknowledgement = 3,
}

/// <summary>A brand's prepared answer with placeholders such as {customer.name}.</summary>
public partial class SavedReply : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public SavedReplyPurpose Purpose { get; set; } = SavedReplyPurpose.Reply;

    /// <summary>Only for this network (null = any).</summary>
    public Network? Network { get; set; }

    public static readonly IReadOnlyList<string> Placeholders = ["{customer.name}", "{customer.handle}", "{agent.name}", "{brand.name}"];

    [GeneratedRegex(@"\{[a-z]+\.[a-z]+\}")]
    private static partial Regex PlaceholderPattern();

    public sealed record Values(string? CustomerName, string? CustomerHandle, string AgentName, string BrandName);

    /// <summary>Fills the placeholders; a customer without a name is greeted by handle, or not at all.</summary>
    public static string Render(string template, Values v)
    {
        var handle = string.IsNullOrWhiteSpace(v.CustomerHandle) ? "" : "@" + v.CustomerHandle.TrimStart('@');
        var name = !string.IsNullOrWhiteSpace(v.CustomerName) ? FirstName(v.CustomerName) : handle;
        var text = template
            .Replace("{customer.name}", name, StringComparison.Ordinal)
            .Replace("{customer.handle}", handle, StringComparison.Ordinal)
            .Replace("{agent.name}", FirstName(v.AgentName), StringComparison.Ordinal)
            .Replace("{brand.name}", v.BrandName, StringComparison.Ordinal);
        return MultipleSpaces().Replace(text, " ").Replace(" ,", ",", StringComparison.Ordinal).Trim();
    }

    public static string? Validate(string title, string text) => Check(title, text)?.Message;

    /// <summary>The first problem of a reply's title or text, with the field (Title or Text) it belongs to.</summary>
    public static FieldError? Check(string title, string text)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 120)
            return new(nameof(Title), "Give the reply a title (at most 120 characters).");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
            return new(nameof(Text), "Write the reply (at most 2,000 characters).");
        var unknown = PlaceholderPattern().Matches(text).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();
        return unknown.Count > 0
            ? new(nameof(Text), $"Unknown placeholder {string.Join(", ", unknown)}; use {string.Join(", ", Placeholders)}.")
            : null;
    }

    private static string FirstName(string name) => name.Trim().Split(' ', 2)[0];

    [GeneratedRegex("[ ]{2,}")]
    private static partial Regex MultipleSpaces();
}
