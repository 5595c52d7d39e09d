using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Domain.Staffing;

namespace Agency.Domain.Tests.Planning;

public sealed class LanguageMixTests
{
    [Fact]
    public void Posts_are_counted_per_language_most_first_and_posts_without_one_are_undetermined()
    {
        var mix = LanguageMix.Count(["en", "es", "EN", null, "und", " ", "en", "de", "es"]);
        Assert.Equal([("en", 3), ("und", 3), ("es", 2), ("de", 1)], mix);
        Assert.Equal("English 33 % · undetermined 33 % · Spanish 22 % · German 11 %", LanguageMix.Summary(mix));
        Assert.Equal("no posts", LanguageMix.Summary(LanguageMix.Count([])));
        // One post of three hundred is not "0 %".
        var many = LanguageMix.Count([.. Enumerable.Repeat("en", 299), "fr"]);
        Assert.Equal("English 100 % · French <1 %", LanguageMix.Summary(many));
    }

    private static ForecastRun Run(double[] point, params (string, int)[] languages) =>
        new()
        {
            Network = Network.X,
            Model = "Test",
            IntervalMinutes = 60,
            Point = [.. point],
            LanguageCodes = [.. languages.Select(l => l.Item1)],
            LanguagePosts = [.. languages.Select(l => l.Item2)],
            AverageHandlingMinutes = 6,
            Concurrency = 3,
            ServiceLevel = 0.8,
            TargetMinutes = 60,
            Shrinkage = 0.3,
            MinimumStaff = 2,
        };

    [Fact]
    public void A_share_of_the_volume_is_staffed_by_the_plan_the_forecast_was_made_with()
    {
        var point = new double[] { 0, 30, 90, 60, 0, 0 };
        var run = Run(point, ("en", 75), ("es", 25));
        Assert.True(run.KnowsLanguages);
        Assert.Equal(0.25, run.ShareOf("ES"));
        Assert.Equal(0, run.ShareOf("fr"));
        var work = new AsyncWork(TimeSpan.FromHours(1), TimeSpan.FromMinutes(6), 3, 0.8, TimeSpan.FromMinutes(60), 0.3);
        Assert.Equal(StaffRequirement.Required(point, work), run.RequiredFor(1, withMinimum: false));
        Assert.Equal(StaffRequirement.Required(point.Select(v => v * 0.25).ToList(), work), run.RequiredFor(0.25, withMinimum: false));
        // The channel's minimum, when asked for, holds in quiet intervals too.
        Assert.Equal(2, run.RequiredFor(0.25, withMinimum: true)[0]);
        Assert.Equal(0, run.RequiredFor(0.25, withMinimum: false)[0]);
        Assert.True(run.RequiredFor(0.25, withMinimum: false)[2] < run.RequiredFor(1, withMinimum: false)[2]);
    }

    [Fact]
    public void A_forecast_stored_before_languages_were_kept_does_not_know_them_and_cannot_be_split()
    {
        var old = new ForecastRun
        {
            Network = Network.X,
            Model = "Test",
            IntervalMinutes = 60,
            Point = [10],
            Required = [3],
        };
        Assert.False(old.KnowsLanguages);
        Assert.Throws<InvalidOperationException>(() => old.RequiredFor(0.5, withMinimum: false));
        Assert.False(Run([10]).KnowsLanguages); // no posts: no languages
    }
}
