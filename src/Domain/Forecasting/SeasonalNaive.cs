namespace Agency.Domain.Forecasting;

/// <summary>The baseline: each interval as it was at the same time last week.</summary>
public sealed class SeasonalNaive : IForecaster
{
    public string Name => "Seasonal naive";

    public int MinimumHistory(Seasonality s) => 2 * s.PerWeek;

    public Forecast Fit(IReadOnlyList<double> history, int horizon, Seasonality s)
    {
        var n = history.Count;
        if (n < s.PerWeek)
            throw new ArgumentException("Seasonal naive needs at least one week of history.");
        var point = new double[horizon];
        for (var h = 0; h < horizon; h++)
            point[h] = history[n - s.PerWeek + h % s.PerWeek];
        double sq = 0;
        var count = 0;
        for (var t = s.PerWeek; t < n; t++, count++)
            sq += Math.Pow(history[t] - history[t - s.PerWeek], 2);
        return Intervals.Build(Name, point, count == 0 ? 0 : Math.Sqrt(sq / count), s);
    }
}
