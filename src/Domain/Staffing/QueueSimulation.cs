namespace Agency.Domain.Staffing;

/// <summary>What a simulated interval produced.</summary>
public sealed record SimulationResult(int Contacts, double ServiceLevel, TimeSpan AverageSpeedOfAnswer, TimeSpan P90Wait, TimeSpan P99Wait);

/// <summary>
/// A discrete-event simulation of contacts arriving at random (Poisson) and answered first come,
/// first served by a number of agents, each handling one contact at a time for a random
/// (exponential) time. Where Erlang C's assumptions hold the two agree; the simulation also gives
/// wait percentiles, which Erlang C does not. Seeded: the same seed gives the same run.
/// </summary>
public static class QueueSimulation
{
    public static SimulationResult Run(
        double contactsPerHour,
        TimeSpan averageHandlingTime,
        int agents,
        TimeSpan duration,
        TimeSpan target,
        int seed
    )
    {
        if (agents <= 0)
            throw new ArgumentOutOfRangeException(nameof(agents), "At least one agent.");
        var random = new Random(seed);
        var ratePerSecond = contactsPerHour / 3600.0;
        var free = new PriorityQueue<double, double>();
        for (var i = 0; i < agents; i++)
            free.Enqueue(0, 0);

        var waits = new List<double>();
        var t = 0.0;
        var end = duration.TotalSeconds;
        while (true)
        {
            t += Exponential(random, 1 / ratePerSecond);
            if (t > end)
                break;
            var agentFree = free.Dequeue();
            var startService = Math.Max(t, agentFree);
            waits.Add(startService - t);
            var done = startService + Exponential(random, averageHandlingTime.TotalSeconds);
            free.Enqueue(done, done);
        }
        if (waits.Count == 0)
            return new SimulationResult(0, 1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        waits.Sort();
        return new SimulationResult(
            waits.Count,
            waits.Count(w => w <= target.TotalSeconds) / (double)waits.Count,
            TimeSpan.FromSeconds(waits.Average()),
            TimeSpan.FromSeconds(waits[(int)(0.90 * (waits.Count - 1))]),
            TimeSpan.FromSeconds(waits[(int)(0.99 * (waits.Count - 1))])
        );
    }

    /// <summary>Averages of many seeded runs (the spread of one run is large for short intervals).</summary>
    public static SimulationResult RunMany(
        int runs,
        double contactsPerHour,
        TimeSpan averageHandlingTime,
        int agents,
        TimeSpan duration,
        TimeSpan target,
        int seed
    )
    {
        var results = Enumerable
            .Range(0, runs)
            .Select(i => Run(contactsPerHour, averageHandlingTime, agents, duration, target, seed + i))
            .ToList();
        return new SimulationResult(
            (int)results.Average(r => r.Contacts),
            results.Average(r => r.ServiceLevel),
            TimeSpan.FromSeconds(results.Average(r => r.AverageSpeedOfAnswer.TotalSeconds)),
            TimeSpan.FromSeconds(results.Average(r => r.P90Wait.TotalSeconds)),
            TimeSpan.FromSeconds(results.Average(r => r.P99Wait.TotalSeconds))
        );
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
