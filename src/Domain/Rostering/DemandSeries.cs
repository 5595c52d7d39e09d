using Agency.Domain.Channels;

namespace Agency.Domain.Rostering;

/// <summary>
/// One line of demand a roster covers: a brand, or one channel of a brand when some of the people who serve that brand do
/// not work all its channels. A line is a "brand" of <see cref="CoverageProblem"/>: the solver needs nothing else.
/// </summary>
public sealed record DemandSeries(Guid BrandId, string Name, Network? Network)
{
    /// <summary>Whether someone serving <paramref name="brands"/> on <paramref name="channels"/> (none: every channel) may cover this line.</summary>
    public bool ServedBy(IReadOnlyCollection<Guid> brands, IReadOnlyCollection<Network> channels) =>
        brands.Contains(BrandId) && (Network is not { } n || channels.Count == 0 || channels.Contains(n));

    /// <summary>Whether a forecast of <paramref name="brandId"/> on <paramref name="network"/> is part of this line's need.</summary>
    public bool Holds(Guid brandId, Network network) => BrandId == brandId && (Network is null || Network == network);

    /// <summary>
    /// The lines of <paramref name="brands"/>, in their order. A brand is one line (its channels' demand added up) unless one of
    /// the people who serve it works only some of the channels it has demand on: then each of those channels is a line of its own,
    /// covered only by people who work it, so that an agent who answers only X is never counted against Facebook's need.
    /// </summary>
    /// <param name="channels">Per brand, the channels with demand (a brand missing here has none).</param>
    /// <param name="staff">Each person's brands and channels (no channels: every channel).</param>
    /// <param name="maxLines">
    /// The most lines the search tells apart (it marks them in masks of up to 128 bits): when splitting would give more, every brand
    /// stays one line, as it was before channels were kept.
    /// </param>
    public static IReadOnlyList<DemandSeries> For(IReadOnlyList<(Guid Id, string Name)> brands, IReadOnlyDictionary<Guid, IReadOnlyList<Network>> channels,
        IReadOnlyList<(IReadOnlyCollection<Guid> Brands, IReadOnlyCollection<Network> Channels)> staff, int maxLines = 128)
    {
        var lines = new List<DemandSeries>();
        foreach (var (id, name) in brands)
        {
            var networks = channels.GetValueOrDefault(id) ?? [];
            var split = staff.Any(s => s.Brands.Contains(id) && s.Channels.Count > 0 && networks.Any(n => !s.Channels.Contains(n)));
            if (split) lines.AddRange(networks.Distinct().Order().Select(n => new DemandSeries(id, $"{name} · {Networks.Describe(n)}", n)));
            else lines.Add(new DemandSeries(id, name, null));
        }
        return lines.Count <= maxLines ? lines : brands.Select(b => new DemandSeries(b.Id, b.Name, null)).ToList();
    }
}
