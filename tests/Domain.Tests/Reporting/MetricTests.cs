using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;

namespace Agency.Domain.Tests.Reporting;

/// <summary>Every figure against values worked out by hand (the working is in the comments).</summary>
public class MetricTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly BusinessCalendar AllHours = BusinessCalendar.AlwaysOpen(London);

    // Mon–Fri 09:00–17:00 London.
    private static readonly BusinessCalendar Office = BusinessCalendar.Create(
        London,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.ToDictionary(
            d => d,
            _ => (IReadOnlyList<OpeningInterval>)[OpeningInterval.Parse("09:00", "17:00")]
        )
    );

    // November: London is on UTC, so local times are UTC times.
    private static DateTime T(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static SlaPolicy Policy(int firstMinutes, bool businessHours = false, int resolutionMinutes = 24 * 60) =>
        new()
        {
            Name = "X within the hour",
            FirstResponseMinutes = firstMinutes,
            NextResponseMinutes = firstMinutes,
            ResolutionMinutes = resolutionMinutes,
            BusinessHoursOnly = businessHours,
        };

    private static Conversation Case(DateTime started, DateTime? answered = null, Intent intent = Intent.ServiceQuestion)
    {
        var c = new Conversation
        {
            CustomerExternalId = "c",
            Network = Network.X,
            Intent = intent,
            StartedAt = started,
            InboundCount = 1,
            FirstResponseAt = answered,
        };
        return c;
    }

    [Fact]
    public void A_first_reply_across_the_evening_counts_in_calendar_time_and_in_service_hours()
    {
        // Friday 16:30 to Monday 09:30: 65 h calendar; service hours 16:30–17:00 + 09:00–09:30 = 60 min.
        var c = Case(T(20, 16, 30), T(23, 9, 30));
        var fact = FactBuilder.Build(c, Department.Service, Policy(60, businessHours: true), Office, Office, T(23, 12));
        Assert.Equal(65 * 3600, fact.FirstResponseSeconds);
        Assert.Equal(3600, fact.FirstResponseBusinessSeconds);
        Assert.Equal(SlaResult.Met, fact.FirstResponseSla); // 60 min of service hours ≤ 60 min target

        var roundTheClock = FactBuilder.Build(c, Department.Service, Policy(60), AllHours, Office, T(23, 12));
        Assert.Equal(SlaResult.Missed, roundTheClock.FirstResponseSla); // 65 h > 1 h
    }

    [Fact]
    public void An_unanswered_case_is_running_until_its_due_time_and_missed_after_it()
    {
        var c = Case(T(23, 10));
        var fact = FactBuilder.Build(c, Department.Service, Policy(60), AllHours, Office, T(23, 10, 30));
        Assert.Equal(SlaResult.Running, fact.FirstResponseSla);
        Assert.Equal(T(23, 11), fact.FirstResponseDueAt);
        Assert.Equal(SlaResult.Running, fact.FirstResponseAsOf(T(23, 10, 59)));
        Assert.Equal(SlaResult.Missed, fact.FirstResponseAsOf(T(23, 11)));
    }

    [Fact]
    public void A_case_closed_without_a_reply_is_missed_only_if_closed_after_the_target()
    {
        var early = Case(T(23, 10));
        early.Resolve(T(23, 10, 20));
        Assert.Equal(
            SlaResult.None,
            FactBuilder.Build(early, Department.Service, Policy(60), AllHours, Office, T(23, 12)).FirstResponseSla
        );

        var late = Case(T(23, 10));
        late.Resolve(T(23, 11, 20));
        Assert.Equal(
            SlaResult.Missed,
            FactBuilder.Build(late, Department.Service, Policy(60), AllHours, Office, T(23, 12)).FirstResponseSla
        );
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_resolution_clock()
    {
        // 10:00 start, 10:10 reply, waits 10:30–14:30 (4 h), resolved 15:00: 5 h elapsed, 1 h counts against a 2 h target.
        var c = Case(T(23, 10), T(23, 10, 10));
        c.WaitOnCustomer(T(23, 10, 30));
        c.Record(
            new Post
            {
                ExternalId = "2",
                AuthorExternalId = "c",
                Text = "back",
                Direction = Direction.Inbound,
                CreatedAt = T(23, 14, 30),
            }
        );
        c.Resolve(T(23, 15));
        var fact = FactBuilder.Build(c, Department.Service, Policy(60, resolutionMinutes: 120), AllHours, Office, T(23, 16));
        Assert.Equal(SlaResult.Met, fact.ResolutionSla);
        Assert.Equal(600, fact.FirstResponseSeconds);
    }

    [Fact]
    public void A_case_moved_to_private_counts_once_and_its_first_reply_is_the_public_acknowledgement()
    {
        var c = Case(T(23, 9));
        c.Record(
            new Post
            {
                ExternalId = "a",
                AuthorExternalId = "brand",
                Text = "Please DM us",
                Direction = Direction.Outbound,
                CreatedAt = T(23, 9, 5),
            }
        );
        c.MovedToPrivateAt = T(23, 9, 5);
        c.Record(
            new Post
            {
                ExternalId = "b",
                AuthorExternalId = "brand",
                Text = "Your booking ref?",
                Direction = Direction.Outbound,
                IsPrivate = true,
                CreatedAt = T(23, 9, 20),
            }
        );
        var fact = FactBuilder.Build(c, Department.Service, Policy(60), AllHours, Office, T(23, 12));
        Assert.True(fact.MovedToPrivate);
        Assert.Equal(300, fact.FirstResponseSeconds);
        var k = DashboardCalculator.Summarise([fact], [], T(23, 12));
        Assert.Equal((1, 1, 1), (k.Conversations, k.MovedToPrivate, k.Responded));
    }

    [Fact]
    public void Automatic_acknowledgements_do_not_count_as_a_response()
    {
        var c = Case(T(23, 9));
        c.Record(
            new Post
            {
                ExternalId = "auto",
                AuthorExternalId = "brand",
                Text = "Thanks, we'll be in touch",
                Direction = Direction.Outbound,
                IsAutomatic = true,
                CreatedAt = T(23, 9, 1),
            }
        );
        var fact = FactBuilder.Build(c, Department.Service, Policy(60), AllHours, Office, T(23, 9, 30));
        Assert.Null(fact.FirstResponseSeconds);
        Assert.Equal(SlaResult.Running, fact.FirstResponseSla);
    }

    [Fact]
    public void A_forward_counts_from_the_customer_s_post_and_reports_its_outcome()
    {
        var c = Case(T(23, 9), T(23, 9, 45));
        c.Forwarded = true;
        c.ForwardedAt = T(23, 9, 30);
        var fact = FactBuilder.Build(c, Department.Marketing, Policy(60), AllHours, Office, T(23, 12));
        Assert.Equal(ForwardOutcome.Answered, fact.ForwardOutcome);
        Assert.Equal(45 * 60, fact.FirstResponseSeconds);
        c.SentBackAt = T(23, 10);
        Assert.Equal(ForwardOutcome.SentBack, FactBuilder.Build(c, Department.Marketing, null, AllHours, Office, T(23, 12)).ForwardOutcome);
    }

    [Theory]
    [InlineData(new[] { 1 }, 50, 1)]
    [InlineData(new[] { 1, 2 }, 50, 1)] // ceil(0.5·2) = 1st
    [InlineData(new[] { 1, 2, 3, 4 }, 50, 2)] // ceil(0.5·4) = 2nd
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)] // ceil(0.9·10) = 9th
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 90, 10)] // ceil(9.9) = 10th
    public void Percentiles_are_nearest_rank(int[] sorted, double p, int expected) => Assert.Equal(expected, Percentile.Of(sorted, p));

    [Fact]
    public void The_dashboard_of_a_small_week_matches_the_hand_count()
    {
        var zone = London;
        var period = new ReportPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), zone); // Mon–Sun
        var policy = Guid.NewGuid();
        ConversationFact F(
            DateTime start,
            int? seconds,
            SlaResult sla,
            Intent intent = Intent.ServiceQuestion,
            Network n = Network.X,
            string tags = ""
        ) =>
            new()
            {
                Id = Guid.NewGuid(),
                StartedAt = start,
                Network = n,
                Intent = intent,
                NeedsResponse = intent is Intent.ServiceQuestion or Intent.Complaint,
                FirstResponseAt = seconds is { } s ? start.AddSeconds(s) : null,
                FirstResponseSeconds = seconds,
                FirstResponseBusinessSeconds = seconds,
                SlaPolicyId = policy,
                FirstResponseSla = sla,
                ResolutionSla = SlaResult.Running,
                Tags = tags,
            };
        var facts = new List<ConversationFact>
        {
            F(T(16, 9), 300, SlaResult.Met, tags: "|refund|"),
            F(T(17, 9), 1200, SlaResult.Met, Intent.Complaint, tags: "|refund|delay|"),
            F(T(18, 9), 4000, SlaResult.Missed, Intent.Complaint, Network.Facebook),
            F(T(19, 9), null, SlaResult.Missed),
            F(T(20, 9), 600, SlaResult.Met, Intent.Praise),
            F(T(22, 23, 59), null, SlaResult.Running), // last minute of the period
            F(T(23, 0), 60, SlaResult.Met), // next day: not in the period
            F(T(10, 9), 100, SlaResult.Met), // period before
            F(T(11, 9), null, SlaResult.Missed), // period before
        };
        var days = new List<DayStat>
        {
            new()
            {
                Day = new(2026, 11, 16),
                Network = Network.X,
                Intent = Intent.ServiceQuestion,
                Sentiment = Sentiment.Negative,
                Inbound = 3,
            },
            new()
            {
                Day = new(2026, 11, 16),
                Network = Network.X,
                Intent = Intent.Praise,
                Sentiment = Sentiment.Positive,
                Inbound = 1,
                Outbound = 2,
            },
            new()
            {
                Day = new(2026, 11, 18),
                Network = Network.Facebook,
                Intent = Intent.Complaint,
                Sentiment = Sentiment.Neutral,
                Inbound = 4,
            },
            new()
            {
                Day = new(2026, 11, 23),
                Network = Network.X,
                Intent = Intent.ServiceQuestion,
                Sentiment = Sentiment.Negative,
                Inbound = 9,
            }, // outside
            new()
            {
                Day = new(2026, 11, 10),
                Network = Network.X,
                Intent = Intent.ServiceQuestion,
                Sentiment = Sentiment.Neutral,
                Inbound = 2,
            }, // before
        };
        var d = DashboardCalculator.Compute(
            period,
            facts,
            days,
            new Dictionary<Guid, string> { [policy] = "X within the hour" },
            new Backlog(2, T(22, 23, 59)),
            T(23, 0, 30)
        );

        // This week: 6 conversations; 5 need a response (praise does not), 3 of them answered.
        Assert.Equal(6, d.Current.Conversations);
        Assert.Equal(5, d.Current.NeedsResponse);
        Assert.Equal(3, d.Current.Responded);
        Assert.Equal(0.6, d.Current.ResponseRate);
        // Answered times sorted: 300, 600, 1200, 4000 → median = 2nd = 600; p90 = ceil(3.6) = 4th = 4000.
        Assert.Equal(600, d.Current.FirstResponseMedianSeconds);
        Assert.Equal(4000, d.Current.FirstResponseP90Seconds);
        // SLA: met 3, missed 2, running 1 (not counted) → 60 %.
        Assert.Equal((3, 2), (d.Current.SlaMet, d.Current.SlaMissed));
        Assert.Equal(0.6, d.Current.SlaAttainment);
        // Messages: 3 + 1 + 4 = 8, negative 3 of 8.
        Assert.Equal(8, d.Current.Inbound);
        Assert.Equal(3.0 / 8, d.Current.NegativeShare);
        // Period before: 2 conversations, 1 met 1 missed, 2 messages.
        Assert.Equal((2, 1, 1, 2), (d.Previous.Conversations, d.Previous.SlaMet, d.Previous.SlaMissed, d.Previous.Inbound));

        Assert.Equal(7, d.Days.Count);
        Assert.Equal(4, d.Days[0].Total);
        Assert.Equal(4, d.Days[2].ByNetwork[Network.Facebook]);
        var x = d.ResponseTimes.Single(t => t.Network == Network.X);
        Assert.Equal((5, 3, 600, 1200), (x.Conversations, x.Responded, x.MedianSeconds, x.P90Seconds)); // X answered: 300, 600, 1200
        var sla = Assert.Single(d.Sla);
        Assert.Equal((3, 2, 1), (sla.FirstMet, sla.FirstMissed, sla.FirstRunning));
        Assert.Equal(("refund", 2), d.TopTags[0]);
        Assert.Equal(("delay", 1), d.TopTags[1]);

        var headlines = ReportFormat.Headlines(d);
        Assert.Contains(("Response rate", "60.0 %", "50.0 %", "+10.0 pts"), headlines);
        Assert.Contains(("First response, median", "10 min 00 s", "1 min 40 s", "+500.0 %"), headlines);
    }

    [Fact]
    public void A_period_is_whole_local_days_and_refuses_impossible_ranges()
    {
        var ny = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var p = new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), ny); // the day clocks go back: 25 hours
        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), p.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), p.ToUtc);
        Assert.Equal(new DateOnly(2026, 10, 31), p.Previous.From);
        Assert.Equal(
            "The last day must not be before the first.",
            ReportPeriod.Create(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1), ny).Error
        );
        Assert.Equal("Choose at most 366 days.", ReportPeriod.Create(new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1), ny).Error);
        Assert.NotNull(ReportPeriod.Create(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), ny).Period);
    }

    [Fact]
    public void Csv_cells_are_quoted_and_formulas_are_defused()
    {
        Assert.Equal("\"a,b\"", ReportCsv.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", ReportCsv.Escape("say \"hi\""));
        Assert.Equal("'=HYPERLINK(1)", ReportCsv.Escape("=HYPERLINK(1)"));
        Assert.Equal("'-5", ReportCsv.Escape("-5"));
    }

    [Fact]
    public void Facts_counted_together_keep_every_figure_and_a_target_due_since_counts_as_missed()
    {
        var policy = Guid.NewGuid();
        ConversationFact F(int? seconds, SlaResult sla, DateTime? due = null, string tags = "", bool forwarded = false) =>
            new()
            {
                Id = Guid.NewGuid(),
                StartedAt = T(20, 9),
                Network = Network.X,
                NeedsResponse = true,
                FirstResponseSeconds = seconds,
                FirstResponseBusinessSeconds = seconds,
                SlaPolicyId = policy,
                FirstResponseSla = sla,
                FirstResponseDueAt = due,
                Tags = tags,
                Forwarded = forwarded,
                ForwardOutcome = forwarded ? ForwardOutcome.Answered : ForwardOutcome.None,
            };
        var facts = new[]
        {
            F(60, SlaResult.Met, tags: "|refund|"),
            F(60, SlaResult.Met, tags: "|refund|"),
            F(120, SlaResult.Met, tags: "|Refund|delay|", forwarded: true),
            F(null, SlaResult.Running, due: T(20, 10)), // due at 10:00: missed at noon
            F(null, SlaResult.Running, due: T(20, 13)), // still running at noon
        };
        var counted = PeriodFacts.From(facts, T(20, 12));

        Assert.Equal(5, counted.Tallies.Sum(t => t.Count));
        Assert.Equal(2, counted.Tallies.Single(t => t.FirstResponse == SlaResult.Met && !t.Forwarded).Count); // two alike facts: one tally
        Assert.Equal(1, counted.Tallies.Where(t => t.FirstResponse == SlaResult.Missed).Sum(t => t.Count));
        Assert.Equal(1, counted.Tallies.Where(t => t.FirstResponse == SlaResult.Running).Sum(t => t.Count));
        Assert.Equal(new[] { 60, 60, 120 }, counted.Responses.Select(r => r.Seconds!.Value).Order());
        Assert.Equal(new[] { ("refund", 3), ("delay", 1) }, DashboardCalculator.Tags(counted, 10)); // tags compare without case
        var k = DashboardCalculator.Summarise(counted, []);
        Assert.Equal((3, 1, 60, 120), (k.SlaMet, k.SlaMissed, k.FirstResponseMedianSeconds, k.FirstResponseP90Seconds));
        Assert.Equal(120, DashboardCalculator.Forwards(counted).FirstResponseMedianSeconds);
    }

    [Fact]
    public void Day_tallies_count_settled_facts_per_local_day_and_add_up_to_the_counts_of_every_fact()
    {
        var helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        ConversationFact F(DateTime started, SlaResult first, SlaResult resolution = SlaResult.Met, int? seconds = 60) =>
            new()
            {
                Id = Guid.NewGuid(),
                StartedAt = started,
                Network = Network.X,
                NeedsResponse = true,
                FirstResponseSeconds = seconds,
                FirstResponseSla = first,
                ResolutionSla = resolution,
                FirstResponseDueAt = T(20, 23),
                ResolutionDueAt = T(21, 23),
            };
        var facts = new[]
        {
            F(T(20, 21, 30), SlaResult.Met),
            F(T(20, 21, 45), SlaResult.Met), // Friday 23:30 and 23:45 in Helsinki: one tally of two
            F(T(20, 22, 30), SlaResult.Met), // 00:30 on Saturday in Helsinki (22:30 Friday in London)
            F(T(20, 22, 40), SlaResult.Missed, seconds: 9000),
            F(T(20, 22, 50), SlaResult.Running, seconds: null), // first response still running: not tallied
            F(T(20, 22, 55), SlaResult.Met, SlaResult.Running), // resolution still running: not tallied
        };

        var tallies = DayTally.Tally(facts, helsinki);

        var (friday, saturday) = (new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21));
        Assert.Equal(new[] { (friday, 2) }, tallies.Where(t => t.Day == friday).Select(t => (t.Day, t.Count)));
        Assert.Equal(2, tallies.Count(t => t.Day == saturday)); // met and missed differ
        Assert.Equal(4, tallies.Sum(t => t.Count));
        Assert.Equal(4, DayTally.Tally(facts, London).Where(t => t.Day == friday).Sum(t => t.Count)); // all on Friday in London
        // Settled tallies from several days, merged with the running facts counted as of a moment, are the counts of every fact.
        var now = T(21, 12);
        var running = facts.Where(f => !DayTally.Settles(f)).Select(f => FactRow.Of(f, now));
        var merged = FactTally.Merge(tallies.Select(t => t.ToTally()).Concat(PeriodFacts.From(running, []).Tallies));
        var all = PeriodFacts.From(facts, now).Tallies;
        Assert.Equal(all.OrderBy(t => t.ToString()), merged.OrderBy(t => t.ToString()));
        Assert.Equal(3, merged.Single(t => t.FirstResponse == SlaResult.Met && t.Resolution == SlaResult.Met).Count);
    }

    [Fact]
    public void A_facts_tags_are_whole_tags_within_the_index_limit()
    {
        Assert.Equal("|refund|delay|", ConversationFact.JoinTags(["refund", " delay ", "Refund"]));
        var many = Enumerable.Range(0, 100).Select(i => $"tag-number-{i:000}").ToList(); // 14 characters each
        var joined = ConversationFact.JoinTags(many);
        Assert.True(joined.Length <= ConversationFact.MaxTagsLength);
        Assert.StartsWith("|tag-number-000|", joined, StringComparison.Ordinal);
        Assert.EndsWith("|", joined, StringComparison.Ordinal);
        Assert.All(ConversationFact.SplitTags(joined), t => Assert.Matches("^tag-number-\\d{3}$", t));
        Assert.Equal((ConversationFact.MaxTagsLength - 1) / 15, ConversationFact.SplitTags(joined).Length);
    }
}
