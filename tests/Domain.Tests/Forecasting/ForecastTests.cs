using Agency.Domain.Forecasting;

namespace Agency.Domain.Tests.Forecasting;

public class ForecastTests
{
    private static readonly Seasonality HalfHours = Seasonality.ForInterval(TimeSpan.FromMinutes(30));

    // A series with a known shape: busy afternoons, quiet nights, weekends at 60 %, a trend and seeded noise.
    private static double[] Synthetic(int weeks, double trendPerWeek, double noise, int seed = 1)
    {
        var random = new Random(seed);
        var values = new double[weeks * HalfHours.PerWeek];
        for (var t = 0; t < values.Length; t++)
        {
            var slot = t % HalfHours.PerDay;
            var dayOfWeek = t / HalfHours.PerDay % 7;
            var daily = 20 + 15 * Math.Sin(Math.PI * slot / HalfHours.PerDay) + (slot is >= 28 and < 36 ? 10 : 0);
            var weekly = dayOfWeek >= 5 ? 0.6 : 1.0;
            var trend = 1 + trendPerWeek * t / HalfHours.PerWeek;
            values[t] = daily * weekly * trend + noise * (random.NextDouble() - 0.5) * 2;
        }
        return values;
    }

    [Fact]
    public void The_interval_must_divide_a_day()
    {
        Assert.Equal(new Seasonality(48, 336), HalfHours);
        Assert.Equal(new Seasonality(96, 672), Seasonality.ForInterval(TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentException>(() => Seasonality.ForInterval(TimeSpan.FromMinutes(7)));
    }

    [Fact]
    public void Wape_and_bias_are_shares_of_volume()
    {
        var a = Accuracy.Of([10, 10, 0], [12, 8, 0]);
        Assert.Equal(0.2, a.Wape, 9);
        Assert.Equal(0.0, a.Bias, 9);
        Assert.Equal(0.1, Accuracy.Of([10, 10], [11, 11]).Bias, 9);
    }

    [Fact]
    public void Seasonal_naive_repeats_last_week_exactly()
    {
        var series = Synthetic(3, 0, 0);
        var f = new SeasonalNaive().Fit(series.Take(2 * HalfHours.PerWeek).ToList(), HalfHours.PerWeek, HalfHours);
        Assert.Equal(0, Accuracy.Of(series.Skip(2 * HalfHours.PerWeek).ToList(), f.Point).Wape, 9);
    }

    [Fact]
    public void Holt_winters_recovers_daily_and_weekly_seasonality_with_trend()
    {
        var series = Synthetic(9, 0.03, 2);
        var history = series.Take(8 * HalfHours.PerWeek).ToList();
        var next = series.Skip(8 * HalfHours.PerWeek).ToList();
        var hw = new HoltWinters().Fit(history, HalfHours.PerWeek, HalfHours);
        var naive = new SeasonalNaive().Fit(history, HalfHours.PerWeek, HalfHours);
        var hwAccuracy = Accuracy.Of(next, hw.Point);
        Assert.True(hwAccuracy.Wape < 0.08, $"WAPE {hwAccuracy.Wape:P1}");
        Assert.True(
            hwAccuracy.Wape < Accuracy.Of(next, naive.Point).Wape,
            $"HW {hwAccuracy.Wape:P2} vs naive {Accuracy.Of(next, naive.Point).Wape:P2}, bias {hwAccuracy.Bias:P2}"
        );
        Assert.All(hw.Point.Zip(hw.Lower, hw.Upper), x => Assert.True(x.Second <= x.First && x.First <= x.Third));
        var covered = next.Zip(hw.Lower, hw.Upper).Count(x => x.First >= x.Second && x.First <= x.Third) / (double)next.Count;
        Assert.True(covered > 0.6, $"the 80 % interval should hold most actuals; it held {covered:P0}");
    }

    [Fact]
    public void Regression_recovers_the_trend_and_the_week_shape()
    {
        var series = Synthetic(9, 0.05, 1);
        var history = series.Take(8 * HalfHours.PerWeek).ToList();
        var next = series.Skip(8 * HalfHours.PerWeek).ToList();
        var f = new SeasonalRegression().Fit(history, HalfHours.PerWeek, HalfHours);
        Assert.True(Accuracy.Of(next, f.Point).Wape < 0.05);
        Assert.InRange(Accuracy.Of(next, f.Point).Bias, -0.03, 0.03);
    }

    [Fact]
    public void Known_events_are_taken_out_of_history_and_put_into_the_forecast()
    {
        var series = Synthetic(9, 0, 0.5);
        var day = HalfHours.PerDay;
        var launchInHistory = new KnownEvent("Launch", 3 * HalfHours.PerWeek + 2 * day, 3 * HalfHours.PerWeek + 3 * day, 2.0);
        for (var t = launchInHistory.FromIndex; t < launchInHistory.ToIndex; t++)
            series[t] *= 2;
        var launchAhead = new KnownEvent("Launch 2", 8 * HalfHours.PerWeek + day, 8 * HalfHours.PerWeek + 2 * day, 2.0);
        var model = new SeasonalRegression([launchInHistory, launchAhead]);
        var f = model.Fit(series.Take(8 * HalfHours.PerWeek).ToList(), HalfHours.PerWeek, HalfHours);
        var normalDay = f.Point.Skip(2 * day).Take(day).Sum();
        var launchDay = f.Point.Skip(day).Take(day).Sum();
        Assert.InRange(launchDay / normalDay, 1.8, 2.2);
    }

    [Fact]
    public void Backtest_chooses_the_simple_model_for_a_plain_pattern_and_a_trend_model_for_growth()
    {
        IForecaster[] models = [new SeasonalNaive(), new HoltWinters(), new SeasonalRegression()];
        var (plain, plainResults) = ModelSelection.Choose(Synthetic(8, 0, 0), HalfHours, models);
        Assert.IsType<SeasonalNaive>(plain);
        Assert.Equal(3, plainResults.Count);
        var (growing, _) = ModelSelection.Choose(Synthetic(8, 0.08, 1), HalfHours, models);
        Assert.IsNotType<SeasonalNaive>(growing);
    }

    [Fact]
    public void The_backtest_keeps_what_each_model_forecast_for_the_history_s_last_week_from_the_weeks_before_it()
    {
        var history = Synthetic(8, 0.08, 1);
        IForecaster[] models = [new SeasonalNaive(), new HoltWinters()];
        var (_, results) = ModelSelection.Choose(history, HalfHours, models);
        foreach (var (model, result) in models.Zip(results))
        {
            var expected = model.Fit(history.Take(7 * HalfHours.PerWeek).ToList(), HalfHours.PerWeek, HalfHours).Point;
            Assert.Equal(expected, result.LastWeek);
        }
        // Seasonal naive repeats the week before: its forecast for week 8 is week 7 itself.
        Assert.Equal(history.Skip(6 * HalfHours.PerWeek).Take(HalfHours.PerWeek), results[0].LastWeek);
        // Too short a history to backtest: nothing to show.
        var (_, none) = ModelSelection.Choose(Synthetic(1, 0, 0), HalfHours, models);
        Assert.All(none, r => Assert.Empty(r.LastWeek));
    }
}
