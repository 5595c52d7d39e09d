using Agency.Domain.Staff;

namespace Agency.Domain.Planning;

/// <summary>
/// Which languages a channel's customers write in: inbound posts of the history per detected language (ISO 639-1, "und" for
/// posts too short to tell), most first.
/// </summary>
public static class LanguageMix
{
    public const string Undetermined = Staff.Languages.Undetermined;

    /// <summary>Posts per language, most first (ties by code); a post with no language counts as undetermined.</summary>
    public static IReadOnlyList<(string Language, int Posts)> Count(IEnumerable<string?> languages) =>
        languages
            .GroupBy(l => string.IsNullOrWhiteSpace(l) ? Undetermined : l.Trim().ToLowerInvariant())
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>A language's name for people ("undetermined" for posts too short to tell).</summary>
    public static string Describe(string language) => language == Undetermined ? "undetermined" : Languages.Describe(language);

    /// <summary>"English 83 % · undetermined 13 % · Spanish 4 % · French &lt;1 %": each language's share of the posts, rounded.</summary>
    public static string Summary(IReadOnlyList<(string Language, int Posts)> mix) =>
        mix.Sum(x => x.Posts) == 0 ? "no posts" : string.Join(" · ", mix.Select(x => $"{Describe(x.Language)} {Percent(mix, x.Posts)}"));

    /// <summary>A count's share of the mix's posts as people read it: "13 %", or "&lt;1 %" for a few posts of many.</summary>
    public static string Percent(IReadOnlyList<(string Language, int Posts)> mix, int posts)
    {
        var share = 100.0 * posts / Math.Max(1, mix.Sum(x => x.Posts));
        return share is > 0 and < 0.5 ? "<1 %" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{share:0} %");
    }
}
