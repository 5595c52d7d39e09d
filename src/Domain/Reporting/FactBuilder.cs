using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Sla;

namespace Agency.Domain.Reporting;

/// <summary>
/// Works out the reporting row of one conversation. The definitions (docs/metrics.md and the help
/// text of the dashboard say the same):
/// <list type="bullet">
/// <item>every clock starts at the customer's first post, not when the item was routed or forwarded;</item>
/// <item>first response stops at the brand's first reply written by a person, public or private
/// (a move to private answers publicly first, so it counts once, at that answer); automatic
/// acknowledgements from routing rules do not stop it;</item>
/// <item>first-response time is reported in calendar time and in the brand's service hours; SLA
/// targets count in the time their policy says (service hours or round the clock);</item>
/// <item>the resolution clock stands still while the brand waits on the customer;</item>
/// <item>a target still running counts neither as met nor missed until it falls due.</item>
/// </list>
/// </summary>
public static class FactBuilder
{
    public static bool NeedsResponse(Conversation c) => !c.NoAction && c.Intent is Intent.ServiceQuestion or Intent.Complaint;

    /// <param name="policyCalendar">The calendar the policy counts in (service hours or round the clock).</param>
    /// <param name="serviceCalendar">The brand's service hours, for first response in business time.</param>
    public static ConversationFact Build(
        Conversation c,
        Department department,
        SlaPolicy? policy,
        BusinessCalendar policyCalendar,
        BusinessCalendar serviceCalendar,
        DateTime nowUtc
    )
    {
        var fact = new ConversationFact
        {
            Id = c.Id,
            AgencyId = c.AgencyId,
            BrandId = c.BrandId,
            Network = c.Network,
            Department = department,
            StartedAt = c.StartedAt,
            Intent = c.Intent,
            Sentiment = c.Sentiment,
            Status = c.Status,
            NoAction = c.NoAction,
            NeedsResponse = NeedsResponse(c),
            FirstResponseAt = c.FirstResponseAt,
            ResolvedAt = c.ResolvedAt,
            SlaPolicyId = c.NoAction ? null : policy?.Id,
            MovedToPrivate = c.MovedToPrivateAt is not null,
            Forwarded = c.Forwarded,
            ForwardedAt = c.ForwardedAt,
            ForwardOutcome = Outcome(c),
            Tags = ConversationFact.JoinTags(c.Tags),
            ComputedAt = nowUtc,
        };
        if (c.FirstResponseAt is { } first)
        {
            fact.FirstResponseSeconds = Seconds(first - c.StartedAt);
            fact.FirstResponseBusinessSeconds = Seconds(serviceCalendar.BusinessTimeBetween(c.StartedAt, first));
        }
        if (policy is null || c.NoAction)
            return fact;

        var targets = policy.ToTargets();
        (fact.FirstResponseSla, fact.FirstResponseDueAt) = FirstResponse(c, targets.FirstResponse, policyCalendar, nowUtc);
        (fact.ResolutionSla, fact.ResolutionDueAt) = Resolution(c, targets.Resolution, policyCalendar, nowUtc);
        return fact;
    }

    private static (SlaResult, DateTime?) FirstResponse(Conversation c, TimeSpan target, BusinessCalendar calendar, DateTime nowUtc)
    {
        if (c.FirstResponseAt is { } first)
            return (SlaClock.Elapsed(calendar, c.StartedAt, first) <= target ? SlaResult.Met : SlaResult.Missed, null);
        if (c.Status == ConversationStatus.Resolved)
        {
            // Closed without a reply: missed if it was closed after the target, otherwise nothing was owed.
            var closed = c.ResolvedAt ?? nowUtc;
            return (SlaClock.Elapsed(calendar, c.StartedAt, closed) > target ? SlaResult.Missed : SlaResult.None, null);
        }
        var due = SlaClock.DueAt(calendar, c.StartedAt, target, nowUtc);
        return (nowUtc >= due ? SlaResult.Missed : SlaResult.Running, due);
    }

    private static (SlaResult, DateTime?) Resolution(Conversation c, TimeSpan target, BusinessCalendar calendar, DateTime nowUtc)
    {
        if (c.Status == ConversationStatus.Resolved)
            return (
                SlaClock.Elapsed(calendar, c.StartedAt, c.ResolvedAt ?? nowUtc, c.Pauses) <= target ? SlaResult.Met : SlaResult.Missed,
                null
            );
        if (c.Status == ConversationStatus.WaitingOnCustomer)
            // The clock stands still: missed only if it had run out before the wait began.
            return (SlaClock.Elapsed(calendar, c.StartedAt, nowUtc, c.Pauses) > target ? SlaResult.Missed : SlaResult.Running, null);
        var due = SlaClock.DueAt(calendar, c.StartedAt, target, nowUtc, c.Pauses);
        return (nowUtc >= due ? SlaResult.Missed : SlaResult.Running, due);
    }

    private static ForwardOutcome Outcome(Conversation c) =>
        !c.Forwarded ? ForwardOutcome.None
        : c.SentBackAt is not null ? ForwardOutcome.SentBack
        : c.Status == ConversationStatus.Resolved ? ForwardOutcome.Resolved
        : c.FirstResponseAt is not null ? ForwardOutcome.Answered
        : ForwardOutcome.Waiting;

    private static int Seconds(TimeSpan span) => (int)Math.Clamp(Math.Round(span.TotalSeconds), 0, int.MaxValue);
}
