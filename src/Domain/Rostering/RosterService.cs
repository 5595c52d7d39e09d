using Agency.Domain.Channels;
using Agency.Domain.Staffing;

namespace Agency.Domain.Rostering;

/// <summary>
/// One stream of work a line of demand answers, on the roster's grid: a channel's forecast volume (or one language's share of it),
/// the plan it is staffed by and the staff it needs per interval.
/// </summary>
public sealed record DemandStream(int Line, Network Network, AsyncWork Work, double[] Arrivals, int[] Required);

/// <summary>What a roster's people would achieve on one stream: the simulated share answered within the target, and the answer time 90 % get.</summary>
/// <param name="P90Answer"><see cref="TimeSpan.MaxValue"/> when more than a tenth is still unanswered at the end.</param>
/// <param name="Goal">The share the plan aims to answer within <paramref name="Target"/>.</param>
public sealed record SimulatedService(
    int Line,
    Network Network,
    int Conversations,
    double ServiceLevel,
    TimeSpan P90Answer,
    TimeSpan Target,
    double Goal
)
{
    public bool MeetsGoal => ServiceLevel + 1e-9 >= Goal;

    /// <summary>Per interval simulated, the share of its arrivals answered within the target (1 where none arrive).</summary>
    public IReadOnlyList<double> Levels { get; init; } = [];

    /// <summary>Per interval simulated, the arrivals the forecast expects.</summary>
    public IReadOnlyList<double> Arrivals { get; init; } = [];

    /// <summary>
    /// Per interval, the share answered in time over all of a line's streams and the aim, weighted by each one's expected arrivals;
    /// null where fewer than <paramref name="least"/> posts are expected in all (nothing to judge).
    /// </summary>
    public static (double Level, double Goal)?[] PerInterval(IReadOnlyList<SimulatedService> streams, int count, double least = 0.2)
    {
        var result = new (double, double)?[count];
        for (var t = 0; t < count; t++)
        {
            double arrivals = 0,
                met = 0,
                aim = 0;
            foreach (var s in streams)
            {
                var a = t < s.Arrivals.Count ? s.Arrivals[t] : 0;
                arrivals += a;
                met += a * (t < s.Levels.Count ? s.Levels[t] : 1);
                aim += a * s.Goal;
            }
            if (arrivals >= least)
                result[t] = (met / arrivals, aim / arrivals);
        }
        return result;
    }

    /// <summary>"87 % answered within 60 min (aim 80 %); 90 % within 42 min", as a scheduler reads it.</summary>
    public string Describe() =>
        Conversations == 0
            ? "no posts expected"
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{ServiceLevel:P0} answered within {Span(Target)} (aim {Goal:P0}); "
            ) + (P90Answer == TimeSpan.MaxValue ? "more than a tenth still unanswered at the end" : $"90 % within {Span(P90Answer)}");

    private static string Span(TimeSpan t) =>
        t.TotalMinutes < 1 ? "a minute"
        : t.TotalMinutes < 120 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Ceiling(t.TotalMinutes):0} min")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalHours:0.#} h");
}

/// <summary>
/// Checks a roster by simulation (<see cref="AsyncSimulation"/>): the people it has on a line per interval answer that line's forecast
/// arrivals, first come first served, several conversations at once, after shrinkage. A line answering several streams (a brand's
/// channels) splits its people between them each interval in proportion to what each needs then.
/// </summary>
public static class RosterService
{
    public const int Runs = 10;

    /// <param name="scheduled">People counted per line and interval of the grid.</param>
    /// <param name="from">The first interval simulated; work starts with nothing waiting there.</param>
    public static IReadOnlyList<SimulatedService> Simulate(
        IReadOnlyList<DemandStream> streams,
        IReadOnlyList<int[]> scheduled,
        int from,
        int count,
        int seed = 17
    )
    {
        var results = new List<SimulatedService>();
        foreach (var line in streams.GroupBy(s => s.Line))
        {
            var mine = line.ToList();
            var staff = mine.Select(_ => new int[count]).ToArray();
            for (var k = 0; k < count; k++)
            {
                var t = from + k;
                var people = t < scheduled[line.Key].Length ? scheduled[line.Key][t] : 0;
                var shares = Apportion(
                    people,
                    mine.Select(s => (double)At(s.Required, t)).ToArray(),
                    mine.Select(s => At(s.Arrivals, t)).ToArray()
                );
                for (var i = 0; i < mine.Count; i++)
                    staff[i][k] = shares[i];
            }
            for (var i = 0; i < mine.Count; i++)
            {
                var s = mine[i];
                var arrivals = Enumerable.Range(from, count).Select(t => At(s.Arrivals, t)).ToArray();
                var r = AsyncSimulation.Run(arrivals, staff[i], s.Work, Runs, seed);
                results.Add(
                    new SimulatedService(
                        s.Line,
                        s.Network,
                        r.Conversations,
                        r.ServiceLevel,
                        r.P90Answer,
                        s.Work.Target,
                        s.Work.ServiceLevel
                    )
                    {
                        Levels = r.ServiceLevelPerInterval,
                        Arrivals = arrivals,
                    }
                );
            }
        }
        return results;
    }

    private static T At<T>(T[] series, int t)
        where T : struct => t >= 0 && t < series.Length ? series[t] : default;

    /// <summary>
    /// Whole people split in proportion to the weights by largest remainder (ties to the first); by the fallback weights when every
    /// weight is zero, and evenly when those are zero too.
    /// </summary>
    public static int[] Apportion(int people, double[] weights, double[]? fallback = null)
    {
        var n = weights.Length;
        if (n == 0)
            return [];
        var w =
            weights.Sum() > 0 ? weights
            : fallback is { } f && f.Sum() > 0 ? f
            : Enumerable.Repeat(1.0, n).ToArray();
        var total = w.Sum();
        var exact = w.Select(x => people * x / total).ToArray();
        var parts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(people - parts.Sum()))
            parts[i]++;
        return parts;
    }
}
