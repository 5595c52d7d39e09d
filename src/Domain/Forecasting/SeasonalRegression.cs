namespace Agency.Domain.Forecasting;

/// <summary>
/// A regression on time of week with a linear trend: volume = trend(t) + effect of the interval of
/// the week, fitted by least squares. Known events (holidays, campaigns) scale the intervals they cover.
/// </summary>
public sealed class SeasonalRegression(IReadOnlyList<KnownEvent>? events = null) : IForecaster
{
    public string Name => "Regression (time of week + trend)";

    public int MinimumHistory(Seasonality s) => 2 * s.PerWeek;

    public Forecast Fit(IReadOnlyList<double> history, int horizon, Seasonality s)
    {
        var n = history.Count;
        if (n < s.PerWeek)
            throw new ArgumentException("The regression needs at least one week of history.");
        var factors = Factors(n + horizon);
        // Undo known events in the history, so they do not distort the normal pattern.
        var y = history.Select((v, t) => factors[t] > 0 ? v / factors[t] : v).ToArray();

        // Alternate two least-squares steps: slope on the de-seasonalised series, weekly effects on the detrended one.
        var effect = new double[s.PerWeek];
        double intercept = 0,
            slope = 0;
        for (var iteration = 0; iteration < 5; iteration++)
        {
            double sx = 0,
                sy = 0,
                sxx = 0,
                sxy = 0;
            for (var t = 0; t < n; t++)
            {
                var v = y[t] - effect[t % s.PerWeek];
                sx += t;
                sy += v;
                sxx += (double)t * t;
                sxy += t * v;
            }
            slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            intercept = (sy - slope * sx) / n;
            var sums = new double[s.PerWeek];
            var counts = new int[s.PerWeek];
            for (var t = 0; t < n; t++)
            {
                sums[t % s.PerWeek] += y[t] - intercept - slope * t;
                counts[t % s.PerWeek]++;
            }
            for (var k = 0; k < s.PerWeek; k++)
                effect[k] = counts[k] == 0 ? 0 : sums[k] / counts[k];
        }

        double sq = 0;
        for (var t = 0; t < n; t++)
            sq += Math.Pow(history[t] - (intercept + slope * t + effect[t % s.PerWeek]) * factors[t], 2);
        var point = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var t = n + h;
            point[h] = (intercept + slope * t + effect[t % s.PerWeek]) * factors[t];
        }
        return Intervals.Build(Name, point, Math.Sqrt(sq / n), s);
    }

    public double[] Factors(int length)
    {
        var factors = Enumerable.Repeat(1.0, length).ToArray();
        foreach (var e in events ?? [])
            for (var t = Math.Max(0, e.FromIndex); t < Math.Min(length, e.ToIndex); t++)
                factors[t] *= e.Multiplier;
        return factors;
    }
}

/// <summary>A holiday, campaign, launch or outage over series intervals [From, To), scaling volume by a multiplier.</summary>
public sealed record KnownEvent(string Name, int FromIndex, int ToIndex, double Multiplier);
