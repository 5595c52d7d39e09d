using System.Globalization;
using System.Text.RegularExpressions;
using Agency.Domain.Channels;

namespace Agency.Domain.Replies;

/// <summary>How long a reply may be on each network, counted the way the network counts.</summary>
public static partial class ReplyLimits
{
    public static int MaxLength(Network network, bool isPrivate) =>
        (network, isPrivate) switch
        {
            (Network.X, false) => 280,
            (Network.X, true) => 10_000,
            (Network.Facebook, false) => 8_000,
            (Network.Facebook, true) => 2_000,
            (Network.Instagram, false) => 2_200,
            (Network.Instagram, true) => 1_000,
            _ => 2_000,
        };

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    /// <summary>
    /// The length the network sees. X weighs characters: most Latin text counts 1, other scripts
    /// (CJK, emoji) 2, and every link 23 whatever its length. Others count characters as people see them.
    /// </summary>
    public static int Length(Network network, bool isPrivate, string text)
    {
        if (network != Network.X || isPrivate)
            return new StringInfo(text).LengthInTextElements;
        var weight = 0;
        var rest = Url()
            .Replace(text, m =>
            {
                weight += 23;
                return "";
            });
        var e = StringInfo.GetTextElementEnumerator(rest);
        while (e.MoveNext())
        {
            var cp = char.ConvertToUtf32(e.GetTextElement(), 0);
            weight += cp is <= 4351 or >= 8192 and <= 8205 or >= 8208 and <= 8223 or >= 8242 and <= 8247 ? 1 : 2;
        }
        return weight;
    }

    /// <summary>Null when the text can be sent; otherwise the reason, with the limit.</summary>
    public static string? Check(Network network, bool isPrivate, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "Write a reply first.";
        var length = Length(network, isPrivate, text);
        var max = MaxLength(network, isPrivate);
        return length > max
            ? $"{Networks.Describe(network)} allows {max:N0} characters in a {(isPrivate ? "private message" : "public reply")}; this reply has {length:N0}."
            : null;
    }
}
