using System.Text;
using System.Text.RegularExpressions;

namespace Agency.Domain.Common;

public static partial class Slug
{
    public const int MaxLength = 40;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Suggests a slug for a display name: lower case ASCII letters, digits and single dashes.</summary>
    public static string From(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(ch);
            else if (char.IsWhiteSpace(ch) || ch is '-' or '_' or '.' or '&')
            {
                if (sb.Length > 0 && sb[^1] != '-')
                    sb.Append('-');
            }
        }
        var s = sb.ToString().Trim('-');
        return s.Length > MaxLength ? s[..MaxLength].Trim('-') : s;
    }
}
