using System.Net;
using System.Net.Sockets;
using System.Text;
using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Mail;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;

namespace Agency.Infrastructure.Tests.Reporting;

/// <summary>Rollups, dashboards, exports, the monthly e-mail and the console on a real database; one brand's figures never reach another.</summary>
public abstract class ReportSuite(DatabaseProvider provider) : IAsyncLifetime
{
    // Monday 23 November 2026 12:00 London (= UTC in winter).
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private ManualClock clock = default!;
    private TenantScope acme = default!,
        globex = default!,
        stranger = default!;
    private Guid account,
        policy;

    private ReportRollups Rollups => new(db.Setup, clock);
    private BrandReports Reports => new(db.Setup, Rollups, clock);

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        clock = new ManualClock(Now);
        var a = new AgencyAccount { Name = "A", Slug = "a" };
        var b = new AgencyAccount { Name = "B", Slug = "b" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.AddRange(a, b);
            await g.SaveChangesAsync();
        }
        var agency = TenantScope.ForAgency(a.Id, TenantSource.User, "u1", "Hannah");
        var brandA = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
            Color = "#C62828",
            CreatedAt = Now.AddYears(-1),
        };
        var brandG = new Brand
        {
            Name = "Globex",
            Slug = "globex",
            TimeZoneId = "Europe/London",
            CreatedAt = Now.AddYears(-1),
        };
        var brandS = new Brand
        {
            Name = "Stranger",
            Slug = "stranger",
            TimeZoneId = "Europe/London",
            CreatedAt = Now.AddYears(-1),
        };
        await using (var x = db.As(agency))
        {
            x.Brands.AddRange(brandA, brandG);
            await x.SaveChangesAsync();
        }
        await using (var x = db.As(TenantScope.ForAgency(b.Id, TenantSource.User)))
        {
            x.Brands.Add(brandS);
            await x.SaveChangesAsync();
        }
        acme = agency.WithBrand(brandA.Id);
        globex = agency.WithBrand(brandG.Id);
        stranger = TenantScope.ForBrand(b.Id, brandS.Id, TenantSource.User);

        await using (var x = db.As(acme))
        {
            var acc = new ChannelAccount
            {
                Network = Network.X,
                Handle = "acme",
                ExternalAccountId = "1",
                Department = Department.Service,
            };
            var p = new SlaPolicy
            {
                Name = "X within the hour",
                FirstResponseMinutes = 60,
                NextResponseMinutes = 60,
                ResolutionMinutes = 24 * 60,
            };
            x.ChannelAccounts.Add(acc);
            x.SlaPolicies.Add(p);
            await x.SaveChangesAsync();
            (account, policy) = (acc.Id, p.Id);
        }
        // Last week (16–22 Nov): answered in 5, 20 and 90 minutes, one unanswered; the week before: one in 10 minutes.
        await AddCaseAsync(acme, new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc), 5, "refund");
        await AddCaseAsync(
            acme,
            new DateTime(2026, 11, 17, 9, 0, 0, DateTimeKind.Utc),
            20,
            "refund",
            intent: Intent.Complaint,
            sentiment: Sentiment.Negative
        );
        await AddCaseAsync(acme, new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc), 90, null);
        await AddCaseAsync(acme, new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc), null, null, note: "Internal: VIP, careful");
        await AddCaseAsync(acme, new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc), 10, null);
    }

    private async Task<Guid> AddCaseAsync(
        TenantScope brand,
        DateTime started,
        int? answerMinutes,
        string? tag,
        Intent intent = Intent.ServiceQuestion,
        Sentiment sentiment = Sentiment.Neutral,
        string? note = null,
        bool privateReply = false
    )
    {
        await using var x = db.As(brand);
        var c = new Conversation
        {
            ChannelAccountId = account,
            Network = Network.X,
            CustomerExternalId = "cust-" + started.Ticks,
            CustomerHandle = "@cust" + started.Day,
            StartedAt = started,
            LastActivityAt = started,
            SlaPolicyId = brand == acme ? policy : null,
            Routed = true,
        };
        if (tag is not null)
            c.Tags.Add(tag);
        var inbound = new Post
        {
            ConversationId = c.Id,
            ChannelAccountId = account,
            ExternalId = "in-" + started.Ticks,
            Direction = Direction.Inbound,
            AuthorExternalId = c.CustomerExternalId,
            AuthorHandle = c.CustomerHandle,
            Text = "My flight was cancelled, I need a refund",
            CreatedAt = started,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Intent = intent,
            Sentiment = sentiment,
        };
        c.Record(inbound);
        x.Conversations.Add(c);
        x.Posts.Add(inbound);
        if (answerMinutes is { } m)
        {
            var reply = new Post
            {
                ConversationId = c.Id,
                ChannelAccountId = account,
                ExternalId = "out-" + started.Ticks,
                Direction = Direction.Outbound,
                AuthorExternalId = "brand",
                AuthorHandle = "acme",
                Text = "Sorry to hear that, we are on it",
                CreatedAt = started.AddMinutes(m),
                ReceivedAt = clock.GetUtcNow().UtcDateTime,
                IsPrivate = privateReply,
            };
            c.Record(reply);
            x.Posts.Add(reply);
        }
        if (note is not null)
            x.ConversationNotes.Add(
                new ConversationNote
                {
                    ConversationId = c.Id,
                    AuthorName = "Lead",
                    Text = note,
                    CreatedAt = started,
                }
            );
        await x.SaveChangesAsync();
        return c.Id;
    }

    private static ReportPeriod LastWeek =>
        new(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    [Fact]
    public async Task Rollups_hold_one_fact_per_conversation_and_daily_counts_and_pick_up_only_what_changed()
    {
        var first = await Rollups.RefreshAsync(acme);
        Assert.Equal(5, first.Facts);
        await using (var x = db.As(acme))
        {
            Assert.Equal(5, await x.ConversationFacts.CountAsync());
            Assert.Equal(9, await x.DayStats.SumAsync(h => h.Inbound + h.Outbound)); // 5 customer posts and 4 replies
        }
        // Nothing changed: nothing recomputed (the look-back overlap may revisit rows, never more than changed in it).
        clock.Advance(TimeSpan.FromMinutes(10));
        var again = await Rollups.RefreshAsync(acme);
        Assert.True(again.Facts <= 5);

        // The unanswered case gets a reply: its fact follows.
        await using (var x = db.As(acme))
        {
            var c = await x.Conversations.SingleAsync(c => c.FirstResponseAt == null);
            var reply = new Post
            {
                ConversationId = c.Id,
                ChannelAccountId = account,
                ExternalId = "late",
                Direction = Direction.Outbound,
                AuthorExternalId = "brand",
                Text = "Sorry for the wait",
                CreatedAt = c.StartedAt.AddHours(3),
                ReceivedAt = clock.GetUtcNow().UtcDateTime,
            };
            c.Record(reply);
            x.Posts.Add(reply);
            await x.SaveChangesAsync();
        }
        await Rollups.RefreshAsync(acme);
        await using (var x = db.As(acme))
        {
            var answered = await x.ConversationFacts.Where(f => f.FirstResponseSeconds == 3 * 3600).SingleAsync();
            Assert.Equal(SlaResult.Missed, answered.FirstResponseSla);
            Assert.Equal(10, await x.DayStats.SumAsync(h => h.Inbound + h.Outbound));
        }
        // Its day is counted again: the tallies hold it as answered (and late), as counting every fact afresh would.
        var tallies = await AssertTalliesMatchFactsAsync(LastWeek.Zone);
        Assert.Equal(1, tallies.Single(t => t.Day == new DateOnly(2026, 11, 19)).Tally.Count);
        Assert.True(tallies.Single(t => t.Day == new DateOnly(2026, 11, 19)).Tally is { Responded: true, FirstResponse: SlaResult.Missed });

        // Once the look-back window has passed, a refresh with nothing new reads and writes nothing. Saves are stamped by the
        // system clock (the test database has no manual one), so the window is counted from whichever clock is later.
        clock.Set((clock.UtcNow > DateTime.UtcNow ? clock.UtcNow : DateTime.UtcNow).AddMinutes(10));
        await Rollups.RefreshAsync(acme);
        DateTime stamped;
        await using (var x = db.As(acme))
            stamped = (await x.RollupStates.SingleAsync()).UpdatedAt;
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new RollupSummary(0, 0), await Rollups.RefreshAsync(acme));
        await using (var x = db.As(acme))
            Assert.Equal(stamped, (await x.RollupStates.SingleAsync()).UpdatedAt);
    }

    [Fact]
    public async Task Two_refreshes_of_one_brand_at_once_count_every_conversation_once()
    {
        // The job and a dashboard opening at the same moment: both find the same new conversations.
        var rollups = Rollups;
        var both = await Task.WhenAll(rollups.RefreshAsync(acme), rollups.RefreshAsync(acme));
        Assert.Equal(5, both.Max(r => r.Facts)); // one after the other: the second finds nothing new, or the same five again within the look-back
        await using (var x = db.As(acme))
            Assert.Equal(5, await x.ConversationFacts.CountAsync());
        Assert.Equal(5, (await AssertTalliesMatchFactsAsync(LastWeek.Zone)).Sum(t => t.Tally.Count));
    }

    [Fact]
    public async Task Two_servers_refreshing_a_brand_at_once_count_every_conversation_once()
    {
        // Each server has its own in-process gate; the brand's lease in the database makes them take turns (a job on one, a dashboard on the other).
        var (a, b) = (Rollups, Rollups);
        var both = await Task.WhenAll(
            a.RefreshAsync(acme, wait: false),
            b.RefreshAsync(acme),
            a.RefreshAsync(acme),
            b.RefreshAsync(acme, wait: false)
        );
        Assert.Equal(5, both.Max(r => r.Facts));
        await using (var x = db.As(acme))
        {
            Assert.Equal(5, await x.ConversationFacts.CountAsync());
            Assert.Null((await x.RollupStates.SingleAsync()).LeaseHolder); // every lease given back
        }
        Assert.Equal(5, (await AssertTalliesMatchFactsAsync(LastWeek.Zone)).Sum(t => t.Tally.Count));
    }

    [Fact]
    public async Task A_brand_another_server_is_refreshing_is_left_to_it_by_the_job_waited_for_by_a_dashboard_and_free_once_its_lease_lapses()
    {
        // Server "a" is refreshing Acme: its lease, as that server stored it.
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var x = db.As(acme))
        {
            x.RollupStates.Add(
                new RollupState
                {
                    BrandId = acme.BrandId!.Value,
                    PostsThrough = DateTime.MinValue,
                    ConversationsThrough = DateTime.MinValue,
                    LeaseHolder = "a:1",
                    LeaseUntil = now + ReportRollups.LeaseTime,
                }
            );
            await x.SaveChangesAsync();
        }
        var here = Rollups;
        Assert.Equal(new RollupSummary(0, 0), await here.RefreshAsync(acme, wait: false)); // the job leaves the brand to server "a"
        await using (var x = db.As(acme))
            Assert.Equal(0, await x.ConversationFacts.CountAsync());

        // A dashboard waits for server "a", then refreshes what is still new (here: everything, as "a" is only simulated).
        var dashboard = here.RefreshAsync(acme);
        await Task.Delay(800);
        Assert.False(dashboard.IsCompleted);
        await using (var x = db.As(acme))
            await x.RollupStates.ExecuteUpdateAsync(u =>
                u.SetProperty(r => r.LeaseHolder, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null)
            );
        Assert.Equal(5, (await dashboard.WaitAsync(TimeSpan.FromSeconds(30))).Facts);
        await using (var x = db.As(acme))
        {
            Assert.Equal(5, await x.ConversationFacts.CountAsync());
            Assert.Null((await x.RollupStates.SingleAsync()).LeaseUntil);
        }

        // Server "a" stops while holding the lease: the brand waits until the lease lapses, then anyone refreshes it.
        await using (var x = db.As(acme))
            await x.RollupStates.ExecuteUpdateAsync(u =>
                u.SetProperty(r => r.LeaseHolder, "a:2").SetProperty(r => r.LeaseUntil, now + ReportRollups.LeaseTime)
            );
        await AddCaseAsync(acme, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), 15, null);
        Assert.Equal(new RollupSummary(0, 0), await here.RefreshAsync(acme, wait: false));
        clock.Advance(ReportRollups.LeaseTime + TimeSpan.FromSeconds(1));
        Assert.True((await here.RefreshAsync(acme, wait: false)).Facts >= 1);
        await using (var x = db.As(acme))
            Assert.Equal(6, await x.ConversationFacts.CountAsync());
        Assert.Equal(6, (await AssertTalliesMatchFactsAsync(LastWeek.Zone)).Sum(t => t.Tally.Count));
    }

    [Fact]
    public async Task A_person_sees_the_last_complete_figures_marked_catching_up_instead_of_waiting_for_the_rollups()
    {
        // Another server is refreshing Acme (say after a large import): a person is not kept waiting for it.
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var x = db.As(acme))
        {
            x.RollupStates.Add(
                new RollupState
                {
                    BrandId = acme.BrandId!.Value,
                    PostsThrough = DateTime.MinValue,
                    ConversationsThrough = DateTime.MinValue,
                    LeaseHolder = "a:1",
                    LeaseUntil = now + ReportRollups.LeaseTime,
                }
            );
            await x.SaveChangesAsync();
        }
        var shown = await Reports.DashboardAsync(acme, LastWeek, catchUpWait: TimeSpan.FromMilliseconds(300));
        Assert.True(shown.CatchingUp);
        Assert.Equal(0, shown.Current.Conversations); // the last complete figures: nothing rolled up yet

        await using (var x = db.As(acme))
            await x.RollupStates.ExecuteUpdateAsync(u =>
                u.SetProperty(r => r.LeaseHolder, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null)
            );
        await Rollups.RefreshAsync(acme); // what the page's next look finds done
        var complete = await Reports.DashboardAsync(acme, LastWeek, catchUpWait: TimeSpan.FromSeconds(30));
        Assert.False(complete.CatchingUp);
        Assert.True(complete.Current.Conversations > 0);
    }

    /// <summary>The brand's day tallies are what counting every settled fact afresh in <paramref name="zone"/> gives; returns them.</summary>
    private async Task<List<(DateOnly Day, FactTally Tally)>> AssertTalliesMatchFactsAsync(TimeZoneInfo zone)
    {
        await using var x = db.As(acme);
        var stored = (await x.DayTallies.AsNoTracking().ToListAsync())
            .Select(t => (t.Day, Tally: t.ToTally()))
            .OrderBy(t => t.ToString())
            .ToList();
        var afresh = DayTally
            .Tally(await x.ConversationFacts.AsNoTracking().ToListAsync(), zone)
            .Select(t => (t.Day, Tally: t.ToTally()))
            .OrderBy(t => t.ToString())
            .ToList();
        Assert.NotEmpty(stored);
        Assert.Equal(afresh, stored);
        return stored;
    }

    [Fact]
    public async Task The_dashboard_counted_by_the_database_equals_the_definitions_applied_to_every_fact()
    {
        // A case whose first-response target is still running when its fact is computed, and due before the dashboard is read.
        var open = await AddCaseAsync(acme, Now.AddMinutes(-30), null, "delay", intent: Intent.Complaint, sentiment: Sentiment.Negative);
        await AddCaseAsync(acme, new DateTime(2026, 11, 20, 22, 30, 0, DateTimeKind.Utc), 3, "refund");
        // The period before (27 Oct – 9 Nov), which the database counts as one row: answered in 45 minutes, answered in 4 minutes by a private message, never answered.
        await AddCaseAsync(acme, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), 45, "delay");
        await AddCaseAsync(acme, new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc), 4, null, privateReply: true);
        await AddCaseAsync(acme, new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc), null, null, intent: Intent.Complaint);
        await Rollups.RefreshAsync(acme);
        await using (var x = db.As(acme))
            Assert.Equal(SlaResult.Running, (await x.ConversationFacts.SingleAsync(f => f.Id == open)).FirstResponseSla);
        clock.Advance(TimeSpan.FromHours(1));

        var period = new ReportPeriod(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 23), LastWeek.Zone);
        var fromDatabase = await Reports.DashboardAsync(acme, period);
        List<ConversationFact> facts;
        List<DayStat> days;
        await using (var x = db.As(acme))
        {
            facts = await x.ConversationFacts.AsNoTracking().ToListAsync();
            days = await x.DayStats.AsNoTracking().ToListAsync();
        }
        var inMemory = DashboardCalculator.Compute(
            period,
            facts,
            days,
            new Dictionary<Guid, string> { [policy] = "X within the hour" },
            fromDatabase.Backlog,
            clock.GetUtcNow().UtcDateTime
        );

        Assert.Equal(inMemory.Current, fromDatabase.Current);
        Assert.Equal(inMemory.Previous, fromDatabase.Previous);
        Assert.Equal(inMemory.Sla, fromDatabase.Sla);
        Assert.Equal(inMemory.TopTags, fromDatabase.TopTags);
        Assert.Equal(inMemory.Forwards.Count, fromDatabase.Forwards.Count);
        Assert.Equal(inMemory.ResponseTimes, fromDatabase.ResponseTimes);
        Assert.Equal(inMemory.Days.Select(d => (d.Day, d.Total, d.Negative)), fromDatabase.Days.Select(d => (d.Day, d.Total, d.Negative)));
        // The running target fell due an hour later: missed now, as the definitions say.
        Assert.Equal(3, fromDatabase.Current.SlaMissed);
        Assert.Equal(
            (3, 3, 2, 2, 1),
            (
                fromDatabase.Previous.Conversations,
                fromDatabase.Previous.NeedsResponse,
                fromDatabase.Previous.Responded,
                fromDatabase.Previous.SlaMet,
                fromDatabase.Previous.SlaMissed
            )
        );
        Assert.Equal((4 * 60, 45 * 60), (fromDatabase.Previous.FirstResponseMedianSeconds, fromDatabase.Previous.FirstResponseP90Seconds));
        // A period with nothing in it is counted as nothing (no row comes back from the database).
        var empty = new ReportPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), LastWeek.Zone);
        var none = await Reports.PeriodHeadlineAsync(acme, empty, Now);
        Assert.Equal((0, 0, 0), (none.Conversations, none.SlaMissed, none.AnsweredSeconds.Count));
    }

    [Fact]
    public async Task Days_follow_the_brands_time_zone_and_are_counted_again_when_it_changes()
    {
        // 22:30 UTC on Friday 20 November is still Friday in London and already Saturday in Helsinki.
        await AddCaseAsync(acme, new DateTime(2026, 11, 20, 22, 30, 0, DateTimeKind.Utc), null, null);
        await Rollups.RefreshAsync(acme);
        var (friday, saturday) = (new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21));
        await using (var x = db.As(acme))
        {
            Assert.Equal(1, await x.DayStats.Where(d => d.Day == friday).SumAsync(d => d.Inbound));
            Assert.Equal(0, await x.DayStats.Where(d => d.Day == saturday).SumAsync(d => d.Inbound));
            var brand = await x.Brands.SingleAsync(b => b.Id == acme.BrandId);
            brand.TimeZoneId = "Europe/Helsinki";
            await x.SaveChangesAsync();
        }
        await Rollups.RebuildAsync(acme);
        await using (var x = db.As(acme))
        {
            Assert.Equal(0, await x.DayStats.Where(d => d.Day == friday).SumAsync(d => d.Inbound));
            Assert.Equal(1, await x.DayStats.Where(d => d.Day == saturday).SumAsync(d => d.Inbound));
            Assert.Equal(6, await x.DayStats.SumAsync(d => d.Inbound)); // every customer post counted once, none left under the old zone
        }
        // The conversations' tallies moved with them: six conversations, the late one on Saturday, none left on Friday.
        var tallies = await AssertTalliesMatchFactsAsync(TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki"));
        Assert.Equal(
            (6, 0, 1),
            (
                tallies.Sum(t => t.Tally.Count),
                tallies.Where(t => t.Day == friday).Sum(t => t.Tally.Count),
                tallies.Where(t => t.Day == saturday).Sum(t => t.Tally.Count)
            )
        );
    }

    [Fact]
    public async Task The_dashboard_from_the_database_matches_the_hand_count_and_the_exports_hold_the_same_figures()
    {
        var d = await Reports.DashboardAsync(acme, LastWeek);
        // Four conversations; answered 5, 20, 90 min → median 20 min, p90 = 3rd = 90 min; SLA 60 min: met 2, missed 2 (90 min, and the unanswered one long overdue).
        Assert.Equal(4, d.Current.Conversations);
        Assert.Equal(3, d.Current.Responded);
        Assert.Equal(0.75, d.Current.ResponseRate);
        Assert.Equal(20 * 60, d.Current.FirstResponseMedianSeconds);
        Assert.Equal(90 * 60, d.Current.FirstResponseP90Seconds);
        Assert.Equal((2, 2), (d.Current.SlaMet, d.Current.SlaMissed));
        Assert.Equal(4, d.Current.Inbound);
        Assert.Equal(0.25, d.Current.NegativeShare);
        Assert.Equal((1, 1), (d.Previous.Conversations, d.Previous.SlaMet));
        Assert.Equal(("refund", 2), d.TopTags[0]);
        Assert.Equal("X within the hour", Assert.Single(d.Sla).Policy);

        // The figures CSV carries the page's headline figures as numbers with their units (issue 26: no display strings).
        var csv = ReportCsv.Metrics(d);
        Assert.StartsWith("section,item,figure,unit,this_period,period_before,change,change_unit\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nheadline,,messages_received,count,4,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nheadline,,negative_messages,percent,25,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(" min ", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(" %", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'", csv, StringComparison.Ordinal);

        // The conversations CSV: a header and one line per conversation of the period.
        var rows = await Reports.ConversationFactsAsync(acme, LastWeek);
        var lines = ReportCsv.Conversations(rows, LastWeek.Zone, Now).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l =>
            l.Contains(",1200,", StringComparison.Ordinal) && l.Contains("X within the hour,Met", StringComparison.Ordinal)
        );

        // The PDF opens and its text holds the same headline figures.
        var pdf = MonthlyReportPdf.Render(await Reports.BrandAsync(acme), d, "Service report", Now);
        var text = PdfText(pdf);
        Assert.Contains("Acme", text, StringComparison.Ordinal);
        foreach (var (metric, now, _, _) in ReportFormat.Headlines(d))
        {
            Assert.Contains(metric, text, StringComparison.Ordinal);
            Assert.Contains(now, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Transcripts_show_public_and_private_messages_and_never_internal_notes()
    {
        var id = await AddCaseAsync(
            acme,
            new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
            3,
            null,
            note: "Internal: refund approved by Sam",
            privateReply: true
        );
        var t = await Reports.TranscriptAsync(acme, id);
        Assert.NotNull(t);
        Assert.Equal(2, t.Messages.Count);
        Assert.Equal("@acme", t.Account);
        Assert.False(t.Messages[0].IsPrivate);
        Assert.True(t.Messages[1].IsPrivate);
        Assert.DoesNotContain(t.Messages, m => m.Text.Contains("Internal", StringComparison.Ordinal));
        var (list, total) = await Reports.TranscriptsAsync(acme, LastWeek, "refund", 0);
        Assert.Equal(5, total);
        Assert.Contains(list, r => r.Id == id);
    }

    [Fact]
    public async Task Another_brand_or_agency_sees_none_of_this_brand_s_figures_or_transcripts()
    {
        await Rollups.RefreshAsync(acme);
        var id = (await Reports.TranscriptsAsync(acme, LastWeek, null, 0)).Rows[0].Id;
        foreach (var outsider in new[] { globex, stranger })
        {
            Assert.Null(await Reports.TranscriptAsync(outsider, id));
            Assert.Equal(0, (await Reports.TranscriptsAsync(outsider, LastWeek, null, 0)).Total);
            var d = await Reports.DashboardAsync(outsider, LastWeek);
            Assert.Equal((0, 0), (d.Current.Conversations, d.Current.Inbound));
            Assert.Empty(await Reports.ConversationFactsAsync(outsider, LastWeek));
            await using var x = db.As(outsider);
            Assert.Empty(await x.ConversationFacts.ToListAsync());
            Assert.Empty(await x.DayStats.ToListAsync());
        }
    }

    [Fact]
    public async Task The_monthly_report_goes_once_to_the_brand_s_managers_with_the_pdf()
    {
        // A manager of Acme, and one of Globex who must not get Acme's report.
        await using (var x = db.As(acme with { BrandId = null }))
        {
            var users = new[] { ("olivia@acme.example", acme.BrandId!.Value), ("gary@globex.example", globex.BrandId!.Value) }
                .Select(u =>
                    (
                        User: new ApplicationUser
                        {
                            UserName = u.Item1,
                            Email = u.Item1,
                            AgencyId = acme.AgencyId!.Value,
                        },
                        Brand: u.Item2
                    )
                )
                .ToList();
            x.Users.AddRange(users.Select(u => u.User));
            x.BrandMemberships.AddRange(
                users.Select(u => new BrandMembership
                {
                    UserId = u.User.Id,
                    BrandId = u.Brand,
                    Role = BrandRole.BrandManager,
                })
            );
            await x.SaveChangesAsync();
        }
        var port = FreePort();
        var smtp = Options.Create(
            new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = port,
                EnableSsl = false,
                Sink = true,
                SinkDirectory = "",
            }
        );
        var sink = new LocalMailSink(smtp, NullLogger<LocalMailSink>.Instance);
        await sink.StartAsync(CancellationToken.None);
        try
        {
            var monthly = new MonthlyReports(
                db.Setup,
                Reports,
                new SmtpMailSender(smtp, NullLogger<SmtpMailSender>.Instance),
                clock,
                NullLogger<MonthlyReports>.Instance
            );
            clock.Set(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc));
            Assert.Equal(1, await monthly.SendDueAsync(acme));
            Assert.Equal(0, await monthly.SendDueAsync(acme)); // November is delivered
            var mail = Assert.Single(sink.Messages);
            Assert.Equal(["olivia@acme.example"], mail.To);
            Assert.Contains("November 2026", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("application/pdf", mail.Raw, StringComparison.Ordinal);
            Assert.Contains("acme-2026-11.pdf", mail.Raw, StringComparison.Ordinal);
            await using var x = db.As(acme);
            var delivery = await x.ReportDeliveries.SingleAsync();
            Assert.Equal((2026, 11, 1), (delivery.Year, delivery.Month, delivery.Recipients));
        }
        finally
        {
            await sink.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_monthly_report_that_failed_part_way_goes_next_time_only_to_those_who_did_not_get_it()
    {
        await using (var x = db.As(acme with { BrandId = null }))
        {
            var users = new[] { "ann@acme.example", "bob@acme.example", "cat@acme.example" }
                .Select(e => new ApplicationUser
                {
                    UserName = e,
                    Email = e,
                    AgencyId = acme.AgencyId!.Value,
                })
                .ToList();
            x.Users.AddRange(users);
            x.BrandMemberships.AddRange(
                users.Select(u => new BrandMembership
                {
                    UserId = u.Id,
                    BrandId = acme.BrandId!.Value,
                    Role = BrandRole.BrandManager,
                })
            );
            await x.SaveChangesAsync();
        }
        // The mail server refuses Bob once (a full mailbox, a timeout), then takes everything.
        var mail = new FlakyMail("bob@acme.example");
        var monthly = new MonthlyReports(db.Setup, Reports, mail, clock, NullLogger<MonthlyReports>.Instance);
        clock.Set(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc));
        await Assert.ThrowsAsync<InvalidOperationException>(() => monthly.SendDueAsync(acme));
        Assert.Equal(["ann@acme.example"], mail.Sent);
        await using (var x = db.As(acme))
        {
            Assert.Empty(await x.ReportDeliveries.ToListAsync()); // November is not delivered yet
            Assert.Equal(["ann@acme.example"], await x.ReportRecipients.Select(r => r.Email).ToListAsync());
        }

        Assert.Equal(2, await monthly.SendDueAsync(acme)); // Ann is not sent it again
        Assert.Equal(0, await monthly.SendDueAsync(acme));
        Assert.Equal(["ann@acme.example", "bob@acme.example", "cat@acme.example"], mail.Sent);
        await using (var x = db.As(acme))
        {
            var delivery = await x.ReportDeliveries.SingleAsync();
            Assert.Equal((2026, 11, 3), (delivery.Year, delivery.Month, delivery.Recipients));
        }
        await using (var other = db.As(globex))
            Assert.Empty(await other.ReportRecipients.ToListAsync());
    }

    /// <summary>Mail that fails once for one address and otherwise records what it sends.</summary>
    private sealed class FlakyMail(string failOnce) : IMailSender
    {
        private bool failed;
        public List<string> Sent { get; } = [];
        public bool Delivers => true;

        public Task SendAsync(
            string to,
            string subject,
            string body,
            IReadOnlyList<MailAttachment> attachments,
            CancellationToken ct = default
        )
        {
            if (to == failOnce && !failed)
            {
                failed = true;
                throw new InvalidOperationException($"450 mailbox unavailable: {to}");
            }
            Sent.Add(to);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_console_shows_each_brand_s_queue_and_breaches_of_today()
    {
        await using (var x = db.As(acme))
        {
            var c = await x.Conversations.SingleAsync(c => c.FirstResponseAt == null);
            c.TeamId = Guid.NewGuid();
            SlaPlanner.Apply(c, new SlaDue(Now.AddMinutes(-5), null, null));
            x.SlaEvents.Add(
                new SlaEvent
                {
                    ConversationId = c.Id,
                    Target = SlaTarget.FirstResponse,
                    Kind = SlaEventKind.Breach,
                    DueAt = Now.AddMinutes(-5),
                    At = Now.AddMinutes(-4),
                }
            );
            await x.SaveChangesAsync();
        }
        var view = await new AgencyConsole(db.Setup, Rollups, clock).ReadAsync(
            acme with
            {
                BrandId = null,
            },
            [acme.BrandId!.Value, globex.BrandId!.Value]
        );
        var a = view.Brands.Single(b => b.Slug == "acme");
        Assert.Equal((1, 1, 1, 1), (a.Queue, a.Waiting, a.Overdue, a.BreachesToday));
        Assert.Equal(new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc), a.OldestWaitingSince);
        Assert.Null(a.RequiredNow);
        var g = view.Brands.Single(b => b.Slug == "globex");
        Assert.Equal((0, 0), (g.Queue, g.BreachesToday));
        Assert.Equal(2, view.Heat.Count);
    }

    [Fact]
    public async Task The_console_heat_map_reaches_back_as_far_as_asked()
    {
        var console = new AgencyConsole(db.Setup, Rollups, clock);
        var brands = new[] { acme.BrandId!.Value, globex.BrandId!.Value };
        // 7 days back from 23 Nov noon: the cases of 17, 18 and 19 Nov at 09:00 (answered in 20 min; in 90; never), the first-response target an hour.
        var week = (await console.ReadAsync(acme with { BrandId = null }, brands, 7)).Heat.Single(h => h.Name == "Acme");
        Assert.Equal((1, 2), week.Hours[9]);
        Assert.Equal((1, 2), week.Total);
        Assert.All(week.Hours.Where((_, h) => h != 9), cell => Assert.Equal((0, 0), cell));
        // 30 days: also 16 Nov (5 min) and 10 Nov (10 min).
        var month = await console.ReadAsync(acme with { BrandId = null }, brands, 30);
        Assert.Equal(30, month.HeatDays);
        Assert.Equal((3, 2), month.Heat.Single(h => h.Name == "Acme").Total);
        Assert.Equal((0, 0), month.Heat.Single(h => h.Name == "Globex").Total); // Globex has no SLA policy
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => console.ReadAsync(acme with { BrandId = null }, brands, 8));
    }

    private static string PdfText(byte[] pdf)
    {
        // Text is shown as (literal) strings in the content stream; join them to search.
        var text = new StringBuilder();
        var s = PdfContent.Raw(pdf);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '(')
                continue;
            var j = i + 1;
            for (; j < s.Length && !(s[j] == ')' && s[j - 1] != '\\'); j++)
                text.Append(s[j]);
            text.Append('\n');
            i = j;
        }
        return text.ToString().Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}

public sealed class SqliteReports() : ReportSuite(DatabaseProvider.Sqlite);

public sealed class PostgresReports() : ReportSuite(DatabaseProvider.Postgres);
