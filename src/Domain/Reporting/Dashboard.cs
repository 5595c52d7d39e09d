using Agency.Domain.Channels;
using Agency.Domain.Classification;

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
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The period, or why these days cannot be one.</summary>
    public static (ReportPeriod? Period, string? Error) Create(DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        if (from is null || to is null) return (null, "Choose the first and the last day.");
        if (to < from) return (null, "The last day must not be before the first.");
        if (to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays) return (null, $"Choose at most {MaxDays} days.");
        return (new ReportPeriod(from.Value, to.Value, zone), null);
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
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

public sealed record Kpis(int Inbound, int Conversations, int NeedsResponse, int Responded, int? FirstResponseMedianSeconds, int? FirstResponseP90Seconds,
    int SlaMet, int SlaMissed, int NegativeInbound, int LabelledInbound, int MovedToPrivate, int Forwards)
{
    /// <summary>Share of service questions and complaints that got a reply; null when there were none.</summary>
    public double? ResponseRate => NeedsResponse == 0 ? null : (double)Responded / NeedsResponse;
    /// <summary>First-response targets met among those decided (met or missed).</summary>
    public double? SlaAttainment => SlaMet + SlaMissed == 0 ? null : (double)SlaMet / (SlaMet + SlaMissed);
    public double? NegativeShare => LabelledInbound == 0 ? null : (double)NegativeInbound / LabelledInbound;
}

public sealed record ResponseTimes(Network Network, int Conversations, int Responded, int? MedianSeconds, int? P90Seconds, int? BusinessMedianSeconds, int? BusinessP90Seconds);

public sealed record PolicyAttainment(Guid PolicyId, string Policy, int FirstMet, int FirstMissed, int FirstRunning, int ResolutionMet, int ResolutionMissed, int ResolutionRunning)
{
    public double? FirstResponse => FirstMet + FirstMissed == 0 ? null : (double)FirstMet / (FirstMet + FirstMissed);
    public double? Resolution => ResolutionMet + ResolutionMissed == 0 ? null : (double)ResolutionMet / (ResolutionMet + ResolutionMissed);
}

public sealed record DayVolume(DateOnly Day, IReadOnlyDictionary<Network, int> ByNetwork, IReadOnlyDictionary<Intent, int> ByIntent, int Negative, int Neutral, int Positive)
{
    public int Total => ByNetwork.Values.Sum();
}

public sealed record ForwardFigures(int Count, int? FirstResponseMedianSeconds, IReadOnlyDictionary<ForwardOutcome, int> Outcomes);

public sealed record Backlog(int Waiting, DateTime? OldestWaitingSince);

public sealed record BrandDashboard(ReportPeriod Period, Kpis Current, Kpis Previous, IReadOnlyList<DayVolume> Days, IReadOnlyList<ResponseTimes> ResponseTimes,
    IReadOnlyList<PolicyAttainment> Sla, ForwardFigures Forwards, IReadOnlyList<(string Tag, int Count)> TopTags, Backlog Backlog, DateTime AsOf);

/// <summary>Computes a brand's dashboard from its conversation facts and hourly post counts (pure; the definitions are in <see cref="FactBuilder"/>).</summary>
public static class DashboardCalculator
{
    public static BrandDashboard Compute(ReportPeriod period, IReadOnlyList<ConversationFact> facts, IReadOnlyList<HourStat> hours,
        IReadOnlyDictionary<Guid, string> policyNames, Backlog backlog, DateTime nowUtc, int topTags = 10)
    {
        var previous = period.Previous;
        var current = In(facts, period).ToList();
        var before = In(facts, previous).ToList();
        var hoursNow = hours.Where(h => h.HourUtc >= period.FromUtc && h.HourUtc < period.ToUtc).ToList();
        var hoursBefore = hours.Where(h => h.HourUtc >= previous.FromUtc && h.HourUtc < previous.ToUtc).ToList();

        return new BrandDashboard(period, Summarise(current, hoursNow, nowUtc), Summarise(before, hoursBefore, nowUtc), Days(period, hoursNow),
            Times(current), Policies(current, policyNames, nowUtc), Forwards(current), Tags(current, topTags), backlog, nowUtc);
    }

    public static IEnumerable<ConversationFact> In(IEnumerable<ConversationFact> facts, ReportPeriod p) =>
        facts.Where(f => f.StartedAt >= p.FromUtc && f.StartedAt < p.ToUtc);

    public static Kpis Summarise(IReadOnlyList<ConversationFact> facts, IReadOnlyList<HourStat> hours, DateTime nowUtc)
    {
        var answered = Sorted(facts.Where(f => !f.NoAction).Select(f => f.FirstResponseSeconds));
        var first = facts.Select(f => f.FirstResponseAsOf(nowUtc)).ToList();
        return new Kpis(
            Inbound: hours.Sum(h => h.Inbound),
            Conversations: facts.Count,
            NeedsResponse: facts.Count(f => f.NeedsResponse),
            Responded: facts.Count(f => f.NeedsResponse && f.FirstResponseAt is not null),
            FirstResponseMedianSeconds: Percentile.Of(answered, 50),
            FirstResponseP90Seconds: Percentile.Of(answered, 90),
            SlaMet: first.Count(r => r == SlaResult.Met),
            SlaMissed: first.Count(r => r == SlaResult.Missed),
            NegativeInbound: hours.Where(h => h.Sentiment == Sentiment.Negative).Sum(h => h.Inbound),
            LabelledInbound: hours.Where(h => h.Sentiment is not null).Sum(h => h.Inbound),
            MovedToPrivate: facts.Count(f => f.MovedToPrivate),
            Forwards: facts.Count(f => f.Forwarded));
    }

    public static IReadOnlyList<DayVolume> Days(ReportPeriod period, IReadOnlyList<HourStat> hours)
    {
        var byDay = hours.Where(h => h.Inbound > 0).GroupBy(h => period.LocalDate(h.HourUtc)).ToDictionary(g => g.Key, g => g.ToList());
        return period.Dates().Select(d =>
        {
            var list = byDay.GetValueOrDefault(d) ?? [];
            return new DayVolume(d,
                list.GroupBy(h => h.Network).ToDictionary(g => g.Key, g => g.Sum(h => h.Inbound)),
                list.Where(h => h.Intent is not null).GroupBy(h => h.Intent!.Value).ToDictionary(g => g.Key, g => g.Sum(h => h.Inbound)),
                list.Where(h => h.Sentiment == Sentiment.Negative).Sum(h => h.Inbound),
                list.Where(h => h.Sentiment == Sentiment.Neutral).Sum(h => h.Inbound),
                list.Where(h => h.Sentiment == Sentiment.Positive).Sum(h => h.Inbound));
        }).ToList();
    }

    public static IReadOnlyList<ResponseTimes> Times(IReadOnlyList<ConversationFact> facts) =>
        facts.Where(f => !f.NoAction).GroupBy(f => f.Network).OrderBy(g => g.Key).Select(g =>
        {
            var calendar = Sorted(g.Select(f => f.FirstResponseSeconds));
            var business = Sorted(g.Select(f => f.FirstResponseBusinessSeconds));
            return new ResponseTimes(g.Key, g.Count(), calendar.Count, Percentile.Of(calendar, 50), Percentile.Of(calendar, 90), Percentile.Of(business, 50), Percentile.Of(business, 90));
        }).ToList();

    public static IReadOnlyList<PolicyAttainment> Policies(IReadOnlyList<ConversationFact> facts, IReadOnlyDictionary<Guid, string> names, DateTime nowUtc) =>
        facts.Where(f => f.SlaPolicyId is not null).GroupBy(f => f.SlaPolicyId!.Value).Select(g =>
        {
            var first = g.Select(f => f.FirstResponseAsOf(nowUtc)).ToList();
            var resolution = g.Select(f => f.ResolutionAsOf(nowUtc)).ToList();
            return new PolicyAttainment(g.Key, names.GetValueOrDefault(g.Key) ?? "(deleted policy)",
                first.Count(r => r == SlaResult.Met), first.Count(r => r == SlaResult.Missed), first.Count(r => r == SlaResult.Running),
                resolution.Count(r => r == SlaResult.Met), resolution.Count(r => r == SlaResult.Missed), resolution.Count(r => r == SlaResult.Running));
        }).OrderBy(p => p.Policy, StringComparer.Ordinal).ToList();

    /// <summary>Conversations of the period forwarded from marketing to service; time to first response counts from the customer's post.</summary>
    public static ForwardFigures Forwards(IReadOnlyList<ConversationFact> facts)
    {
        var list = facts.Where(f => f.Forwarded).ToList();
        return new ForwardFigures(list.Count, Percentile.Of(Sorted(list.Select(f => f.FirstResponseSeconds)), 50),
            list.GroupBy(f => f.ForwardOutcome).ToDictionary(g => g.Key, g => g.Count()));
    }

    public static IReadOnlyList<(string Tag, int Count)> Tags(IReadOnlyList<ConversationFact> facts, int top) =>
        facts.SelectMany(f => f.TagList()).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Tag: g.First(), Count: g.Count())).OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal).Take(top).ToList();

    private static List<int> Sorted(IEnumerable<int?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        list.Sort();
        return list;
    }
}
