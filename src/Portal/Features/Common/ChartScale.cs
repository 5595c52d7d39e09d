namespace Agency.Portal.Features.Common;

/// <summary>
/// A value axis for the portal's own SVG charts: a round top at or above the largest value and a round step between
/// gridlines (1, 2, 2.5 or 5 times a power of ten; whole steps for counts of people), at most five steps.
/// </summary>
public readonly record struct ChartScale(double Top, double Step)
{
    public static ChartScale For(double max, bool whole = false)
    {
        if (!(max > 0) || double.IsInfinity(max))
            return new ChartScale(1, whole ? 1 : 0.5);
        var rough = max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double[] factors = whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
        var step = factors.Select(f => f * power).First(s => s >= rough);
        if (whole)
            step = Math.Max(1, Math.Ceiling(step));
        var top = Math.Ceiling(max / step - 1e-9) * step;
        return new ChartScale(top, step);
    }

    /// <summary>The gridline values from 0 to <see cref="Top"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        for (var k = 0; k * Step <= Top + Step * 1e-9; k++)
            yield return k * Step;
    }
}
