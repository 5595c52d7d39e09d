using Agency.Domain.Calendars;
using Agency.Domain.Forecasting;

namespace Agency.Domain.Tests.Forecasting;

public class EventEffectsTests
{
    private const int PerWeek = 7 * 48;

    // Four weeks of a flat 10 per interval; a campaign doubled days 22-23.
    private static double[] History() => Enumerable.Range(0, 4 * PerWeek).Select(t => t / 48 is 22 or 23 ? 20.0 : 10.0).ToArray();

    [Fact]
    public void A_past_event_s_effect_is_its_volume_against_the_weeks_before()
    {
        Assert.Equal(2.0, EventEffects.Observed(History(), 22 * 48, 24 * 48, PerWeek)!.Value, 6);
        Assert.Null(EventEffects.Observed(History(), 2 * 48, 3 * 48, PerWeek)); // no week before it
    }

    [Fact]
    public void An_event_ahead_uses_the_uplift_given_else_what_past_events_of_its_kind_had()
    {
        var history = History();
        CalendarEvent past = new("Spring sale", "Campaign", 22 * 48, 24 * 48, null);
        var known = EventEffects.Resolve(
            [
                past,
                new("Summer sale", "Campaign", 30 * 48, 31 * 48, null),
                new("New phone", "Launch", 32 * 48, 33 * 48, 1.5),
                new("Unknown kind", "Outage", 34 * 48, 35 * 48, null),
            ],
            history,
            PerWeek
        );
        Assert.Equal(2.0, known.Single(k => k.Name == "Spring sale").Multiplier, 6);
        Assert.Equal(2.0, known.Single(k => k.Name == "Summer sale").Multiplier, 6);
        Assert.Equal(1.5, known.Single(k => k.Name == "New phone").Multiplier);
        Assert.DoesNotContain(known, k => k.Name == "Unknown kind"); // nothing to learn from, no uplift given: no effect
    }

    [Fact]
    public void The_regression_forecasts_the_uplift_and_is_not_thrown_by_the_past_event()
    {
        var history = History();
        var events = EventEffects.Resolve(
            [new("Spring sale", "Campaign", 22 * 48, 24 * 48, null), new("Summer sale", "Campaign", 29 * 48, 30 * 48, null)],
            history,
            PerWeek
        );
        var forecast = new SeasonalRegression(events).Fit(history, PerWeek, Seasonality.ForInterval(TimeSpan.FromMinutes(30)));
        Assert.Equal(20.0, forecast.Point[29 * 48 - 28 * 48 + 10], 1); // day 29 is the second day of the forecast
        Assert.Equal(10.0, forecast.Point[2 * 48 + 10], 1); // the past sale does not lift the same weekday ahead
    }

    [Theory]
    [InlineData("", "2026-12-01", "2026-12-02", null, "Name")]
    [InlineData("Sale", "2026-12-03", "2026-12-02", null, "LastDay")]
    [InlineData("Sale", "2026-01-01", "2026-12-02", null, "LastDay")]
    [InlineData("Sale", "2026-12-01", "2026-12-02", 50.0, "ExpectedUplift")]
    public void Bad_events_are_refused_by_field(string name, string first, string last, double? uplift, string field) =>
        Assert.True(MarketingEvent.Validate(name, DateOnly.Parse(first), DateOnly.Parse(last), uplift).ContainsKey(field));
}

public class EventsAheadTests
{
    [Fact]
    public void Models_without_events_are_scaled_by_the_events_ahead_only()
    {
        var f = new Forecast("Seasonal naive", [10, 10, 10, 10], [8, 8, 8, 8], [12, 12, 12, 12]);
        var scaled = EventEffects.ApplyAhead(f, [new KnownEvent("Sale", 98, 102, 1.5), new KnownEvent("Old", 0, 50, 3)], offset: 100);
        Assert.Equal([15, 15, 10, 10], scaled.Point);
        Assert.Equal([12, 12, 8, 8], scaled.Lower);
        Assert.Equal([18, 18, 12, 12], scaled.Upper);
    }
}
