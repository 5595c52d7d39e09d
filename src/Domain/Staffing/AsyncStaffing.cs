namespace Agency.Domain.Staffing;

/// <summary>How an asynchronous channel is worked: handling time, conversations at once, the target and shrinkage.</summary>
public sealed record AsyncWork(
    TimeSpan Interval,
    TimeSpan AverageHandlingTime,
    int Concurrency,
    double ServiceLevel,
    TimeSpan Target,
    double Shrinkage
)
{
    /// <summary>Conversations one agent finishes in one interval when fully busy.</summary>
    public double CapacityPerAgent => Interval / AverageHandlingTime * Concurrency;

    /// <summary>A plan as stored, in minutes: the channel's plan and a forecast that kept the plan it was staffed by.</summary>
    public static AsyncWork FromMinutes(
        double intervalMinutes,
        double handlingMinutes,
        int concurrency,
        double serviceLevel,
        double targetMinutes,
        double shrinkage
    ) =>
        new(
            TimeSpan.FromMinutes(intervalMinutes),
            TimeSpan.FromMinutes(handlingMinutes),
            concurrency,
            serviceLevel,
            TimeSpan.FromMinutes(targetMinutes),
            shrinkage
        );

    /// <summary>How many intervals an arrival may wait and still be answered in time.</summary>
    public int TargetIntervals => Math.Max(1, (int)Math.Ceiling(Target / Interval));
}

/// <summary>
/// Staff needed per interval for channels where customers do not hold the line (social posts and
/// messages answered within an hour or hours): work that is not done carries into later intervals,
/// and each interval's arrivals only need answering within the target. Staffing per interval is the
/// least that, working the backlog first come first served, answers at least the service-level share
/// of every interval's arrivals by their deadline, and never leaves more backlog than it can clear.
/// Erlang C, which assumes customers wait on the line for seconds, would overstaff such channels.
/// </summary>
public static class AsyncStaffing
{
    public static int[] Required(IReadOnlyList<double> arrivals, AsyncWork w)
    {
        var n = arrivals.Count;
        var staff = new int[n];
        var k = w.TargetIntervals;
        var cap = w.CapacityPerAgent;
        // backlog[j] = work from interval j still waiting
        var backlog = new double[n];
        for (var i = 0; i < n; i++)
        {
            backlog[i] = arrivals[i];
            // Work whose deadline is the end of this interval: arrivals of interval i-k+1 (and older).
            var dueBy = i - k + 1;
            double mustDo = 0;
            for (var j = 0; j <= Math.Min(dueBy, i); j++)
            {
                var allowedLate = (1 - w.ServiceLevel) * arrivals[j];
                mustDo += Math.Max(0, backlog[j] - (j == dueBy ? allowedLate : 0));
            }
            // Spread the rest over the time left before its deadlines, so staffing is smooth, not a spike at each deadline.
            double spread = 0;
            for (var j = Math.Max(0, dueBy + 1); j <= i; j++)
            {
                var left = j + k - i; // intervals left for work of interval j, including this one
                spread += backlog[j] / left;
            }
            var work = mustDo + spread;
            var agents = work <= 0 ? 0 : (int)Math.Ceiling(work / cap - 1e-9);
            staff[i] = agents;
            // Serve FIFO with the capacity staffed.
            var capacity = agents * cap;
            for (var j = 0; j <= i && capacity > 0; j++)
            {
                var done = Math.Min(capacity, backlog[j]);
                backlog[j] -= done;
                capacity -= done;
            }
        }
        return staff.Select(a => ErlangC.WithShrinkage(a, w.Shrinkage)).ToArray();
    }
}

/// <summary>What the simulation of an asynchronous channel against a staffing plan predicts.</summary>
public sealed record AsyncSimulationResult(
    int Conversations,
    double ServiceLevel,
    TimeSpan P50Answer,
    TimeSpan P90Answer,
    double[] ServiceLevelPerInterval
);

/// <summary>
/// Discrete-event simulation of an asynchronous channel: Poisson arrivals per interval at the
/// forecast rate, agents on duty per the plan (after shrinkage) each working several conversations
/// at once, first come first served, exponential handling times. Many seeded runs predict the
/// service level and answer-time percentiles of a staffing plan or a roster.
/// </summary>
public static class AsyncSimulation
{
    public static AsyncSimulationResult Run(IReadOnlyList<double> arrivals, IReadOnlyList<int> staffOnDuty, AsyncWork w, int runs, int seed)
    {
        var answers = new List<double>();
        var met = new double[arrivals.Count];
        var counts = new int[arrivals.Count];
        var intervalSeconds = w.Interval.TotalSeconds;
        for (var r = 0; r < runs; r++)
        {
            var random = new Random(seed + r);
            var slots = new List<double>(); // when each working slot (agent x concurrency) is next free
            var waiting = new Queue<(double Arrival, int Interval)>();
            for (var i = 0; i < arrivals.Count; i++)
            {
                var start = i * intervalSeconds;
                var end = start + intervalSeconds;
                // Shrinkage takes a share of each person's conversation slots (breaks are spread over the shift): one person on duty
                // with 30 % shrinkage and 3 at once still answers in 2 slots, where rounding whole agents down would answer nothing.
                var available = (int)Math.Floor(staffOnDuty[i] * (1 - w.Shrinkage) * w.Concurrency + 1e-9);
                // People coming on add free slots; people going off take the slots that would free up last.
                while (slots.Count < available)
                    slots.Add(start);
                if (slots.Count > available)
                {
                    slots.Sort();
                    slots.RemoveRange(available, slots.Count - available);
                }
                foreach (
                    var t in Enumerable
                        .Range(0, Poisson(random, arrivals[i]))
                        .Select(_ => start + random.NextDouble() * intervalSeconds)
                        .OrderBy(t => t)
                )
                    waiting.Enqueue((t, i));
                while (waiting.Count > 0 && slots.Count > 0)
                {
                    var slot = 0;
                    for (var k = 1; k < slots.Count; k++)
                        if (slots[k] < slots[slot])
                            slot = k;
                    var (arrival, interval) = waiting.Peek();
                    var begin = Math.Max(slots[slot], arrival);
                    if (begin >= end)
                        break;
                    waiting.Dequeue();
                    var answer = begin - arrival;
                    answers.Add(answer);
                    counts[interval]++;
                    if (answer <= w.Target.TotalSeconds)
                        met[interval]++;
                    slots[slot] = begin + Exponential(random, w.AverageHandlingTime.TotalSeconds);
                }
            }
            // Work still waiting at the end of the plan is late.
            foreach (var (_, interval) in waiting)
            {
                counts[interval]++;
                answers.Add(double.PositiveInfinity);
            }
        }
        var total = counts.Sum();
        answers.Sort();
        TimeSpan At(double q) =>
            answers.Count == 0 ? TimeSpan.Zero
            : answers[(int)(q * (answers.Count - 1))] is var v && double.IsPositiveInfinity(v) ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(v);
        return new AsyncSimulationResult(
            total / Math.Max(1, runs),
            total == 0 ? 1 : met.Sum() / total,
            At(0.5),
            At(0.9),
            met.Select((m, i) => counts[i] == 0 ? 1 : m / counts[i]).ToArray()
        );
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 50)
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal(random)));
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
