using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Common;

namespace Agency.Domain.Reporting;

/// <summary>A stretch of whole local days of a brand (both ends included) and the same number of days before it.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, TimeZoneInfo Zone)
{
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;
    public DateTime FromUtc => Utc(From);
    public DateTime ToUtc => Utc(To.AddDays(1));
    public ReportPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1), Zone);

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, Days).Select(From.AddDays);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));

    private DateTime Utc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by a clock change: the day starts at the first valid minute.
        while (Zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The field names a period's errors refer to: its first and its last day.</summary>
    public const string FromField = "From",
        ToField = "To";

    /// <summary>The period, or why these days cannot be one and which of the two days to change.</summary>
    public static PeriodChoice Create(DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        if (from is null)
            return PeriodChoice.Refused(FromField, "Choose the first and the last day.");
        if (to is null)
            return PeriodChoice.Refused(ToField, "Choose the first and the last day.");
        if (to < from)
            return PeriodChoice.Refused(ToField, "The last day must not be before the first.");
        if (to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays)
            return PeriodChoice.Refused(FromField, $"Choose at most {MaxDays} days.");
        return new PeriodChoice(new ReportPeriod(from.Value, to.Value, zone), null);
    }

    /// <summary>The last <paramref name="days"/> whole local days up to and including today.</summary>
    public static ReportPeriod Last(int days, DateTime nowUtc, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        return new ReportPeriod(today.AddDays(1 - days), today, zone);
    }
}

/// <summary>Nearest-rank percentiles: the smallest value with at least p % of the values at or below it (no interpolation, so fixtures can be worked out by hand).</summary>
public static class Percentile
{
    public static int? Of(IReadOnlyList<int> sorted, double p)
    {
        if (sorted.Count == 0)
            return null;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

public sealed record Kpis(
    int Inbound,
    int Conversations,
    int NeedsResponse,
    int Responded,
    int? FirstResponseMedianSeconds,
    int? FirstResponseP90Seconds,
    int SlaMet,
    int SlaMissed,
    int NegativeInbound,
    int LabelledInbound,
    int MovedToPrivate,
    int Forwards
)
{
    /// <summary>Share of service questions and complaints that got a reply; null when there were none.</summary>
    public double? ResponseRate => NeedsResponse == 0 ? null : (double)Responded / NeedsResponse;

    /// <summary>First-response targets met among those decided (met or missed).</summary>
    public double? SlaAttainment => SlaMet + SlaMissed == 0 ? null : (double)SlaMet / (SlaMet + SlaMissed);
    public double? NegativeShare => LabelledInbound == 0 ? null : (double)NegativeInbound / LabelledInbound;
}

public sealed record ResponseTimes(
    Network Network,
    int Conversations,
    int Responded,
    int? MedianSeconds,
    int? P90Seconds,
    int? BusinessMedianSeconds,
    int? BusinessP90Seconds
);

public sealed record PolicyAttainment(
    Guid PolicyId,
    string Policy,
    int FirstMet,
    int FirstMissed,
    int FirstRunning,
    int ResolutionMet,
    int ResolutionMissed,
    int ResolutionRunning
)
{
    public double? FirstResponse => FirstMet + FirstMissed == 0 ? null : (double)FirstMet / (FirstMet + FirstMissed);
    public double? Resolution => ResolutionMet + ResolutionMissed == 0 ? null : (double)ResolutionMet / (ResolutionMet + ResolutionMissed);
}

public sealed record DayVolume(
    DateOnly Day,
    IReadOnlyDictionary<Network, int> ByNetwork,
    IReadOnlyDictionary<Intent, int> ByIntent,
    int Negative,
    int Neutral,
    int Positive
)
{
    public int Total => ByNetwork.Values.Sum();
}

public sealed record ForwardFigures(int Count, int? FirstResponseMedianSeconds, IReadOnlyDictionary<ForwardOutcome, int> Outcomes);

public sealed record Backlog(int Waiting, DateTime? OldestWaitingSince);

public sealed record BrandDashboard(
    ReportPeriod Period,
    Kpis Current,
    Kpis Previous,
    IReadOnlyList<DayVolume> Days,
    IReadOnlyList<ResponseTimes> ResponseTimes,
    IReadOnlyList<PolicyAttainment> Sla,
    ForwardFigures Forwards,
    IReadOnlyList<(string Tag, int Count)> TopTags,
    Backlog Backlog,
    DateTime AsOf,
    bool CatchingUp = false
);

/// <summary>Conversations of one period that share every attribute the dashboard counts by, and how many there are (SLA results as of one moment).</summary>
public sealed record FactTally(
    Network Network,
    Guid? SlaPolicyId,
    bool NoAction,
    bool NeedsResponse,
    bool Responded,
    SlaResult FirstResponse,
    SlaResult Resolution,
    bool MovedToPrivate,
    bool Forwarded,
    ForwardOutcome ForwardOutcome,
    int Count
)
{
    /// <summary>Tallies of the same attributes added up (as from several days, or from settled and running facts).</summary>
    public static List<FactTally> Merge(IEnumerable<FactTally> tallies) =>
        tallies.GroupBy(t => t with { Count = 0 }).Select(g => g.Key with { Count = g.Sum(t => t.Count) }).ToList();
}

/// <summary>The first-response clocks of one answered conversation: what percentiles are taken of.</summary>
public readonly record struct ResponseSample(Network Network, bool NoAction, bool Forwarded, int? Seconds, int? BusinessSeconds);

/// <summary>A set of tags (as stored on the facts) and on how many conversations of the period it stands.</summary>
public readonly record struct TagSet(string Tags, int Count);

/// <summary>The columns of one conversation fact that the dashboard reads, with its SLA results as of one moment.</summary>
public readonly record struct FactRow(
    Network Network,
    Guid? SlaPolicyId,
    bool NoAction,
    bool NeedsResponse,
    SlaResult FirstResponse,
    SlaResult Resolution,
    bool MovedToPrivate,
    bool Forwarded,
    ForwardOutcome ForwardOutcome,
    int? Seconds,
    int? BusinessSeconds
)
{
    public static FactRow Of(ConversationFact f, DateTime nowUtc) =>
        new(
            f.Network,
            f.SlaPolicyId,
            f.NoAction,
            f.NeedsResponse,
            f.FirstResponseAsOf(nowUtc),
            f.ResolutionAsOf(nowUtc),
            f.MovedToPrivate,
            f.Forwarded,
            f.ForwardOutcome,
            f.FirstResponseSeconds,
            f.FirstResponseBusinessSeconds
        );
}

/// <summary>
/// The headline counts of one period's conversations (SLA results as of one moment) and the calendar
/// first-response seconds of those answered that needed action, in any order: all that the comparison with
/// the period before needs, so that period can be counted by the database as one row.
/// </summary>
public sealed record PeriodHeadline(
    int Conversations,
    int NeedsResponse,
    int Responded,
    int SlaMet,
    int SlaMissed,
    int MovedToPrivate,
    int Forwards,
    IReadOnlyList<int> AnsweredSeconds
)
{
    public static readonly PeriodHeadline Empty = new(0, 0, 0, 0, 0, 0, 0, []);
}

/// <summary>
/// What the dashboard needs of one period's conversation facts: counts by attribute, the clocks of
/// answered conversations (for percentiles) and the tag sets.
/// </summary>
public sealed record PeriodFacts(IReadOnlyList<FactTally> Tallies, IReadOnlyList<ResponseSample> Responses, IReadOnlyList<TagSet> TagSets)
{
    /// <summary>The period's headline counts (what it is compared by).</summary>
    public PeriodHeadline Headline
    {
        get
        {
            int Count(Func<FactTally, bool> which) => Tallies.Where(which).Sum(x => x.Count);
            return new PeriodHeadline(
                Count(_ => true),
                Count(x => x.NeedsResponse),
                Count(x => x.NeedsResponse && x.Responded),
                Count(x => x.FirstResponse == SlaResult.Met),
                Count(x => x.FirstResponse == SlaResult.Missed),
                Count(x => x.MovedToPrivate),
                Count(x => x.Forwarded),
                Responses.Where(r => !r.NoAction && r.Seconds is not null).Select(r => r.Seconds!.Value).ToList()
            );
        }
    }

    public static PeriodFacts From(IEnumerable<ConversationFact> facts, DateTime nowUtc)
    {
        var list = facts.ToList();
        var tags = list.Where(f => f.Tags.Length > 0)
            .GroupBy(f => f.Tags, StringComparer.Ordinal)
            .Select(g => new TagSet(g.Key, g.Count()))
            .ToList();
        return From(list.Select(f => FactRow.Of(f, nowUtc)), tags);
    }

    public static PeriodFacts From(IEnumerable<FactRow> rows, IReadOnlyList<TagSet> tagSets)
    {
        var tallies = new Dictionary<FactTally, int>();
        var responses = new List<ResponseSample>();
        foreach (var r in rows)
        {
            var key = new FactTally(
                r.Network,
                r.SlaPolicyId,
                r.NoAction,
                r.NeedsResponse,
                r.Seconds is not null,
                r.FirstResponse,
                r.Resolution,
                r.MovedToPrivate,
                r.Forwarded,
                r.ForwardOutcome,
                0
            );
            tallies[key] = tallies.GetValueOrDefault(key) + 1;
            if (r.Seconds is not null || r.BusinessSeconds is not null)
                responses.Add(new ResponseSample(r.Network, r.NoAction, r.Forwarded, r.Seconds, r.BusinessSeconds));
        }
        return new PeriodFacts(tallies.Select(t => t.Key with { Count = t.Value }).ToList(), responses, tagSets);
    }
}

/// <summary>Computes a brand's dashboard from its conversation facts and daily post counts (pure; the definitions are in <see cref="FactBuilder"/>).</summary>
public static class DashboardCalculator
{
    public static BrandDashboard Compute(
        ReportPeriod period,
        IReadOnlyList<ConversationFact> facts,
        IReadOnlyList<DayStat> days,
        IReadOnlyDictionary<Guid, string> policyNames,
        Backlog backlog,
        DateTime nowUtc,
        int topTags = 10
    ) =>
        Compute(
            period,
            PeriodFacts.From(In(facts, period), nowUtc),
            PeriodFacts.From(In(facts, period.Previous), nowUtc).Headline,
            days,
            policyNames,
            backlog,
            nowUtc,
            topTags
        );

    /// <summary>The dashboard from facts already aggregated (as the database returns them): the period in detail, the one before by its headline.</summary>
    public static BrandDashboard Compute(
        ReportPeriod period,
        PeriodFacts current,
        PeriodHeadline before,
        IReadOnlyList<DayStat> days,
        IReadOnlyDictionary<Guid, string> policyNames,
        Backlog backlog,
        DateTime nowUtc,
        int topTags = 10
    )
    {
        var daysNow = In(days, period).ToList();
        var daysBefore = In(days, period.Previous).ToList();

        return new BrandDashboard(
            period,
            Summarise(current, daysNow),
            Summarise(before, daysBefore),
            Days(period, daysNow),
            Times(current),
            Policies(current, policyNames),
            Forwards(current),
            Tags(current, topTags),
            backlog,
            nowUtc
        );
    }

    public static IEnumerable<ConversationFact> In(IEnumerable<ConversationFact> facts, ReportPeriod p) =>
        facts.Where(f => f.StartedAt >= p.FromUtc && f.StartedAt < p.ToUtc);

    public static IEnumerable<DayStat> In(IEnumerable<DayStat> days, ReportPeriod p) => days.Where(d => d.Day >= p.From && d.Day <= p.To);

    public static Kpis Summarise(IReadOnlyList<ConversationFact> facts, IReadOnlyList<DayStat> days, DateTime nowUtc) =>
        Summarise(PeriodFacts.From(facts, nowUtc), days);

    public static Kpis Summarise(PeriodFacts facts, IReadOnlyList<DayStat> days) => Summarise(facts.Headline, days);

    public static Kpis Summarise(PeriodHeadline h, IReadOnlyList<DayStat> days)
    {
        var answered = h.AnsweredSeconds.ToList();
        answered.Sort();
        return new Kpis(
            Inbound: days.Sum(d => d.Inbound),
            Conversations: h.Conversations,
            NeedsResponse: h.NeedsResponse,
            Responded: h.Responded,
            FirstResponseMedianSeconds: Percentile.Of(answered, 50),
            FirstResponseP90Seconds: Percentile.Of(answered, 90),
            SlaMet: h.SlaMet,
            SlaMissed: h.SlaMissed,
            NegativeInbound: days.Where(d => d.Sentiment == Sentiment.Negative).Sum(d => d.Inbound),
            LabelledInbound: days.Where(d => d.Sentiment is not null).Sum(d => d.Inbound),
            MovedToPrivate: h.MovedToPrivate,
            Forwards: h.Forwards
        );
    }

    public static IReadOnlyList<DayVolume> Days(ReportPeriod period, IReadOnlyList<DayStat> days)
    {
        var byDay = days.Where(h => h.Inbound > 0).GroupBy(h => h.Day).ToDictionary(g => g.Key, g => g.ToList());
        return period
            .Dates()
            .Select(d =>
            {
                var list = byDay.GetValueOrDefault(d) ?? [];
                return new DayVolume(
                    d,
                    list.GroupBy(h => h.Network).ToDictionary(g => g.Key, g => g.Sum(h => h.Inbound)),
                    list.Where(h => h.Intent is not null)
                        .GroupBy(h => h.Intent!.Value)
                        .ToDictionary(g => g.Key, g => g.Sum(h => h.Inbound)),
                    list.Where(h => h.Sentiment == Sentiment.Negative).Sum(h => h.Inbound),
                    list.Where(h => h.Sentiment == Sentiment.Neutral).Sum(h => h.Inbound),
                    list.Where(h => h.Sentiment == Sentiment.Positive).Sum(h => h.Inbound)
                );
            })
            .ToList();
    }

    public static IReadOnlyList<ResponseTimes> Times(PeriodFacts facts)
    {
        var samples = facts.Responses.Where(r => !r.NoAction).ToLookup(r => r.Network);
        return facts
            .Tallies.Where(x => !x.NoAction)
            .GroupBy(x => x.Network)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var calendar = Sorted(samples[g.Key].Select(r => r.Seconds));
                var business = Sorted(samples[g.Key].Select(r => r.BusinessSeconds));
                return new ResponseTimes(
                    g.Key,
                    g.Sum(x => x.Count),
                    calendar.Count,
                    Percentile.Of(calendar, 50),
                    Percentile.Of(calendar, 90),
                    Percentile.Of(business, 50),
                    Percentile.Of(business, 90)
                );
            })
            .ToList();
    }

    public static IReadOnlyList<PolicyAttainment> Policies(PeriodFacts facts, IReadOnlyDictionary<Guid, string> names) =>
        facts
            .Tallies.Where(x => x.SlaPolicyId is not null)
            .GroupBy(x => x.SlaPolicyId!.Value)
            .Select(g =>
            {
                int First(SlaResult r) => g.Where(x => x.FirstResponse == r).Sum(x => x.Count);
                int Resolution(SlaResult r) => g.Where(x => x.Resolution == r).Sum(x => x.Count);
                return new PolicyAttainment(
                    g.Key,
                    names.GetValueOrDefault(g.Key) ?? "(deleted policy)",
                    First(SlaResult.Met),
                    First(SlaResult.Missed),
                    First(SlaResult.Running),
                    Resolution(SlaResult.Met),
                    Resolution(SlaResult.Missed),
                    Resolution(SlaResult.Running)
                );
            })
            .OrderBy(p => p.Policy, StringComparer.Ordinal)
            .ToList();

    /// <summary>Conversations of the period forwarded from marketing to service; time to first response counts from the customer's post.</summary>
    public static ForwardFigures Forwards(PeriodFacts facts)
    {
        var forwarded = facts.Tallies.Where(x => x.Forwarded).ToList();
        return new ForwardFigures(
            forwarded.Sum(x => x.Count),
            Percentile.Of(Sorted(facts.Responses.Where(r => r.Forwarded).Select(r => r.Seconds)), 50),
            forwarded.GroupBy(x => x.ForwardOutcome).ToDictionary(g => g.Key, g => g.Sum(x => x.Count))
        );
    }

    /// <summary>The most used tags (compared without case, shown in their most used spelling).</summary>
    public static IReadOnlyList<(string Tag, int Count)> Tags(PeriodFacts facts, int top) =>
        facts
            .TagSets.SelectMany(s => ConversationFact.SplitTags(s.Tags).Select(tag => (Tag: tag, s.Count)))
            .GroupBy(t => t.Tag, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
                (
                    Tag: g.GroupBy(t => t.Tag, StringComparer.Ordinal)
                        .OrderByDescending(s => s.Sum(t => t.Count))
                        .ThenBy(s => s.Key, StringComparer.Ordinal)
                        .First()
                        .Key,
                    Count: g.Sum(t => t.Count)
                )
            )
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    private static List<int> Sorted(IEnumerable<int?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        list.Sort();
        return list;
    }
}

/// <summary>A period chosen from two days, or the reason it cannot be one (with the field to change).</summary>
public sealed record PeriodChoice(ReportPeriod? Period, FieldError? Problem)
{
    public string? Error => Problem?.Message;

    public static PeriodChoice Refused(string field, string message) => new(null, new FieldError(field, message));
}
