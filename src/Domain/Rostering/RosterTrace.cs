using System.Globalization;
using System.Text;

namespace Agency.Domain.Rostering;

/// <summary>
/// How a running roster's shortfall fell over time, as one short text ("seconds:intervals" pairs) that a run stores with
/// its heartbeat: at most <see cref="MaxPoints"/> points, the first and the latest always among them and the others evenly
/// spread, so the chart of a long run keeps its shape and the text stays small.
/// </summary>
public static class RosterTrace
{
    public const int MaxPoints = 60;

    public static string Format(IReadOnlyList<(double Seconds, int Under)> points)
    {
        var text = new StringBuilder();
        foreach (var (seconds, under) in Thin(points))
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(seconds.ToString("0.#", CultureInfo.InvariantCulture))
                .Append(':')
                .Append(under.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>The points of a stored trace; what is not a "seconds:intervals" pair is skipped.</summary>
    public static IReadOnlyList<(double Seconds, int Under)> Parse(string? text)
    {
        var points = new List<(double, int)>();
        foreach (var pair in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            if (
                colon > 0
                && double.TryParse(pair.AsSpan(0, colon), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && int.TryParse(pair.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var under)
            )
                points.Add((seconds, under));
        }
        return points;
    }

    /// <summary>
    /// Whether a search that ran <paramref name="seconds"/> was still finding better rosters near its end: its last better roster came
    /// in the last fifth of the time and the shortfall fell over that fifth. More time would then likely find a better roster.
    /// </summary>
    public static bool StillImproving(IReadOnlyList<(double Seconds, int Under)> points, double seconds)
    {
        if (points.Count < 2 || seconds <= 0)
            return false;
        var lateFrom = 0.8 * seconds;
        var last = points[^1];
        if (last.Seconds < lateFrom)
            return false;
        var before = points.LastOrDefault(p => p.Seconds < lateFrom, points[0]);
        return last.Under < before.Under;
    }

    /// <summary>At most <see cref="MaxPoints"/> of the points: all when they fit, else the first, the last and evenly spaced ones between.</summary>
    public static IReadOnlyList<(double Seconds, int Under)> Thin(IReadOnlyList<(double Seconds, int Under)> points)
    {
        if (points.Count <= MaxPoints)
            return points;
        var kept = new List<(double, int)>(MaxPoints);
        for (var k = 0; k < MaxPoints; k++)
            kept.Add(points[(int)Math.Round(k * (points.Count - 1) / (double)(MaxPoints - 1))]);
        return kept;
    }
}
