using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Domain.Rostering;
using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Rostering;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Rostering;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agency.Portal.Tests.Rostering;

public sealed class CoverageChartTests : BunitContext
{
    [Fact]
    public void Intervals_short_of_the_need_are_red_and_the_hours_short_are_shown()
    {
        // One day of 48 half hours: 2 needed from 09:00 to 17:00, 1 scheduled from 09:00 to 13:00 and 2 after.
        var required = Enumerable.Range(0, 48).Select(i => i is >= 18 and < 34 ? 2 : 0).ToArray();
        var scheduled = Enumerable
            .Range(0, 48)
            .Select(i =>
                i is >= 18 and < 26 ? 1
                : i is >= 26 and < 34 ? 2
                : 0
            )
            .ToArray();
        var cut = Render<CoverageChart>(p =>
            p.Add(x => x.Title, "Acme")
                .Add(x => x.Required, required)
                .Add(x => x.Scheduled, scheduled)
                .Add(x => x.From, new DateOnly(2026, 11, 30))
        );
        Assert.Equal(8, cut.FindAll("rect.coverage-gap").Count);
        Assert.Equal("4", cut.Find("[data-short]").GetAttribute("data-short")); // 8 half hours x 1 person
        Assert.Contains("16 needed", cut.Markup.Replace("of 16 needed", "16 needed"));
        Assert.Contains("Mon 30", cut.Markup);

        var covered = Render<CoverageChart>(p =>
            p.Add(x => x.Title, "Acme")
                .Add(x => x.Required, required)
                .Add(x => x.Scheduled, required)
                .Add(x => x.From, new DateOnly(2026, 11, 30))
        );
        Assert.Empty(covered.FindAll("rect.coverage-gap"));
        Assert.Contains("covered", covered.Find("[data-short]").TextContent);
        Assert.Empty(covered.FindAll("[aria-label='Simulated service of Acme']")); // nothing simulated, nothing said
    }

    [Fact]
    public void What_the_scheduled_people_would_achieve_is_said_per_channel_against_the_aim()
    {
        var need = Enumerable.Repeat(1, 48).ToArray();
        IReadOnlyList<SimulatedService> service =
        [
            new(0, Network.X, 420, 0.912, TimeSpan.FromMinutes(41.2), TimeSpan.FromMinutes(60), 0.8),
            new(0, Network.Facebook, 35, 0.6, TimeSpan.MaxValue, TimeSpan.FromHours(6), 0.8),
            new(0, Network.Instagram, 0, 1, TimeSpan.Zero, TimeSpan.FromHours(6), 0.8),
        ];
        var cut = Render<CoverageChart>(p =>
            p.Add(x => x.Title, "Acme")
                .Add(x => x.Required, need)
                .Add(x => x.Scheduled, need)
                .Add(x => x.From, new DateOnly(2026, 11, 30))
                .Add(x => x.Service, service)
        );
        var lines = cut.Find("[aria-label='Simulated service of Acme']").QuerySelectorAll("[data-network]");
        Assert.Equal(["X", "Facebook", "Instagram"], lines.Select(l => l.GetAttribute("data-network")));
        Assert.Equal("Simulated on X / Twitter: 91 % answered within 60 min (aim 80 %); 90 % within 42 min", Text(lines[0]));
        Assert.Equal(
            "Simulated on Facebook: 60 % answered within 6 h (aim 80 %); more than a tenth still unanswered at the end",
            Text(lines[1])
        );
        Assert.Equal("Simulated on Instagram: no posts expected", Text(lines[2]));
        Assert.Equal("0.912", lines[0].GetAttribute("data-service-level"));
        // Meeting the aim reads as success, missing it as a warning.
        Assert.Contains("mud-success-text", lines[0].ClassName);
        Assert.Contains("mud-warning-text", lines[1].ClassName);

        static string Text(AngleSharp.Dom.IElement e) => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim();
    }

    [Fact]
    public void A_strip_under_the_days_shows_where_the_simulated_service_meets_the_aim_and_where_it_falls_short()
    {
        // Eight half hours: no posts, then two meeting the aim, one just below, two far below, then a sliver of a post (not judged),
        // then two where X meets the aim and Facebook (as many posts) is far off: together 60 %, within 20 points of 80 %.
        var need = Enumerable.Repeat(1, 10).ToArray();
        IReadOnlyList<SimulatedService> service =
        [
            new(0, Network.X, 40, 0.7, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(60), 0.8)
            {
                Levels = [1, 0.9, 0.85, 0.7, 0.3, 0.2, 1, 1, 1, 1],
                Arrivals = [0, 5, 5, 5, 5, 5, 0.1, 0, 4, 4],
            },
            new(0, Network.Facebook, 8, 0.4, TimeSpan.FromHours(2), TimeSpan.FromHours(6), 0.8)
            {
                Levels = [1, 1, 1, 1, 1, 1, 1, 1, 0.2, 0.2],
                Arrivals = [0, 0, 0, 0, 0, 0, 0, 0, 4, 4],
            },
        ];
        var cut = Render<CoverageChart>(p =>
            p.Add(x => x.Title, "Acme")
                .Add(x => x.Required, need)
                .Add(x => x.Scheduled, need)
                .Add(x => x.From, new DateOnly(2026, 11, 30))
                .Add(x => x.Service, service)
        );
        var strip = cut.FindAll("rect[class^='service-']")
            .Select(r => (r.GetAttribute("class"), r.GetAttribute("x"), r.GetAttribute("width")))
            .ToList();
        Assert.Equal([("service-ok", "2", "4"), ("service-low", "6", "2"), ("service-bad", "8", "4"), ("service-low", "16", "4")], strip);
        Assert.Contains("meets the aim", cut.Find(".service-key").TextContent);

        // Without a simulation there is no strip and no key.
        var plain = Render<CoverageChart>(p =>
            p.Add(x => x.Title, "Acme").Add(x => x.Required, need).Add(x => x.Scheduled, need).Add(x => x.From, new DateOnly(2026, 11, 30))
        );
        Assert.Empty(plain.FindAll("rect[class^='service-']"));
        Assert.Empty(plain.FindAll(".service-key"));
    }
}

public sealed class RosterPageTests : ComponentTestBase
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private Guid runId,
        ana;

    public RosterPageTests()
    {
        Services.AddSingleton<AgencyWideReader>();
        Services.AddSingleton<CrossTenantReader>();
        Services.AddSingleton<ShiftBook>();
        Services.AddSingleton<RosterPlanner>();
        Services.AddSingleton(NullLogger<RosterRunner>.Instance);
        Services.AddSingleton<Microsoft.Extensions.Logging.ILogger<RosterRunner>>(NullLogger<RosterRunner>.Instance);
        Services.AddSingleton(Options.Create(new RosterRunnerOptions { MaxConcurrentRuns = 1 }));
        Services.AddSingleton<RosterTurns>();
        Services.AddSingleton<RosterRunner>();
        Services.AddScoped<RosterDesk>();
    }

    protected override async Task SeedAsync()
    {
        var scope = Tenant.Current;
        var brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "UTC",
        };
        var staff = new StaffMember
        {
            Name = "Ana",
            Email = "ana@x.example",
            BrandIds = [brand.Id],
        };
        var run = new RosterRun
        {
            FirstDay = Monday,
            Weeks = 1,
            TimeLimitSeconds = 10,
            Status = RosterRunStatus.Completed,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Test Admin",
            DemandIntervals = 112,
            UnderCoverageIntervals = 96,
            Shifts = 1,
        };
        await using (var db = Setup.Create(scope))
        {
            db.Brands.Add(brand);
            db.StaffMembers.Add(staff);
            db.RosterRuns.Add(run);
            db.Shifts.Add(
                new Shift
                {
                    StaffMemberId = staff.Id,
                    StartsAt = Monday.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                    EndsAt = Monday.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
                    Source = ShiftSource.Roster,
                    IsPublished = false,
                    RosterRunId = run.Id,
                }
            );
            await db.SaveChangesAsync();
        }
        await using (var db = Setup.Create(scope.WithBrand(brand.Id)))
        {
            db.ForecastRuns.Add(
                new ForecastRun
                {
                    Network = Network.X,
                    IntervalMinutes = 30,
                    Model = "Test",
                    FirstLocalDay = Monday,
                    CreatedAt = DateTime.UtcNow,
                    Required = [.. Enumerable.Range(0, 7 * 48).Select(i => i % 48 is >= 18 and < 34 ? 1 : 0)],
                }
            );
            await db.SaveChangesAsync();
        }
        (runId, ana) = (run.Id, staff.Id);
    }

    [Fact]
    public void A_draft_shows_its_coverage_against_the_published_table_and_publishes()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("run", runId.ToString()));
        var cut = Render<Rosters>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-draft-covered]")));
        // The draft covers Monday's 8 hours of the week's 56 needed; nothing is published yet.
        Assert.Equal("0.143", cut.Find("[data-draft-covered]").GetAttribute("data-draft-covered"));
        Assert.Equal("0.000", cut.Find("[data-published-covered]").GetAttribute("data-published-covered"));
        Assert.Equal(6 * 16, cut.FindAll("[aria-label='Coverage of Acme'] rect.coverage-gap").Count);
        Assert.Single(cut.FindAll("[aria-label='Shifts of Ana'] .timeline-bar.draft"));

        Button(cut, "Publish roster").Click();
        cut.WaitForAssertion(() => Assert.Contains("published", cut.Find("[aria-label='Roster'] .mud-chip").TextContent));
        using var db = Setup.Create(Tenant.Current);
        Assert.True(db.Shifts.Single().IsPublished);
    }

    [Fact]
    public void The_draft_shows_the_share_of_hours_inside_people_s_preferred_hours_once_someone_has_some()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("run", runId.ToString()));
        var cut = Render<Rosters>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-draft-covered]")));
        Assert.Empty(cut.FindAll("[data-preferred-kept]")); // nobody said

        // Ana would rather work 13:00-21:00: half of her 09:00-17:00 shift is inside.
        using (var db = Setup.Create(Tenant.Current))
        {
            db.WorkContracts.Add(
                new WorkContract
                {
                    StaffMemberId = ana,
                    PreferredFrom = new TimeOnly(13, 0),
                    PreferredTo = new TimeOnly(21, 0),
                }
            );
            db.SaveChanges();
        }
        var again = Render<Rosters>();
        again.WaitForAssertion(() => Assert.Equal("0.500", again.Find("[data-preferred-kept]").GetAttribute("data-preferred-kept")));
    }

    [Theory]
    [InlineData("1:300 4:250 9:96", 0, true)]
    [InlineData("1:300 4:250 6:96", 0, false)] // levelled off long before the end
    [InlineData("1:300 4:250 9:96", 96, false)] // still falling, but it reached the bound: no roster is less short
    public void A_finished_run_shows_how_its_search_went_and_says_when_more_time_would_likely_help(
        string trace,
        int bound,
        bool stillImproving
    )
    {
        using (var db = Setup.Create(Tenant.Current))
        {
            var run = db.RosterRuns.Single(r => r.Id == runId);
            (run.Trace, run.ElapsedSeconds, run.LowerBoundIntervals) = (trace, 10, bound);
            db.SaveChanges();
        }
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("run", runId.ToString()));
        var cut = Render<Rosters>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[aria-label='How the search went']")));
        Assert.Contains("of the 10 s it searched", cut.Markup);
        Assert.Equal("96", cut.Find("[data-search-last]").GetAttribute("data-search-last"));
        Assert.Contains("150 h short", cut.Find("[aria-label='Search chart']").TextContent); // where it started: 300 half hours
        Assert.Equal(stillImproving, cut.FindAll("[data-still-improving]").Count == 1);
        Assert.Equal(bound == 96, cut.FindAll("[data-at-bound]").Count == 1); // the seeded roster is 96 half hours short
    }

    [Fact]
    public void While_another_roster_holds_the_optimiser_a_run_shows_as_waiting_and_can_be_cancelled()
    {
        var held = Services.GetRequiredService<RosterTurns>().TryTake();
        Assert.NotNull(held);
        var cut = Render<Rosters>();
        Button(cut, "Generate roster").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-waiting]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Waiting for another roster to finish", cut.Markup);
        Assert.Empty(cut.FindAll("[data-live-under]"));

        Button(cut, "Cancel").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-waiting]")), TimeSpan.FromSeconds(10));
        using (var db = Setup.Create(Tenant.Current))
            Assert.Equal(RosterRunStatus.Cancelled, db.RosterRuns.Single(r => r.Id != runId).Status);
        held.Dispose();
    }

    [Fact]
    public void A_roster_built_on_another_server_shows_its_progress_stops_from_here_and_opens_when_done()
    {
        // Server "node-b" is building a roster for the agency and stored its progress with its last heartbeat.
        var running = new RosterRun
        {
            FirstDay = Monday,
            Weeks = 1,
            TimeLimitSeconds = 60,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Test Admin",
            Node = "node-b",
            HeartbeatAt = DateTime.UtcNow,
            Step = "Improving",
            ElapsedSeconds = 20,
            Trace = "1:300 6:240 20:200",
            Solutions = 3,
            UnderCoverageIntervals = 200,
            LowerBoundIntervals = 150,
            DemandIntervals = 1000,
        };
        using (var db = Setup.Create(Tenant.Current))
        {
            db.RosterRuns.Add(running);
            db.SaveChanges();
        }
        var cut = Render<Rosters>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-server]")));
        Assert.Equal("node-b", cut.Find("[data-server]").GetAttribute("data-server"));
        Assert.Equal("200", cut.Find("[data-live-under]").GetAttribute("data-live-under"));
        Assert.Contains("100 h short", cut.Markup); // 200 half hours
        Assert.Contains("20 of 60 s", cut.Markup);
        Assert.True(Button(cut, "Generate roster").HasAttribute("disabled"));

        // Stop asks the building server through the database, and the button waits for it.
        Button(cut, "Stop and keep the best").Click();
        cut.WaitForAssertion(() => Assert.Contains("Stopping", cut.Markup));
        Assert.True(Button(cut, "Stop and keep the best").HasAttribute("disabled"));
        using (var db = Setup.Create(Tenant.Current))
        {
            var asked = db.RosterRuns.Single(r => r.Id == running.Id);
            Assert.NotNull(asked.StopRequestedAt);
            Assert.Equal(Tenant.Current.UserName, asked.StopRequestedBy);
            // Server "node-b" saves its best roster.
            asked.Status = RosterRunStatus.Stopped;
            asked.FinishedAt = DateTime.UtcNow;
            db.SaveChanges();
        }
        var nav = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains($"run={running.Id}", nav.Uri), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Bad_settings_show_the_field_message_and_start_nothing()
    {
        var cut = Render<Rosters>();
        InputLabelled(cut, "First day (a Monday)").Change("2026-12-01"); // a Tuesday
        Button(cut, "Generate roster").Click();
        cut.WaitForAssertion(() => Assert.Contains("A roster starts on a Monday.", cut.Markup));
        using var db = Setup.Create(Tenant.Current);
        Assert.Single(db.RosterRuns.ToList()); // only the seeded one
    }
}
