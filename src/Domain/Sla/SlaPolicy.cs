using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Common;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;

namespace Agency.Domain.Sla;

/// <summary>
/// Response and resolution targets for a brand's conversations of one network, intent and priority
/// (an unset field matches any). The most specific matching policy applies.
/// </summary>
public class SlaPolicy : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public Network? Network { get; set; }
    public Intent? Intent { get; set; }
    public Priority? Priority { get; set; }
    public int FirstResponseMinutes { get; set; }
    public int NextResponseMinutes { get; set; }
    public int ResolutionMinutes { get; set; }

    /// <summary>Count only the brand's service hours (otherwise round the clock).</summary>
    public bool BusinessHoursOnly { get; set; }

    /// <summary>Share of a target at which the team is warned (0.75 = at three quarters).</summary>
    public double WarnAtShare { get; set; } = 0.75;

    public int Specificity => (Network is null ? 0 : 1) + (Intent is null ? 0 : 1) + (Priority is null ? 0 : 1);

    public bool Matches(Network network, Intent? intent, Priority priority) =>
        (Network is null || Network == network) && (Intent is null || Intent == intent) && (Priority is null || Priority == priority);

    public SlaTargets ToTargets() =>
        new(
            TimeSpan.FromMinutes(FirstResponseMinutes),
            TimeSpan.FromMinutes(NextResponseMinutes),
            TimeSpan.FromMinutes(ResolutionMinutes),
            WarnAtShare
        );

    public string? Validate() => Check()?.Message;

    /// <summary>The first problem of the policy, with the field it belongs to.</summary>
    public FieldError? Check()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 120)
            return new(nameof(Name), "Name the policy (at most 120 characters).");
        if (FirstResponseMinutes <= 0 || NextResponseMinutes <= 0 || ResolutionMinutes <= 0)
            return new(nameof(FirstResponseMinutes), "Every target must be at least one minute.");
        if (ResolutionMinutes < FirstResponseMinutes)
            return new(nameof(FirstResponseMinutes), "The resolution target cannot be shorter than the first response target.");
        if (WarnAtShare is <= 0 or >= 1)
            return new(nameof(WarnAtShare), "Warn at a share between 1 % and 99 % of the target.");
        return null;
    }

    /// <summary>The most specific policy that matches; ties go to the earliest named.</summary>
    public static SlaPolicy? Choose(IEnumerable<SlaPolicy> policies, Network network, Intent? intent, Priority priority) =>
        policies
            .Where(p => p.Matches(network, intent, priority))
            .OrderByDescending(p => p.Specificity)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
}

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, double WarnAtShare);

public enum SlaTarget
{
    FirstResponse = 1,
    NextResponse = 2,
    Resolution = 3,
}

/// <summary>The due time of each target that is still running.</summary>
public sealed record SlaDue(DateTime? FirstResponse, DateTime? NextResponse, DateTime? Resolution)
{
    public static readonly SlaDue None = new(null, null, null);

    public DateTime? Earliest => new[] { FirstResponse, NextResponse, Resolution }.Where(d => d is not null).Min();

    public IEnumerable<(SlaTarget Target, DateTime Due)> Running()
    {
        if (FirstResponse is { } f)
            yield return (SlaTarget.FirstResponse, f);
        if (NextResponse is { } n)
            yield return (SlaTarget.NextResponse, n);
        if (Resolution is { } r)
            yield return (SlaTarget.Resolution, r);
    }
}

/// <summary>
/// Works out when each target of a conversation falls due. First response and resolution count from
/// the customer's first post; next response from the oldest unanswered customer message. The
/// resolution clock stands still while the brand waits on the customer.
/// </summary>
public static class SlaPlanner
{
    public static SlaDue Plan(Conversation c, SlaTargets? targets, BusinessCalendar calendar, DateTime nowUtc)
    {
        if (targets is null || !c.IsActive)
            return SlaDue.None;
        var pauses = c.Pauses;
        DateTime? first = c.FirstResponseAt is null ? SlaClock.DueAt(calendar, c.StartedAt, targets.FirstResponse, nowUtc) : null;
        DateTime? next =
            c.FirstResponseAt is not null && c.AwaitingReplySince is { } since
                ? SlaClock.DueAt(calendar, since, targets.NextResponse, nowUtc)
                : null;
        DateTime? resolution =
            c.Status == ConversationStatus.WaitingOnCustomer
                ? null // paused: no due time while it stands still
                : SlaClock.DueAt(calendar, c.StartedAt, targets.Resolution, nowUtc, pauses);
        return new SlaDue(first, next, resolution);
    }

    /// <summary>Stores the due times on the conversation (and the earliest, which the inbox sorts by).</summary>
    public static void Apply(Conversation c, SlaDue due)
    {
        c.FirstResponseDueAt = due.FirstResponse;
        c.NextResponseDueAt = due.NextResponse;
        c.ResolutionDueAt = due.Resolution;
        c.DueAt = due.Earliest;
        c.DueSort = due.Earliest ?? Conversation.NothingDue;
        c.Queue = c.IsActive && c.TeamId is not null ? QueueState.In : QueueState.Out;
    }
}

/// <summary>A warning or breach of one target of one conversation; stored once per due time, so the escalation job can run twice safely.</summary>
public class SlaEvent : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ConversationId { get; set; }
    public SlaTarget Target { get; set; }
    public SlaEventKind Kind { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime At { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? AssignedStaffId { get; set; }
}

public enum SlaEventKind
{
    Warning = 1,
    Breach = 2,
    Met = 3,
    Missed = 4,
}

/// <summary>What the escalation job must do for one conversation now.</summary>
public static class Escalation
{
    public sealed record Step(SlaTarget Target, SlaEventKind Kind, DateTime DueAt);

    /// <summary>
    /// Warnings at the configured share of each running target, breaches once it is due. The caller
    /// drops the steps already stored, which makes a second run do nothing.
    /// </summary>
    public static IReadOnlyList<Step> Evaluate(Conversation c, SlaTargets targets, BusinessCalendar calendar, DateTime nowUtc)
    {
        var steps = new List<Step>();
        if (!c.IsActive)
            return steps;
        foreach (var (target, due) in new SlaDue(c.FirstResponseDueAt, c.NextResponseDueAt, c.ResolutionDueAt).Running())
        {
            if (nowUtc >= due)
            {
                steps.Add(new Step(target, SlaEventKind.Breach, due));
                continue;
            }
            var (start, length, pauses) = target switch
            {
                SlaTarget.FirstResponse => (c.StartedAt, targets.FirstResponse, (IReadOnlyList<Pause>?)null),
                SlaTarget.NextResponse => (c.AwaitingReplySince ?? c.StartedAt, targets.NextResponse, null),
                _ => (c.StartedAt, targets.Resolution, c.Pauses),
            };
            if (SlaClock.ShareUsed(calendar, start, length, nowUtc, pauses) >= targets.WarnAtShare)
                steps.Add(new Step(target, SlaEventKind.Warning, due));
        }
        return steps;
    }

    /// <summary>A breach raises priority one step (up to urgent).</summary>
    public static Priority Raise(Priority p) => p >= Priority.Urgent ? Priority.Urgent : p + 1;
}
