namespace Agency.Domain.Forecasting;

/// <summary>
/// Exponential smoothing with a level, a trend and two seasonal cycles (time of day and time of
/// week), the additive double-seasonal Holt-Winters method used for intraday call-centre arrivals
/// (Taylor, 2003). Smoothing parameters are chosen by one-step-ahead squared error on the history.
/// </summary>
public sealed class HoltWinters : IForecaster
{
    private static readonly double[] Alphas = [0.02, 0.05, 0.1, 0.2];
    private static readonly double[] Betas = [0, 0.005, 0.02];
    private static readonly double[] Deltas = [0.05, 0.15, 0.3];
    private static readonly double[] Omegas = [0.05, 0.15, 0.3];

    public string Name => "Holt-Winters (daily + weekly)";

    public int MinimumHistory(Seasonality s) => 3 * s.PerWeek;

    public Forecast Fit(IReadOnlyList<double> history, int horizon, Seasonality s)
    {
        if (history.Count < 2 * s.PerWeek)
            throw new ArgumentException("Holt-Winters needs at least two weeks of history.");
        // Parameters are chosen by how well they forecast the last week of history from the weeks
        // before it (the horizon schedulers use), falling back to one-step error on short histories.
        var holdout = history.Count >= 3 * s.PerWeek;
        var fitPart = holdout ? history.Take(history.Count - s.PerWeek).ToList() : history;
        var lastWeek = holdout ? history.Skip(history.Count - s.PerWeek).ToList() : null;
        (double Score, double A, double B, double D, double W) best = (double.MaxValue, 0, 0, 0, 0);
        foreach (var a in Alphas)
        foreach (var b in Betas)
        foreach (var d in Deltas)
        foreach (var w in Omegas)
        {
            var sse = Run(fitPart, s, a, b, d, w, holdout ? s.PerWeek : 0, out var trial);
            var score = lastWeek is null ? sse : Accuracy.Of(lastWeek, trial.Select(v => Math.Max(0, v)).ToList()).Wape;
            if (score < best.Score)
                best = (score, a, b, d, w);
        }
        var fullSse = Run(history, s, best.A, best.B, best.D, best.W, horizon, out var point);
        var sigma = Math.Sqrt(fullSse / Math.Max(1, history.Count - s.PerWeek));
        return Intervals.Build(Name, point, sigma, s);
    }

    // One pass of the smoothing equations after a one-week start-up; returns the one-step squared error.
    private static double Run(
        IReadOnlyList<double> y,
        Seasonality s,
        double alpha,
        double beta,
        double delta,
        double omega,
        int horizon,
        out double[] forecast
    )
    {
        int m1 = s.PerDay,
            m2 = s.PerWeek,
            n = y.Count;
        var day = new double[m1];
        var week = new double[m2];
        double level = 0;
        for (var t = 0; t < m2; t++)
            level += y[t];
        level /= m2;
        for (var t = 0; t < m2; t++)
            day[t % m1] += (y[t] - level) / 7.0;
        for (var t = 0; t < m2; t++)
            week[t] = y[t] - level - day[t % m1];
        // Trend from the first two weeks' means.
        double second = 0;
        for (var t = m2; t < Math.Min(n, 2 * m2); t++)
            second += y[t];
        var trend = n >= 2 * m2 ? (second / m2 - level) / m2 : 0;
        level += trend * (m2 - 1);

        double sse = 0;
        for (var t = m2; t < n; t++)
        {
            int i1 = t % m1,
                i2 = t % m2;
            var predicted = level + trend + day[i1] + week[i2];
            var e = y[t] - predicted;
            sse += e * e;
            var newLevel = alpha * (y[t] - day[i1] - week[i2]) + (1 - alpha) * (level + trend);
            trend = beta * (newLevel - level) + (1 - beta) * trend;
            level = newLevel;
            day[i1] = delta * (y[t] - level - week[i2]) + (1 - delta) * day[i1];
            week[i2] = omega * (y[t] - level - day[i1]) + (1 - omega) * week[i2];
        }
        forecast = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            var t = n - 1 + h;
            forecast[h - 1] = level + h * trend + day[t % m1] + week[t % m2];
        }
        return sse;
    }
}
