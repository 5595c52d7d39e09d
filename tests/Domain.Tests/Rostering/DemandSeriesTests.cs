using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Domain.Rostering;

namespace Agency.Domain.Tests.Rostering;

public sealed class DemandSeriesTests
{
    private static readonly Guid Acme = Guid.NewGuid(),
        Globex = Guid.NewGuid();
    private static readonly List<(Guid, string)> Brands = [(Acme, "Acme"), (Globex, "Globex")];
    private static readonly Dictionary<Guid, IReadOnlyList<Network>> Channels = new()
    {
        [Acme] = [Network.Facebook, Network.X],
        [Globex] = [Network.X],
    };

    private static PersonSkills Person(Guid[] brands, params Network[] channels) => new(brands, channels);

    [Fact]
    public void Without_channel_limits_each_brand_is_one_line_of_all_its_channels()
    {
        var lines = DemandSeries.For(Brands, Channels, [Person([Acme, Globex]), Person([Acme])]);
        Assert.Equal([new DemandSeries(Acme, "Acme", null), new DemandSeries(Globex, "Globex", null)], lines);
        Assert.True(lines[0].ServedBy(Person([Acme], Network.Instagram))); // a whole brand is anyone's who serves it
        Assert.False(lines[1].ServedBy(Person([Acme])));
    }

    [Fact]
    public void A_brand_one_of_whose_people_works_only_some_of_its_channels_is_split_by_channel()
    {
        var lines = DemandSeries.For(Brands, Channels, [Person([Acme, Globex], Network.X), Person([Acme])]);
        Assert.Equal(["Acme · X / Twitter", "Acme · Facebook", "Globex"], lines.Select(l => l.Name));
        var (x, facebook, globex) = (lines[0], lines[1], lines[2]);
        // The X-only agent covers Acme's X and all of Globex (which has demand on X alone), never Acme's Facebook.
        Assert.True(x.ServedBy(Person([Acme, Globex], Network.X)));
        Assert.False(facebook.ServedBy(Person([Acme, Globex], Network.X)));
        Assert.True(globex.ServedBy(Person([Acme, Globex], Network.X)));
        // Someone without channel limits covers both of Acme's lines; someone of another brand neither.
        Assert.True(x.ServedBy(Person([Acme])) && facebook.ServedBy(Person([Acme])));
        Assert.False(facebook.ServedBy(Person([Globex])));
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

    // Acme's X posts: 70 English, 20 Spanish, 6 undetermined, 4 German (under the 5 % a language needs for a line of its own).
    private static readonly ChannelLanguages AcmeX = new(Acme, Network.X, [("en", 70), ("es", 20), ("und", 6), ("de", 4)]);

    private static PersonSkills Speaker(Guid[] brands, params string[] languages) => new(brands, [], languages);

    [Fact]
    public void A_brand_one_of_whose_people_does_not_speak_a_language_of_its_customers_is_split_by_language()
    {
        var lines = DemandSeries.For(Brands, Channels, [Speaker([Acme], "en"), Speaker([Acme, Globex], "en", "es")], [AcmeX]);
        Assert.Equal(["Acme · Spanish", "Acme · other languages", "Globex"], lines.Select(l => l.Name));
        var (spanish, other) = (lines[0], lines[1]);
        Assert.Equal(("es", false), (spanish.Language, spanish.OtherLanguages));
        Assert.Equal((null, true), (other.Language, other.OtherLanguages));
        // Only Spanish speakers (or people with no languages listed) cover the Spanish line; anyone of the brand the rest.
        Assert.False(spanish.ServedBy(Speaker([Acme], "en")));
        Assert.True(spanish.ServedBy(Speaker([Acme], "EN", "ES")));
        Assert.True(spanish.ServedBy(Person([Acme])));
        Assert.True(other.ServedBy(Speaker([Acme], "en")));
        Assert.True(other.ServedBy(Speaker([Acme], "es")));
    }

    [Fact]
    public void Every_language_someone_lacks_gets_its_line_and_the_rest_goes_to_the_other_languages()
    {
        // A Spanish-only agent lacks English, an English-only one Spanish: both have lines, most posts first.
        var lines = DemandSeries.For(Brands, Channels, [Speaker([Acme], "en"), Speaker([Acme], "es")], [AcmeX]);
        Assert.Equal(["Acme · English", "Acme · Spanish", "Acme · other languages", "Globex"], lines.Select(l => l.Name));
    }

    [Fact]
    public void Languages_everyone_speaks_small_shares_and_undetermined_posts_split_nothing()
    {
        Assert.Equal(
            ["Acme", "Globex"],
            DemandSeries.For(Brands, Channels, [Speaker([Acme], "en", "es"), Person([Acme])], [AcmeX]).Select(l => l.Name)
        );
        // German is 4 % of the posts: nobody is held back for it, even if nobody speaks it.
        Assert.Equal(
            ["Acme", "Globex"],
            DemandSeries.For(Brands, Channels, [Speaker([Acme], "en", "es", "fr")], [AcmeX]).Select(l => l.Name)
        );
        // No languages known: as before.
        Assert.Equal(["Acme", "Globex"], DemandSeries.For(Brands, Channels, [Speaker([Acme], "en")]).Select(l => l.Name));
    }

    [Fact]
    public void Without_other_languages_no_line_is_left_for_them()
    {
        var onlyTwo = new ChannelLanguages(Acme, Network.X, [("en", 60), ("es", 40)]);
        var lines = DemandSeries.For(Brands, Channels, [Speaker([Acme], "en"), Speaker([Acme], "es")], [onlyTwo]);
        Assert.Equal(["Acme · English", "Acme · Spanish", "Globex"], lines.Select(l => l.Name));
    }

    [Fact]
    public void Channels_split_first_and_each_channel_by_the_languages_of_its_own_posts()
    {
        // The X-only agent speaks English only; Acme's Facebook posts are all English, its X posts partly Spanish.
        var facebook = new ChannelLanguages(Acme, Network.Facebook, [("en", 50)]);
        var lines = DemandSeries.For(
            Brands,
            Channels,
            [new PersonSkills([Acme, Globex], [Network.X], ["en"]), Speaker([Acme], "en", "es")],
            [AcmeX, facebook]
        );
        Assert.Equal(
            ["Acme · X / Twitter · Spanish", "Acme · X / Twitter · other languages", "Acme · Facebook", "Globex"],
            lines.Select(l => l.Name)
        );
        Assert.Equal([Network.X, Network.X, Network.Facebook], lines.Take(3).Select(l => l.Network));
    }

    [Fact]
    public void Past_the_lines_the_search_tells_apart_languages_are_left_whole_first()
    {
        var staff = new[] { new PersonSkills([Acme, Globex], [Network.X], ["en"]), Speaker([Acme], "es") };
        Assert.Equal(5, DemandSeries.For(Brands, Channels, staff, [AcmeX], maxLines: 5).Count);
        Assert.Equal(
            ["Acme · X / Twitter", "Acme · Facebook", "Globex"],
            DemandSeries.For(Brands, Channels, staff, [AcmeX], maxLines: 4).Select(l => l.Name)
        );
        Assert.Equal(["Acme", "Globex"], DemandSeries.For(Brands, Channels, staff, [AcmeX], maxLines: 2).Select(l => l.Name));
    }

    private static ForecastRun Run(int[] required, double[] point, (string, int)[] languages) =>
        new()
        {
            BrandId = Acme,
            Network = Network.X,
            Model = "Test",
            IntervalMinutes = 60,
            Required = [.. required],
            Point = [.. point],
            LanguageCodes = [.. languages.Select(l => l.Item1)],
            LanguagePosts = [.. languages.Select(l => l.Item2)],
            AverageHandlingMinutes = 6,
            Concurrency = 3,
            ServiceLevel = 0.8,
            TargetMinutes = 60,
            Shrinkage = 0.3,
            MinimumStaff = 1,
        };

    [Fact]
    public void A_language_line_needs_the_staff_its_share_of_the_volume_needs_and_the_other_languages_keep_the_minimum()
    {
        var lines = DemandSeries.For(Brands, Channels, [Speaker([Acme], "en"), Speaker([Acme], "en", "es")], [AcmeX]);
        // 100 posts an hour at 6 minutes, 3 at once: 10 agents busy, 15 with 30 % shrinkage; 20 % of that is Spanish.
        var run = Run([15, 15], [100, 100], [("en", 70), ("es", 20), ("und", 6), ("de", 4)]);
        var need = DemandSeries.Need(lines, run).ToDictionary(x => lines[x.Line].Name, x => x.Required);
        Assert.Equal([0.2, 0.8], DemandSeries.Need(lines, run).Select(x => Math.Round(x.Share, 6)));
        Assert.Equal(["Acme · Spanish", "Acme · other languages"], need.Keys);
        Assert.Equal(run.RequiredFor(0.2, withMinimum: false), need["Acme · Spanish"]);
        Assert.Equal(run.RequiredFor(0.8, withMinimum: true), need["Acme · other languages"]);
        Assert.True(need["Acme · Spanish"][1] is > 0 and < 15);
        // A queue of its own: the parts together need at least the whole.
        Assert.True(need["Acme · Spanish"][1] + need["Acme · other languages"][1] >= run.RequiredFor(1, withMinimum: false)[1]);
    }

    [Fact]
    public void A_forecast_that_does_not_know_its_languages_goes_whole_to_the_other_languages()
    {
        var lines = DemandSeries.For(Brands, Channels, [Speaker([Acme], "en"), Speaker([Acme], "en", "es")], [AcmeX]);
        var old = Run([4, 5], [10, 12], []);
        var (line, required, share) = Assert.Single(DemandSeries.Need(lines, old));
        Assert.Equal("Acme · other languages", lines[line].Name);
        Assert.Equal([4, 5], required);
        Assert.Equal(1, share);
        // A line of every language takes the forecast's need as it is.
        var whole = DemandSeries.For(Brands, Channels, [Person([Acme])]);
        Assert.Equal([4, 5], Assert.Single(DemandSeries.Need(whole, Run([4, 5], [10, 12], [("en", 1)]))).Required);
    }
}
