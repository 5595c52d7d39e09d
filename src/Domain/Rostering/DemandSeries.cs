using Agency.Domain.Channels;
using Agency.Domain.Planning;

namespace Agency.Domain.Rostering;

/// <summary>What a person may answer: their brands, channels (none: every channel) and languages (none: any language).</summary>
public sealed record PersonSkills(
    IReadOnlyCollection<Guid> Brands,
    IReadOnlyCollection<Network> Channels,
    IReadOnlyCollection<string>? Languages = null
);

/// <summary>The languages of one channel of a brand: inbound posts of the forecast's history per language (<see cref="LanguageMix"/>).</summary>
public sealed record ChannelLanguages(Guid BrandId, Network Network, IReadOnlyList<(string Language, int Posts)> Posts);

/// <summary>
/// One line of demand a roster covers: a brand; or one channel of a brand, when some of the people who serve that brand do not
/// work all its channels; or one language of those, when some of them do not speak a language its customers write in. A line is
/// a "brand" of <see cref="CoverageProblem"/>: the solver needs nothing else.
/// </summary>
/// <param name="Language">Only posts in this language (ISO 639-1); null: every language, or with <paramref name="OtherLanguages"/> the rest.</param>
/// <param name="OtherLanguages">The posts in languages without a line of their own (undetermined ones too): anyone who serves the brand and channel answers them.</param>
public sealed record DemandSeries(Guid BrandId, string Name, Network? Network, string? Language = null, bool OtherLanguages = false)
{
    /// <summary>
    /// The least share of a brand's posts a language needs to be covered apart. Below it the roster keeps nobody for that
    /// language (routing still gives its posts to someone who speaks it when one is on shift): short posts are often detected
    /// wrongly, and a line for a sliver of the volume would hold a person back for a handful of posts.
    /// </summary>
    public const double LanguageLineShare = 0.05;

    /// <summary>Whether someone with these skills may cover this line.</summary>
    public bool ServedBy(PersonSkills person) =>
        person.Brands.Contains(BrandId)
        && (Network is not { } n || person.Channels.Count == 0 || person.Channels.Contains(n))
        && (Language is not { } l || person.Languages is not { Count: > 0 } spoken || spoken.Contains(l, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether a forecast of <paramref name="brandId"/> on <paramref name="network"/> is part of this line's need.</summary>
    public bool Holds(Guid brandId, Network network) => BrandId == brandId && (Network is null || Network == network);

    /// <summary>
    /// The lines of <paramref name="brands"/>, in their order. A brand is one line (its channels' demand added up) unless one of
    /// the people who serve it works only some of the channels it has demand on: then each of those channels is a line of its own,
    /// covered only by people who work it, so that an agent who answers only X is never counted against Facebook's need. Each of
    /// those is split again by language when one of its people does not speak a language with at least
    /// <see cref="LanguageLineShare"/> of its posts: a line per such language, and one for the other languages.
    /// </summary>
    /// <param name="channels">Per brand, the channels with demand (a brand missing here has none).</param>
    /// <param name="staff">Each person's skills.</param>
    /// <param name="languages">The languages of each brand's channels (none known: no line is split by language).</param>
    /// <param name="maxLines">
    /// The most lines the search tells apart (it marks them in masks of up to 128 bits): when splitting by language would give
    /// more, no line is split by language; when splitting by channel would too, every brand stays one line.
    /// </param>
    public static IReadOnlyList<DemandSeries> For(
        IReadOnlyList<(Guid Id, string Name)> brands,
        IReadOnlyDictionary<Guid, IReadOnlyList<Network>> channels,
        IReadOnlyList<PersonSkills> staff,
        IReadOnlyList<ChannelLanguages>? languages = null,
        int maxLines = 128
    )
    {
        var byLanguage = Lines(brands, channels, staff, languages ?? []);
        if (byLanguage.Count <= maxLines)
            return byLanguage;
        var byChannel = Lines(brands, channels, staff, []);
        return byChannel.Count <= maxLines ? byChannel : brands.Select(b => new DemandSeries(b.Id, b.Name, null)).ToList();
    }

    private static List<DemandSeries> Lines(
        IReadOnlyList<(Guid Id, string Name)> brands,
        IReadOnlyDictionary<Guid, IReadOnlyList<Network>> channels,
        IReadOnlyList<PersonSkills> staff,
        IReadOnlyList<ChannelLanguages> languages
    )
    {
        var lines = new List<DemandSeries>();
        foreach (var (id, name) in brands)
        {
            var networks = channels.GetValueOrDefault(id)?.Distinct().Order().ToList() ?? [];
            var split = staff.Any(s => s.Brands.Contains(id) && s.Channels.Count > 0 && networks.Any(n => !s.Channels.Contains(n)));
            var groups = split
                ? networks.Select(n => ((Network?)n, $"{name} · {Networks.Describe(n)}")).ToList()
                : [((Network?)null, name)];
            foreach (var (network, groupName) in groups)
            {
                var line = new DemandSeries(id, groupName, network);
                var servers = staff.Where(line.ServedBy).ToList();
                var posts = languages
                    .Where(c => c.BrandId == id && (network is null ? networks.Contains(c.Network) : c.Network == network))
                    .SelectMany(c => c.Posts)
                    .GroupBy(x => x.Language, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (Language: g.Key.ToLowerInvariant(), Posts: g.Sum(x => x.Posts)))
                    .ToList();
                var total = posts.Sum(x => x.Posts);
                // Languages with enough of the posts that someone serving this line does not speak.
                var apart = posts
                    .Where(x => x.Language != LanguageMix.Undetermined && x.Posts >= LanguageLineShare * total && total > 0)
                    .Where(x =>
                        servers.Any(s =>
                            s.Languages is { Count: > 0 } spoken && !spoken.Contains(x.Language, StringComparer.OrdinalIgnoreCase)
                        )
                    )
                    .OrderByDescending(x => x.Posts)
                    .ThenBy(x => x.Language, StringComparer.Ordinal)
                    .ToList();
                if (apart.Count == 0)
                {
                    lines.Add(line);
                    continue;
                }
                lines.AddRange(
                    apart.Select(x => line with { Name = $"{groupName} · {LanguageMix.Describe(x.Language)}", Language = x.Language })
                );
                if (apart.Sum(x => x.Posts) < total)
                    lines.Add(line with { Name = $"{groupName} · other languages", OtherLanguages = true });
            }
        }
        return lines;
    }

    /// <summary>
    /// What a forecast adds to each line that holds it: the whole need to a line of every language; to a language's line the staff its
    /// share of the volume needs as a queue of its own; to the other languages' line what the rest of the volume needs, with the
    /// channel's minimum (kept by anyone). A forecast that does not know its languages goes whole to the other languages' line (or to
    /// its first line when there is none).
    /// </summary>
    /// <returns>Per line holding the forecast: the staff it needs per interval of the forecast, and the share of the forecast's volume it answers.</returns>
    public static IEnumerable<(int Line, IReadOnlyList<int> Required, double Share)> Need(
        IReadOnlyList<DemandSeries> lines,
        ForecastRun run
    )
    {
        var holding = Enumerable.Range(0, lines.Count).Where(i => lines[i].Holds(run.BrandId, run.Network)).ToList();
        if (holding.Count == 0)
            yield break;
        var byLanguage = holding.Where(i => lines[i].Language is not null).ToList();
        var rest = holding.Where(i => lines[i].OtherLanguages).Cast<int?>().FirstOrDefault();
        if (byLanguage.Count == 0 || !run.KnowsLanguages)
        {
            yield return (rest ?? holding[0], run.Required, 1);
            yield break;
        }
        var shares = byLanguage.ToDictionary(i => i, i => run.ShareOf(lines[i].Language!));
        var minimumOn = rest ?? shares.MaxBy(s => s.Value).Key;
        foreach (var i in byLanguage)
            yield return (i, run.RequiredFor(shares[i], withMinimum: i == minimumOn), shares[i]);
        var others = 1 - shares.Values.Sum();
        if (rest is { } r)
            yield return (r, run.RequiredFor(others, withMinimum: true), others);
    }
}
