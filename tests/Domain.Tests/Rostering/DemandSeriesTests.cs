using Agency.Domain.Channels;
using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

public sealed class DemandSeriesTests
{
    private static readonly Guid Acme = Guid.NewGuid(), Globex = Guid.NewGuid();
    private static readonly List<(Guid, string)> Brands = [(Acme, "Acme"), (Globex, "Globex")];
    private static readonly Dictionary<Guid, IReadOnlyList<Network>> Channels = new()
    {
        [Acme] = [Network.Facebook, Network.X],
        [Globex] = [Network.X],
    };

    private static (IReadOnlyCollection<Guid>, IReadOnlyCollection<Network>) Person(Guid[] brands, params Network[] channels) => (brands, channels);

    [Fact]
    public void Without_channel_limits_each_brand_is_one_line_of_all_its_channels()
    {
        var lines = DemandSeries.For(Brands, Channels, [Person([Acme, Globex]), Person([Acme])]);
        Assert.Equal([new DemandSeries(Acme, "Acme", null), new DemandSeries(Globex, "Globex", null)], lines);
        Assert.True(lines[0].ServedBy([Acme], [Network.Instagram])); // a whole brand is anyone's who serves it
        Assert.False(lines[1].ServedBy([Acme], []));
    }

    [Fact]
    public void A_brand_one_of_whose_people_works_only_some_of_its_channels_is_split_by_channel()
    {
        var lines = DemandSeries.For(Brands, Channels, [Person([Acme, Globex], Network.X), Person([Acme])]);
        Assert.Equal(["Acme · X / Twitter", "Acme · Facebook", "Globex"], lines.Select(l => l.Name));
        var (x, facebook, globex) = (lines[0], lines[1], lines[2]);
        // The X-only agent covers Acme's X and all of Globex (which has demand on X alone), never Acme's Facebook.
        Assert.True(x.ServedBy([Acme, Globex], [Network.X]));
        Assert.False(facebook.ServedBy([Acme, Globex], [Network.X]));
        Assert.True(globex.ServedBy([Acme, Globex], [Network.X]));
        // Someone without channel limits covers both of Acme's lines; someone of another brand neither.
        Assert.True(x.ServedBy([Acme], []) && facebook.ServedBy([Acme], []));
        Assert.False(facebook.ServedBy([Globex], []));
    }

    [Fact]
    public void Channel_limits_that_cover_every_channel_with_demand_keep_the_brand_whole()
    {
        var lines = DemandSeries.For(Brands, Channels, [Person([Acme], Network.X, Network.Facebook), Person([Globex], Network.X)]);
        Assert.Equal(["Acme", "Globex"], lines.Select(l => l.Name));
    }

    [Fact]
    public void Past_the_lines_the_search_tells_apart_every_brand_stays_whole()
    {
        var staff = new[] { Person([Acme, Globex], Network.X) };
        Assert.Equal(3, DemandSeries.For(Brands, Channels, staff, maxLines: 3).Count);
        Assert.Equal(["Acme", "Globex"], DemandSeries.For(Brands, Channels, staff, maxLines: 2).Select(l => l.Name));
    }

    [Fact]
    public void A_brand_without_demand_is_one_empty_line()
    {
        var lines = DemandSeries.For(Brands, new Dictionary<Guid, IReadOnlyList<Network>>(), [Person([Acme], Network.X)]);
        Assert.Equal(["Acme", "Globex"], lines.Select(l => l.Name));
    }
}
