namespace Agency.Domain.Staffing;

/// <summary>
/// Erlang C for a queue of contacts answered one at a time: the chance a contact waits, the service
/// level (share answered within a target time) and the average speed of answer, for a traffic
/// intensity A (erlangs = arrival rate × handling time) and N agents. Computed through the Erlang B
/// recursion, so it stays exact for thousands of agents where factorials overflow.
/// </summary>
public static class ErlangC
{
    /// <summary>Traffic intensity in erlangs from contacts per interval and average handling time.</summary>
    public static double Traffic(double contactsPerInterval, TimeSpan interval, TimeSpan averageHandlingTime) =>
        contactsPerInterval * averageHandlingTime.TotalSeconds / interval.TotalSeconds;

    /// <summary>Probability that a contact has to wait (1 when the agents cannot keep up).</summary>
    public static double ProbabilityOfWaiting(double traffic, int agents)
    {
        if (traffic < 0)
            throw new ArgumentOutOfRangeException(nameof(traffic), "Traffic is not negative.");
        if (agents <= 0)
            return 1;
        if (traffic == 0)
            return 0;
        if (agents <= traffic)
            return 1;
        var b = 1.0; // Erlang B with 0 servers
        for (var n = 1; n <= agents; n++)
            b = traffic * b / (n + traffic * b);
        return agents * b / (agents - traffic * (1 - b));
    }

    /// <summary>Share of contacts answered within <paramref name="target"/>.</summary>
    public static double ServiceLevel(double traffic, int agents, TimeSpan averageHandlingTime, TimeSpan target)
    {
        if (agents <= traffic)
            return traffic == 0 ? 1 : 0;
        var c = ProbabilityOfWaiting(traffic, agents);
        return 1 - c * Math.Exp(-(agents - traffic) * target.TotalSeconds / averageHandlingTime.TotalSeconds);
    }

    /// <summary>Average speed of answer (mean wait over all contacts); infinite when the agents cannot keep up.</summary>
    public static TimeSpan AverageSpeedOfAnswer(double traffic, int agents, TimeSpan averageHandlingTime)
    {
        if (traffic == 0)
            return TimeSpan.Zero;
        if (agents <= traffic)
            return TimeSpan.MaxValue;
        return TimeSpan.FromSeconds(ProbabilityOfWaiting(traffic, agents) * averageHandlingTime.TotalSeconds / (agents - traffic));
    }

    /// <summary>The fewest agents that reach the service level target (and keep occupancy at or below <paramref name="maxOccupancy"/>).</summary>
    public static int AgentsFor(
        double traffic,
        TimeSpan averageHandlingTime,
        double serviceLevel,
        TimeSpan target,
        double maxOccupancy = 1.0
    )
    {
        if (serviceLevel is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), "Service level is a share in (0, 1].");
        if (traffic == 0)
            return 0;
        var n = Math.Max(1, (int)Math.Floor(traffic) + 1);
        if (maxOccupancy is > 0 and < 1)
            n = Math.Max(n, (int)Math.Ceiling(traffic / maxOccupancy));
        while (ServiceLevel(traffic, n, averageHandlingTime, target) < serviceLevel)
            n++;
        return n;
    }

    /// <summary>People to schedule so that <paramref name="agents"/> are available after shrinkage (breaks, training, absence).</summary>
    public static int WithShrinkage(int agents, double shrinkage) =>
        shrinkage is < 0 or >= 1
            ? throw new ArgumentOutOfRangeException(nameof(shrinkage), "Shrinkage is a share in [0, 1).")
            : (int)Math.Ceiling(agents / (1 - shrinkage));
}
