using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Common;
using Agency.Domain.Conversations;

namespace Agency.Domain.Reporting;

/// <summary>How one SLA target of one conversation stands: not owed, still running, met or missed.</summary>
public enum SlaResult
{
    None = 0,
    Running = 1,
    Met = 2,
    Missed = 3,
}

/// <summary>What became of a service question forwarded from a marketing-owned account.</summary>
public enum ForwardOutcome
{
    None = 0,
    Waiting = 1,
    Answered = 2,
    Resolved = 3,
    SentBack = 4,
}

/// <summary>
/// The reporting row of one conversation (same id): its clocks worked out once, when it changes, so
/// that dashboards read narrow rows instead of replaying posts and calendars per view. Kept by the
/// rollup job; never edited by people.
/// </summary>
public class ConversationFact : IBrandOwned
{
    public Guid Id { get; set; }
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Network Network { get; set; }
    public Department Department { get; set; }

    /// <summary>The customer's first post: every clock starts here.</summary>
    public DateTime StartedAt { get; set; }
    public Intent? Intent { get; set; }
    public Sentiment? Sentiment { get; set; }
    public ConversationStatus Status { get; set; }
    public bool NoAction { get; set; }

    /// <summary>A service question or complaint that needs an answer: what the response rate counts.</summary>
    public bool NeedsResponse { get; set; }
    public DateTime? FirstResponseAt { get; set; }

    /// <summary>Calendar seconds from the customer's first post to the brand's first reply (public or private).</summary>
    public int? FirstResponseSeconds { get; set; }

    /// <summary>The same span counted only in the brand's service hours.</summary>
    public int? FirstResponseBusinessSeconds { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? SlaPolicyId { get; set; }
    public SlaResult FirstResponseSla { get; set; }

    /// <summary>When a still-running first-response target falls due (it counts as missed from then on).</summary>
    public DateTime? FirstResponseDueAt { get; set; }
    public SlaResult ResolutionSla { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public bool MovedToPrivate { get; set; }
    public bool Forwarded { get; set; }
    public DateTime? ForwardedAt { get; set; }
    public ForwardOutcome ForwardOutcome { get; set; }

    /// <summary>The conversation's tags, '|'-separated with a leading and trailing '|', so one tag can be matched with LIKE.</summary>
    public string Tags { get; set; } = "";
    public DateTime ComputedAt { get; set; }

    /// <summary>The first-response result as of <paramref name="nowUtc"/>: a running target past its due time is missed.</summary>
    public SlaResult FirstResponseAsOf(DateTime nowUtc) => AsOf(FirstResponseSla, FirstResponseDueAt, nowUtc);

    public SlaResult ResolutionAsOf(DateTime nowUtc) => AsOf(ResolutionSla, ResolutionDueAt, nowUtc);

    public static SlaResult AsOf(SlaResult stored, DateTime? dueAt, DateTime nowUtc) =>
        stored == SlaResult.Running && dueAt is { } due && nowUtc >= due ? SlaResult.Missed : stored;

    public IEnumerable<string> TagList() => SplitTags(Tags);

    public static string[] SplitTags(string tags) => tags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The most characters of tags a fact keeps (whole tags, in the conversation's order): the reporting
    /// index holds the tags as a key column, which every provider limits in size.
    /// </summary>
    public const int MaxTagsLength = 500;

    public static string JoinTags(IEnumerable<string> tags)
    {
        var list = tags.Select(t => t.Trim().Replace("|", "", StringComparison.Ordinal))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var joined = "|";
        foreach (var tag in list)
        {
            if (joined.Length + tag.Length + 1 > MaxTagsLength)
                break;
            joined += tag + "|";
        }
        return joined.Length == 1 ? "" : joined;
    }
}

/// <summary>A rollup row of one local day of a brand, which the rollup job replaces whenever the day is counted again.</summary>
public interface IDayRow
{
    DateOnly Day { get; }
}

/// <summary>
/// Posts of one brand on one day of the brand's own calendar (its time zone), by network, intent and
/// sentiment: the volume and sentiment series of the dashboards. The rollup job recomputes a day
/// whenever a post on it is stored or relabelled, and every day when the brand's time zone changes.
/// </summary>
public class DayStat : IBrandOwned, IDayRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }

    /// <summary>The local date of the posts' creation time.</summary>
    public DateOnly Day { get; set; }
    public Network Network { get; set; }

    /// <summary>Null for posts without labels (the brand's own posts).</summary>
    public Intent? Intent { get; set; }
    public Sentiment? Sentiment { get; set; }
    public int Inbound { get; set; }
    public int Outbound { get; set; }
}

/// <summary>
/// Conversations of one brand that started on one local day (the brand's time zone) and share every
/// attribute the dashboard counts by, with both SLA results settled. Facts with a target still running are
/// left out: whether they are met or missed depends on when the dashboard is read, so it reads them one by
/// one. The rollup job counts a day again whenever a fact starting on it is recomputed.
/// </summary>
public class DayTally : IBrandOwned, IDayRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public DateOnly Day { get; set; }
    public Network Network { get; set; }
    public Guid? SlaPolicyId { get; set; }
    public bool NoAction { get; set; }
    public bool NeedsResponse { get; set; }
    public bool Responded { get; set; }
    public SlaResult FirstResponseSla { get; set; }
    public SlaResult ResolutionSla { get; set; }
    public bool MovedToPrivate { get; set; }
    public bool Forwarded { get; set; }
    public ForwardOutcome ForwardOutcome { get; set; }
    public int Count { get; set; }

    /// <summary>Whether a fact is counted in the tallies (both targets decided or not owed) rather than read as of the moment of the view.</summary>
    public static bool Settles(ConversationFact f) => f.FirstResponseSla != SlaResult.Running && f.ResolutionSla != SlaResult.Running;

    /// <summary>The tallies of the settled facts among <paramref name="facts"/>, per local day in <paramref name="zone"/>.</summary>
    public static List<DayTally> Tally(IEnumerable<ConversationFact> facts, TimeZoneInfo zone) =>
        facts
            .Where(Settles)
            .GroupBy(f =>
                (
                    Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(f.StartedAt, zone)),
                    f.Network,
                    f.SlaPolicyId,
                    f.NoAction,
                    f.NeedsResponse,
                    Responded: f.FirstResponseSeconds is not null,
                    f.FirstResponseSla,
                    f.ResolutionSla,
                    f.MovedToPrivate,
                    f.Forwarded,
                    f.ForwardOutcome
                )
            )
            .Select(g => new DayTally
            {
                Day = g.Key.Day,
                Network = g.Key.Network,
                SlaPolicyId = g.Key.SlaPolicyId,
                NoAction = g.Key.NoAction,
                NeedsResponse = g.Key.NeedsResponse,
                Responded = g.Key.Responded,
                FirstResponseSla = g.Key.FirstResponseSla,
                ResolutionSla = g.Key.ResolutionSla,
                MovedToPrivate = g.Key.MovedToPrivate,
                Forwarded = g.Key.Forwarded,
                ForwardOutcome = g.Key.ForwardOutcome,
                Count = g.Count(),
            })
            .ToList();

    public FactTally ToTally() =>
        new(
            Network,
            SlaPolicyId,
            NoAction,
            NeedsResponse,
            Responded,
            FirstResponseSla,
            ResolutionSla,
            MovedToPrivate,
            Forwarded,
            ForwardOutcome,
            Count
        );
}

/// <summary>How far the rollups of one brand have been brought up to date.</summary>
public class RollupState : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }

    /// <summary>Posts changed up to here are in <see cref="DayStat"/>.</summary>
    public DateTime PostsThrough { get; set; }

    /// <summary>Conversations changed up to here have current facts (and their days current <see cref="DayTally"/> rows).</summary>
    public DateTime ConversationsThrough { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Which refresh holds the brand's rollups, and until when: servers sharing the database refresh a brand one at a time.
    /// A lease not renewed by then is free again (its server stopped).</summary>
    public string? LeaseHolder { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Counts the rebuilds asked for: a refresh that began before one does not move the watermarks on.</summary>
    public int Rebuilds { get; set; }
}

/// <summary>A monthly report sent to a brand's managers; stored once per brand and month so that the job sends it once.</summary>
public class ReportDelivery : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateTime SentAt { get; set; }
    public int Recipients { get; set; }
}

/// <summary>
/// One manager who has been sent a brand's monthly report. Stored as each mail goes out, so that a run that fails part
/// way (the mail server refuses one address, the process stops) sends next time only to those who did not get it yet.
/// </summary>
public class ReportRecipient : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public string Email { get; set; } = "";
    public DateTime SentAt { get; set; }
}
