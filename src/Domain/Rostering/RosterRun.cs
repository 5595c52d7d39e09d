using Agency.Domain.Common;

namespace Agency.Domain.Rostering;

/// <summary>How a run stands; <see cref="Cancelled"/>: stopped while it waited for its turn, so nothing was built.</summary>
public enum RosterRunStatus
{
    Running = 1,
    Completed = 2,
    Stopped = 3,
    Failed = 4,
    Published = 5,
    Cancelled = 6,
}

/// <summary>
/// One optimiser run over the agency's staff pool for whole weeks from a Monday (agency time zone):
/// its settings, how it ended and the figures of the best roster. The roster itself is draft shifts
/// (<see cref="Shifts.Shift.RosterRunId"/>) until it is published.
/// </summary>
public class RosterRun : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public DateOnly FirstDay { get; set; }
    public int Weeks { get; set; }
    public int IntervalMinutes { get; set; } = 30;
    public int TimeLimitSeconds { get; set; }
    public RosterRunStatus Status { get; set; } = RosterRunStatus.Running;
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Demand over the horizon in person-intervals, and what the roster leaves short and over.</summary>
    public int DemandIntervals { get; set; }
    public int UnderCoverageIntervals { get; set; }
    public int OverCoverageIntervals { get; set; }

    /// <summary>No roster can leave less short than this (capacity bound).</summary>
    public int LowerBoundIntervals { get; set; }
    public long Objective { get; set; }
    public int Shifts { get; set; }
    public int Solutions { get; set; }
    public string? Message { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The server building the run, and when it last said it still is (a heartbeat while it runs). A run still marked
    /// running whose heartbeat has stopped was interrupted: its server stopped.</summary>
    public string? Node { get; set; }
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>While it runs, stored with each heartbeat so that every server can show it: the step, the seconds searched and
    /// how the best roster's shortfall fell (<see cref="RosterTrace"/>). The best roster's figures so far are the figures above.</summary>
    public string? Step { get; set; }
    public int ElapsedSeconds { get; set; }
    public string? Trace { get; set; }

    /// <summary>Who asked the run to stop, and when: the server building it stops at its next heartbeat and keeps the best roster.</summary>
    public DateTime? StopRequestedAt { get; set; }
    public string? StopRequestedBy { get; set; }

    public DateOnly LastDay => FirstDay.AddDays(7 * Weeks - 1);

    /// <summary>Whether the run ended with a roster (draft or published) whose figures mean something.</summary>
    public bool HasRoster => Status is RosterRunStatus.Completed or RosterRunStatus.Stopped or RosterRunStatus.Published;

    /// <summary>Share of demand the roster covers (1 when there is no demand).</summary>
    public double Covered => DemandIntervals == 0 ? 1 : 1 - (double)UnderCoverageIntervals / DemandIntervals;

    public static string? Validate(DateOnly firstDay, int weeks, int seconds)
    {
        if (firstDay.DayOfWeek != DayOfWeek.Monday)
            return "A roster starts on a Monday.";
        if (weeks is < 1 or > 6)
            return "Plan 1 to 6 weeks.";
        if (seconds is < 5 or > 600)
            return "Give the optimiser 5 to 600 seconds.";
        return null;
    }
}
