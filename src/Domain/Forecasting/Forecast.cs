namespace Agency.Domain.Forecasting;

/// <summary>The seasonal cycle lengths of an interval series: intervals per day and per week.</summary>
public sealed record Seasonality(int PerDay, int PerWeek)
{
    public static Seasonality ForInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % interval.Ticks != 0)
            throw new ArgumentException("The interval must divide a day (for example 15, 30 or 60 minutes).", nameof(interval));
        var perDay = (int)(TimeSpan.FromDays(1).Ticks / interval.Ticks);
        return new Seasonality(perDay, perDay * 7);
    }
}

/// <summary>A forecast: point values and an 80 % prediction interval per future interval.</summary>
public sealed record Forecast(string Model, double[] Point, double[] Lower, double[] Upper);

/// <summary>Forecast error measures: WAPE (share of volume missed) and bias (over (+) or under (−) forecasting).</summary>
public sealed record Accuracy(double Wape, double Bias)
{
    public static Accuracy Of(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        if (actual.Count != forecast.Count)
            throw new ArgumentException("Actual and forecast differ in length.");
        double abs = 0,
            err = 0,
            total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            abs += Math.Abs(actual[i] - forecast[i]);
            err += forecast[i] - actual[i];
            total += Math.Abs(actual[i]);
        }
        return total == 0 ? new Accuracy(abs == 0 ? 0 : 1, 0) : new Accuracy(abs / total, err / total);
    }
}

public interface IForecaster
{
    string Name { get; }

    /// <summary>The fewest history intervals the model needs.</summary>
    int MinimumHistory(Seasonality s);
    Forecast Fit(IReadOnlyList<double> history, int horizon, Seasonality s);
}

internal static class Intervals
{
    private const double Z80 = 1.2816;

    /// <summary>An 80 % interval from one-step errors, widening with the square root of the weeks ahead; volumes are never negative.</summary>
    public static Forecast Build(string model, double[] point, double sigma, Seasonality s)
    {
        var lower = new double[point.Length];
        var upper = new double[point.Length];
        for (var h = 0; h < point.Length; h++)
        {
            point[h] = Math.Max(0, point[h]);
            var width = Z80 * sigma * Math.Sqrt(1 + h / (double)s.PerWeek);
            lower[h] = Math.Max(0, point[h] - width);
            upper[h] = point[h] + width;
        }
        return new Forecast(model, point, lower, upper);
    }
}
