namespace Agency.Domain.Staffing;

/// <summary>Which model turns a channel's forecast into staff needed.</summary>
public enum StaffingModel
{
    /// <summary>Work not done carries into later intervals (targets of an interval or longer: social posts answered within the hour or hours).</summary>
    Backlog,

    /// <summary>Erlang C per interval (targets shorter than an interval: customers waiting in a queue, as on live chat).</summary>
    ErlangC,
}

/// <summary>
/// Staff needed per interval, by the model that fits the channel's target. Erlang C assumes a steady queue within an interval,
/// where each customer is answered or not within minutes: it fits when the target is shorter than the interval. For longer
/// targets it would staff every interval for its own arrivals and overstaff bursts that may wait, so the backlog-aware model
/// (<see cref="AsyncStaffing"/>) is used. Each agent works <see cref="AsyncWork.Concurrency"/> conversations at once: Erlang C
/// counts conversation slots, and the agents needed are the slots divided by that, rounded up; shrinkage is added last.
/// </summary>
public static class StaffRequirement
{
    public static StaffingModel ModelFor(AsyncWork w) => w.Target < w.Interval ? StaffingModel.ErlangC : StaffingModel.Backlog;

    public static int[] Required(IReadOnlyList<double> arrivals, AsyncWork w) =>
        ModelFor(w) switch
        {
            StaffingModel.ErlangC => arrivals.Select(a => ErlangC.WithShrinkage(QueueAgents(a, w), w.Shrinkage)).ToArray(),
            _ => AsyncStaffing.Required(arrivals, w),
        };

    /// <summary>Agents available (before shrinkage) that Erlang C needs for one interval's arrivals.</summary>
    private static int QueueAgents(double arrivals, AsyncWork w)
    {
        if (arrivals <= 0)
            return 0;
        var slots = ErlangC.AgentsFor(
            ErlangC.Traffic(arrivals, w.Interval, w.AverageHandlingTime),
            w.AverageHandlingTime,
            w.ServiceLevel,
            w.Target
        );
        return (slots + w.Concurrency - 1) / w.Concurrency;
    }

    public static string Describe(StaffingModel model) =>
        model switch
        {
            StaffingModel.ErlangC => "Erlang C per interval (the target is shorter than an interval: customers wait in a queue)",
            _ => "carrying unanswered work into later intervals (the target is an interval or longer)",
        };
}
