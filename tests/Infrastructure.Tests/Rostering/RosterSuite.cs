using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Domain.Rostering;
using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Rostering;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.Rostering;

/// <summary>The pool roster on a real database: built from staff, contracts, time off and forecasts; run, edited, published; one agency only.</summary>
public abstract class RosterSuite(DatabaseProvider provider) : IAsyncLifetime
{
    // Monday 30 November 2026; the agency is in London (UTC in winter), the second brand in New York.
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateTime MondayUtc = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private TenantScope agency = default!,
        other = default!;
    private Guid acme,
        globex,
        ana,
        ben,
        cy;
    private ManualClock clock = default!;

    private ShiftBook Book => new(db.Setup, clock);
    private RosterPlanner Planner => new(db.Setup, new AgencyWideReader(db.Setup), Book, clock);
    private RosterTurns turns = new(Options.Create(new RosterRunnerOptions()));
    private RosterRunner Runner => RunnerOn(Environment.MachineName);

    /// <summary>The runner of one server among those sharing the database.</summary>
    private RosterRunner RunnerOn(string node, TimeSpan? heartbeat = null) =>
        new(
            db.Setup,
            Planner,
            new CrossTenantReader(db.Setup),
            clock,
            NullLogger<RosterRunner>.Instance,
            turns,
            Options.Create(new RosterRunnerOptions { NodeName = node, Heartbeat = heartbeat ?? TimeSpan.FromSeconds(20) })
        );

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        clock = new ManualClock(MondayUtc.AddDays(-3));
        var a = new AgencyAccount
        {
            Name = "A",
            Slug = "a",
            DefaultTimeZone = "Europe/London",
        };
        var b = new AgencyAccount { Name = "B", Slug = "b" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.AddRange(a, b);
            await g.SaveChangesAsync();
        }
        agency = TenantScope.ForAgency(a.Id, TenantSource.User, "u1", "Hannah");
        other = TenantScope.ForAgency(b.Id, TenantSource.User, "u2", "Rita");
        var brandA = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        var brandG = new Brand
        {
            Name = "Globex",
            Slug = "globex",
            TimeZoneId = "America/New_York",
        };
        await using (var x = db.As(agency))
        {
            x.Brands.AddRange(brandA, brandG);
            await x.SaveChangesAsync();
        }
        (acme, globex) = (brandA.Id, brandG.Id);
        var people = new[] { ("Ana", new[] { acme, globex }), ("Ben", new[] { acme }), ("Cy", new[] { globex }) }
            .Select(p => new StaffMember
            {
                Name = p.Item1,
                Email = $"{p.Item1}@a.example",
                BrandIds = [.. p.Item2],
            })
            .ToList();
        await using (var x = db.As(agency))
        {
            x.StaffMembers.AddRange(people);
            x.WorkContracts.AddRange(
                people.Select(p => new WorkContract
                {
                    StaffMemberId = p.Id,
                    MinHoursPerWeek = 16,
                    MaxHoursPerWeek = 40,
                    MinShiftHours = 4,
                    MaxShiftHours = 8,
                    MaxConsecutiveDays = 5,
                    MinRestHours = 11,
                    MaxWeekendsPer4Weeks = 1,
                })
            );
            await x.SaveChangesAsync();
        }
        (ana, ben, cy) = (people[0].Id, people[1].Id, people[2].Id);
        // Acme needs one person 09:00-17:00 London, Globex one 09:00-17:00 New York (14:00-22:00 London), every day of two weeks.
        await AddForecastAsync(acme, Monday, 9, 17);
        await AddForecastAsync(globex, Monday, 9, 17);
    }

    private async Task AddForecastAsync(Guid brand, DateOnly first, int from, int to, Network network = Network.X)
    {
        await using var x = db.As(agency.WithBrand(brand));
        x.ForecastRuns.Add(
            new ForecastRun
            {
                Network = network,
                IntervalMinutes = 60,
                Model = "Test",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                FirstLocalDay = first,
                Required = [.. Enumerable.Range(0, 14 * 24).Select(h => h % 24 >= from && h % 24 < to ? 1 : 0)],
            }
        );
        await x.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task The_problem_holds_each_brand_s_need_in_the_agency_s_time_and_each_person_s_contract_and_time_off()
    {
        await using (var x = db.As(agency))
        {
            x.TimeOff.Add(
                new TimeOff
                {
                    StaffMemberId = ben,
                    StartsAt = MondayUtc.AddDays(2),
                    EndsAt = MondayUtc.AddDays(3),
                    Status = TimeOffStatus.Approved,
                    CreatedAt = MondayUtc,
                }
            );
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = cy,
                    StartsAt = MondayUtc.AddHours(14),
                    EndsAt = MondayUtc.AddHours(22),
                }
            );
            var anaContract = await x.WorkContracts.SingleAsync(c => c.StaffMemberId == ana);
            (anaContract.PreferredFrom, anaContract.PreferredTo) = (new TimeOnly(8, 0), new TimeOnly(16, 0));
            await x.SaveChangesAsync();
        }
        var h = await Planner.BuildAsync(agency, Monday, 2);
        var p = h.Problem;
        Assert.Equal(["Acme", "Globex"], p.Brands);
        Assert.Equal(1, p.Demand[0][18]); // 09:00 London
        Assert.Equal(0, p.Demand[0][34]); // 17:00
        Assert.Equal(1, p.Demand[1][28]); // 14:00 London = 09:00 New York
        Assert.Equal(0, p.Demand[1][18]);
        Assert.Equal(2 * 14 * 16, p.Demand.Sum(d => d.Sum()));
        var benMember = p.Staff[h.StaffIds.ToList().IndexOf(ben)];
        Assert.Equal(
            (8, 16, 32, 80, 22),
            (
                benMember.MinShiftIntervals,
                benMember.MaxShiftIntervals,
                benMember.MinWeekIntervals,
                benMember.MaxWeekIntervals,
                benMember.MinRestIntervals
            )
        );
        Assert.False(benMember.IsFree(2 * 48 + 18, 2 * 48 + 34));
        // Ana's preferred hours in the agency's time, as intervals of the day; Ben has none.
        Assert.Equal((16, 32), p.Staff[h.StaffIds.ToList().IndexOf(ana)].Preferred);
        Assert.Null(benMember.Preferred);
        var cyMember = p.Staff[h.StaffIds.ToList().IndexOf(cy)];
        Assert.Contains(0, cyMember.BusyDays);
        Assert.Equal(16, cyMember.WeekIntervalsTaken[0]);
        Assert.False(cyMember.IsFree(48 + 2, 48 + 10), "rest after the manual shift ending 22:00 blocks the next morning");
    }

    [Fact]
    public async Task An_agent_who_works_only_X_covers_a_brand_s_X_need_and_never_its_Facebook_need()
    {
        // Acme also needs one person on Facebook 09:00-17:00; Ben, who serves only Acme, answers only X.
        await AddForecastAsync(acme, Monday, 9, 17, Network.Facebook);
        await AddForecastAsync(acme, Monday, 0, 0, Network.Instagram); // a channel that needs nobody is no line of its own
        await using (var x = db.As(agency))
        {
            (await x.StaffMembers.SingleAsync(s => s.Id == ben)).Channels = [Network.X];
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = ben,
                    StartsAt = MondayUtc.AddHours(9),
                    EndsAt = MondayUtc.AddHours(17),
                    IsPublished = true,
                }
            );
            await x.SaveChangesAsync();
        }
        var h = await Planner.BuildAsync(agency, Monday, 2);
        Assert.Equal(["Acme · X / Twitter", "Acme · Facebook", "Globex"], h.Problem.Brands);
        Assert.Equal([acme, acme, globex], h.BrandIds);
        Assert.Equal(1, h.Problem.Demand[1][18]); // Facebook at 09:00
        Assert.Equal([0], h.Problem.Staff[h.StaffIds.ToList().IndexOf(ben)].Brands);
        Assert.Equal([0, 1, 2], h.Problem.Staff[h.StaffIds.ToList().IndexOf(ana)].Brands);

        // Ben's published Monday shift covers Acme's X need, and none of its Facebook need.
        var coverage = await Planner.CoverageAsync(agency, h, null, 0, 1);
        Assert.Equal(["Acme · X / Twitter", "Acme · Facebook", "Globex"], coverage.Select(c => c.Brand));
        Assert.Equal(1, coverage[0].Scheduled[18]);
        Assert.Equal(0, coverage[1].Scheduled[18]);
        Assert.Equal(16, coverage[1].Short);
    }

    [Fact]
    public async Task An_agent_who_does_not_speak_Spanish_never_counts_against_a_brand_s_Spanish_need()
    {
        // Globex's X forecast: 30 posts an hour 09:00-17:00 New York, 40 % of its posts in Spanish. Cy speaks English only; Ana
        // English and Spanish.
        await using (var x = db.As(agency.WithBrand(globex)))
        {
            var run = await x.ForecastRuns.SingleAsync();
            run.Point = [.. Enumerable.Range(0, 14 * 24).Select(h => h % 24 >= 9 && h % 24 < 17 ? 30.0 : 0)];
            (run.LanguageCodes, run.LanguagePosts) = (["en", "es", "und"], [50, 40, 10]);
            (run.AverageHandlingMinutes, run.Concurrency, run.ServiceLevel, run.TargetMinutes, run.Shrinkage, run.MinimumStaff) = (
                6,
                3,
                0.8,
                60,
                0.3,
                0
            );
            await x.SaveChangesAsync();
        }
        await using (var x = db.As(agency))
        {
            (await x.StaffMembers.SingleAsync(s => s.Id == cy)).Languages = ["en"];
            (await x.StaffMembers.SingleAsync(s => s.Id == ana)).Languages = ["en", "es"];
            // Cy works Monday 14:00-22:00 London (09:00-17:00 New York).
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = cy,
                    StartsAt = MondayUtc.AddHours(14),
                    EndsAt = MondayUtc.AddHours(22),
                    IsPublished = true,
                }
            );
            await x.SaveChangesAsync();
        }
        var h = await Planner.BuildAsync(agency, Monday, 2);
        Assert.Equal(["Acme", "Globex · Spanish", "Globex · other languages"], h.Problem.Brands);
        Assert.Equal([acme, globex, globex], h.BrandIds);
        // Each line needs what its share of the volume needs as a queue of its own (12 Spanish posts an hour, 18 others).
        var forecast = await ForecastAsync(globex);
        Assert.Equal(forecast.RequiredFor(0.4, withMinimum: false)[9], h.Problem.Demand[1][28]); // 14:00 London
        Assert.Equal(forecast.RequiredFor(0.6, withMinimum: true)[9], h.Problem.Demand[2][28]);
        Assert.True(h.Problem.Demand[1][28] > 0);
        Assert.Equal([2], h.Problem.Staff[h.StaffIds.ToList().IndexOf(cy)].Brands);
        Assert.Equal([0, 1, 2], h.Problem.Staff[h.StaffIds.ToList().IndexOf(ana)].Brands);

        // Cy's Monday shift covers Globex's other languages only; its Spanish need stays open.
        var coverage = await Planner.CoverageAsync(agency, h, null, 0, 1);
        Assert.Equal(1, coverage[2].Scheduled[28]);
        Assert.Equal(0, coverage[1].Scheduled[28]);
        Assert.Equal(coverage[1].Demand, coverage[1].Short);
        // Simulated on Monday's forecast posts: nobody answers the Spanish ones; Cy, in the two conversations at once shrinkage leaves
        // him, answers most of the others (9 a half hour at 6 minutes each).
        var spanish = Assert.Single(coverage[1].Service);
        Assert.Equal((Network.X, 0.0, TimeSpan.MaxValue), (spanish.Network, spanish.ServiceLevel, spanish.P90Answer));
        Assert.InRange(spanish.Conversations, 80, 120); // 12 an hour for 8 hours
        var others = Assert.Single(coverage[2].Service);
        Assert.InRange(others.ServiceLevel, 0.5, 1);
        Assert.NotEqual(TimeSpan.MaxValue, others.P90Answer);
        Assert.Empty(coverage[0].Service); // Acme's forecast was stored before forecasts kept their plan
    }

    private async Task<ForecastRun> ForecastAsync(Guid brand)
    {
        await using var x = db.As(agency.WithBrand(brand));
        return await x.ForecastRuns.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task A_run_stores_a_draft_that_covers_the_need_and_publishing_makes_it_the_shift_table()
    {
        // An older published roster in the same weeks is replaced; a manual shift stays.
        await using (var x = db.As(agency))
        {
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = ben,
                    StartsAt = MondayUtc.AddDays(3).AddHours(6),
                    EndsAt = MondayUtc.AddDays(3).AddHours(10),
                    Source = ShiftSource.Roster,
                }
            );
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = cy,
                    StartsAt = MondayUtc.AddHours(14),
                    EndsAt = MondayUtc.AddHours(22),
                }
            );
            await x.SaveChangesAsync();
        }
        var runner = Runner;
        var done = new TaskCompletionSource<RosterLive>();
        runner.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult(l);
        };
        var started = await runner.StartAsync(agency, Monday, 2, 10);
        Assert.True(started.Ok, started.Error);
        var runId = (await done.Task.WaitAsync(TimeSpan.FromSeconds(60))).RunId;

        RosterRun run;
        List<Shift> draft;
        await using (var x = db.As(agency))
        {
            run = await x.RosterRuns.SingleAsync(r => r.Id == runId);
            draft = await x.Shifts.Where(s => s.RosterRunId == runId).ToListAsync();
        }
        Assert.Equal(RosterRunStatus.Completed, run.Status);
        Assert.Equal(run.Shifts, draft.Count);
        Assert.All(draft, s => Assert.False(s.IsPublished));
        Assert.Equal(2 * 14 * 16, run.DemandIntervals);
        Assert.True(run.Covered > 0.8, $"covered {run.Covered:P0}");
        Assert.True(run.UnderCoverageIntervals >= run.LowerBoundIntervals);
        // How the search went is kept with the run: its last point is the roster saved.
        var searched = RosterTrace.Parse(run.Trace);
        Assert.NotEmpty(searched);
        Assert.Equal(run.UnderCoverageIntervals, searched[^1].Under);

        var horizon = await Planner.BuildAsync(agency, Monday, 2);
        var before = await Planner.CoverageAsync(agency, horizon, null, 0, 14);
        var after = await Planner.CoverageAsync(agency, horizon, runId, 0, 14);
        Assert.True(after.Sum(b => b.Short) < before.Sum(b => b.Short));

        Assert.True((await Planner.PublishAsync(agency, runId)).Ok);
        Assert.Equal("This roster is already published.", (await Planner.PublishAsync(agency, runId)).Error);
        await using (var x = db.As(agency))
        {
            var table = await x.Shifts.Where(s => s.IsPublished).ToListAsync();
            Assert.Equal(draft.Count + 1, table.Count); // the roster and the manual shift; the old roster shift is gone
            Assert.Single(table, s => s.Source == ShiftSource.Manual);
            Assert.Equal(RosterRunStatus.Published, (await x.RosterRuns.SingleAsync()).Status);
            Assert.Contains(await x.AuditEntries.Where(e => e.EntityType == nameof(RosterRun)).ToListAsync(), e =>
                e.Action == Domain.Auditing.AuditAction.Published
            );
        }
        var published = await Planner.CoverageAsync(agency, horizon, null, 0, 14);
        Assert.Equal(after.Sum(b => b.Short), published.Sum(b => b.Short));
    }

    [Fact]
    public async Task Draft_edits_are_checked_against_the_draft_and_refused_with_the_reasons()
    {
        Guid runId;
        await using (var x = db.As(agency))
        {
            var run = new RosterRun
            {
                FirstDay = Monday,
                Weeks = 2,
                TimeLimitSeconds = 10,
                Status = RosterRunStatus.Completed,
                CreatedAt = MondayUtc,
            };
            x.RosterRuns.Add(run);
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = ana,
                    StartsAt = MondayUtc.AddHours(9),
                    EndsAt = MondayUtc.AddHours(17),
                    Source = ShiftSource.Roster,
                    IsPublished = false,
                    RosterRunId = run.Id,
                }
            );
            // Another draft's shift for the same person does not count against this draft.
            x.Shifts.Add(
                new Shift
                {
                    StaffMemberId = ana,
                    StartsAt = MondayUtc.AddDays(1).AddHours(1),
                    EndsAt = MondayUtc.AddDays(1).AddHours(5),
                    Source = ShiftSource.Roster,
                    IsPublished = false,
                }
            );
            await x.SaveChangesAsync();
            runId = run.Id;
        }
        var refused = await Book.AddShiftAsync(
            agency,
            ana,
            MondayUtc.AddDays(1).AddHours(1),
            MondayUtc.AddDays(1).AddHours(5),
            rosterRunId: runId
        );
        Assert.Contains("of rest", refused.Error);
        Assert.True(
            (
                await Book.AddShiftAsync(
                    agency,
                    ana,
                    MondayUtc.AddDays(1).AddHours(9),
                    MondayUtc.AddDays(1).AddHours(17),
                    rosterRunId: runId
                )
            ).Ok
        );
        Guid first;
        await using (var x = db.As(agency))
            first = (await x.Shifts.SingleAsync(s => s.RosterRunId == runId && s.StartsAt == MondayUtc.AddHours(9))).Id;
        var longer = await Book.MoveShiftAsync(agency, first, MondayUtc.AddHours(8), MondayUtc.AddHours(18));
        Assert.Contains("longest shift is 8 h", longer.Error);
        Assert.True((await Book.MoveShiftAsync(agency, first, MondayUtc.AddHours(10), MondayUtc.AddHours(18))).Ok);
        await using (var x = db.As(agency))
        {
            Assert.Equal(2, await x.Shifts.CountAsync(s => s.RosterRunId == runId));
            Assert.All(await x.Shifts.Where(s => s.RosterRunId == runId).ToListAsync(), s => Assert.False(s.IsPublished));
        }
    }

    [Fact]
    public async Task Another_agency_cannot_see_run_publish_or_edit_this_agency_s_rosters()
    {
        var runner = Runner;
        var done = new TaskCompletionSource<RosterLive>();
        runner.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult(l);
        };
        Assert.True((await runner.StartAsync(agency, Monday, 1, 5)).Ok);
        var runId = (await done.Task.WaitAsync(TimeSpan.FromSeconds(60))).RunId;

        Assert.Equal("The roster was not found.", (await Planner.PublishAsync(other, runId)).Error);
        Assert.Equal(
            "StaffId",
            (await Book.AddShiftAsync(other, ana, MondayUtc.AddHours(9), MondayUtc.AddHours(17), rosterRunId: runId)).Field
        );
        await using var x = db.As(other);
        Assert.Empty(await x.RosterRuns.ToListAsync());
        Assert.Empty(await x.Shifts.ToListAsync());
        var theirs = await Planner.BuildAsync(other, Monday, 1);
        Assert.Empty(theirs.Problem.Staff);
        Assert.Empty(theirs.Problem.Brands);
    }

    [Fact]
    public async Task A_run_beyond_the_process_s_limit_waits_for_a_turn_and_a_stop_while_waiting_builds_nothing()
    {
        turns = new RosterTurns(Options.Create(new RosterRunnerOptions { MaxConcurrentRuns = 1 }));
        var runner = Runner;
        var waiting = new TaskCompletionSource<RosterLive>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource<RosterLive>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Changed += l =>
        {
            if (l.Waiting)
                waiting.TrySetResult(l);
            if (l.Step == "Done")
                done.TrySetResult(l);
        };

        // Another roster holds the only turn: this one waits, then runs once the turn is given back.
        var held = turns.TryTake();
        Assert.NotNull(held);
        Assert.Null(turns.TryTake());
        var started = await runner.StartAsync(agency, Monday, 1, 5);
        Assert.True(started.Ok, started.Error);
        var queued = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(runner.Live(queued.RunId)!.Waiting);
        Assert.Equal(TimeSpan.Zero, runner.Live(queued.RunId)!.Elapsed);
        held.Dispose();
        var finished = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(finished.Waiting);
        await using (var x = db.As(agency))
        {
            var run = await x.RosterRuns.SingleAsync(r => r.Id == queued.RunId);
            Assert.Equal(RosterRunStatus.Completed, run.Status);
            Assert.True(run.Shifts > 0);
        }

        // Stopped while waiting: the run is cancelled, with no shifts, and the turn it never had is not given back twice.
        held = turns.TryTake();
        Assert.NotNull(held);
        (waiting, done) = (
            new(TaskCreationOptions.RunContinuationsAsynchronously),
            new(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        Assert.True((await runner.StartAsync(agency, Monday, 1, 5)).Ok);
        var second = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(runner.Stop(second.RunId));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using (var x = db.As(agency))
        {
            var run = await x.RosterRuns.SingleAsync(r => r.Id == second.RunId);
            Assert.Equal(RosterRunStatus.Cancelled, run.Status);
            Assert.False(run.HasRoster);
            Assert.Contains("waiting", run.Message);
            Assert.Empty(await x.Shifts.Where(s => s.RosterRunId == second.RunId).ToListAsync());
        }
        Assert.Equal("Only a finished roster can be published.", (await Planner.PublishAsync(agency, second.RunId)).Error);
        Assert.Null(turns.TryTake());
        held.Dispose();
        Assert.NotNull(turns.TryTake());
    }

    [Fact]
    public async Task Another_server_s_run_holds_the_agency_while_it_beats_and_is_marked_interrupted_once_it_stops()
    {
        // Server "a" is building a roster for the agency (its row, as that server stored it); this is server "b".
        var now = clock.GetUtcNow().UtcDateTime;
        var elsewhere = new RosterRun
        {
            FirstDay = Monday,
            Weeks = 1,
            TimeLimitSeconds = 600,
            CreatedAt = now,
            Node = "a",
            HeartbeatAt = now,
        };
        await using (var x = db.As(agency))
        {
            x.RosterRuns.Add(elsewhere);
            await x.SaveChangesAsync();
        }
        var here = RunnerOn("b");

        var refused = await here.StartAsync(agency, Monday, 1, 5);
        Assert.False(refused.Ok);
        Assert.Contains("another server", refused.Error);
        await here.RecoverAsync(); // this server starting up leaves the other's run alone
        Assert.Equal(RosterRunStatus.Running, (await RunAsync(elsewhere.Id)).Status);

        // Server "a" stops beating: its run is marked interrupted, and this server may build one.
        clock.Advance(TimeSpan.FromMinutes(2));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        here.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult();
        };
        var started = await here.StartAsync(agency, Monday, 1, 5);
        Assert.True(started.Ok, started.Error);
        var interrupted = await RunAsync(elsewhere.Id);
        Assert.Equal((RosterRunStatus.Failed, false), (interrupted.Status, interrupted.HasRoster));
        Assert.Contains("Interrupted", interrupted.Message);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var mine = await RunAsync(Guid.Parse(started.Field!));
        Assert.Equal((RosterRunStatus.Completed, "b"), (mine.Status, mine.Node));
    }

    [Fact]
    public async Task A_restart_marks_the_server_s_own_runs_interrupted_at_once_and_a_running_roster_beats()
    {
        // Left running by this server before it restarted, with a recent heartbeat: nobody builds it any more.
        var now = clock.GetUtcNow().UtcDateTime;
        var left = new RosterRun
        {
            FirstDay = Monday,
            Weeks = 1,
            TimeLimitSeconds = 600,
            CreatedAt = now,
            Node = "b",
            HeartbeatAt = now,
        };
        await using (var x = db.As(agency))
        {
            x.RosterRuns.Add(left);
            await x.SaveChangesAsync();
        }
        await RunnerOn("b").RecoverAsync();
        Assert.Equal(RosterRunStatus.Failed, (await RunAsync(left.Id)).Status);

        // A roster being built stores its heartbeat as it goes.
        var here = RunnerOn("b", TimeSpan.FromMilliseconds(100));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        here.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult();
        };
        var started = await here.StartAsync(agency, Monday, 2, 30);
        Assert.True(started.Ok, started.Error);
        var id = Guid.Parse(started.Field!);
        clock.Advance(TimeSpan.FromMinutes(1));
        var beat = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 100 && (await RunAsync(id)).HeartbeatAt != beat; i++)
            await Task.Delay(100);
        Assert.Equal(beat, (await RunAsync(id)).HeartbeatAt);
        await here.RecoverAsync(); // a run this server is building is not interrupted
        Assert.Equal(RosterRunStatus.Running, (await RunAsync(id)).Status);
        Assert.True(here.Stop(id));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(RosterRunStatus.Stopped, (await RunAsync(id)).Status);
    }

    [Fact]
    public async Task Every_server_shows_a_run_s_progress_and_a_stop_asked_on_another_server_keeps_the_best_roster()
    {
        // Server "a" builds the roster and stores its progress with each heartbeat; the scheduler's page is on server "b".
        var (a, b) = (RunnerOn("a", TimeSpan.FromMilliseconds(100)), RunnerOn("b"));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult();
        };
        var started = await a.StartAsync(agency, Monday, 2, 120);
        Assert.True(started.Ok, started.Error);
        var id = Guid.Parse(started.Field!);
        RosterLive? seen = null;
        for (var i = 0; i < 300 && seen is not { Solutions: > 0, Trace.Count: > 0 }; i++)
        {
            await Task.Delay(100);
            seen = await b.LiveAsync(agency, id);
        }
        Assert.NotNull(seen);
        Assert.Equal(("a", false, id), (seen.Server, seen.StopRequested, seen.RunId));
        Assert.True(seen.Solutions > 0 && seen.Demand > 0 && seen.Trace.Count > 0, $"{seen}");
        Assert.Equal(TimeSpan.FromSeconds(120), seen.Limit);
        Assert.Null(a.Live(id)!.Server); // the server building it reads it from memory

        // Another agency neither sees nor stops it.
        Assert.Null(await b.LiveAsync(other, id));
        Assert.False(await b.StopAsync(other, id));
        Assert.Null((await RunAsync(id)).StopRequestedAt);

        // Asked on "b", it stops on "a" at its next heartbeat, long before its two minutes, and keeps its best roster.
        Assert.True(await b.StopAsync(agency, id));
        Assert.True((await b.LiveAsync(agency, id))?.StopRequested ?? true);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var run = await RunAsync(id);
        Assert.Equal((RosterRunStatus.Stopped, true, "Hannah"), (run.Status, run.HasRoster, run.StopRequestedBy));
        Assert.True(run.Shifts > 0);
        Assert.Contains("Stopped by Hannah", run.Message);
        await using (var x = db.As(agency))
            Assert.Equal(run.Shifts, await x.Shifts.CountAsync(s => s.RosterRunId == id));
        Assert.Null(await b.LiveAsync(agency, id));
        Assert.False(await b.StopAsync(agency, id));
    }

    [Fact]
    public async Task Two_servers_starting_a_run_for_the_agency_at_the_same_time_build_one()
    {
        var (a, b) = (RunnerOn("a"), RunnerOn("b"));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult();
        };
        b.Changed += l =>
        {
            if (l.Step == "Done")
                done.TrySetResult();
        };
        var results = await Task.WhenAll(a.StartAsync(agency, Monday, 1, 5), b.StartAsync(agency, Monday, 1, 5));
        Assert.Single(results, r => r.Ok);
        Assert.Contains("another server", results.Single(r => !r.Ok).Error);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using (var x = db.As(agency))
            Assert.Single(await x.RosterRuns.ToListAsync());

        // The database holds one running run per agency whoever writes it; another agency's is its own.
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var x = db.As(agency))
        {
            x.RosterRuns.AddRange(
                new RosterRun
                {
                    FirstDay = Monday,
                    Weeks = 1,
                    TimeLimitSeconds = 60,
                    CreatedAt = now,
                    Node = "a",
                    HeartbeatAt = now,
                },
                new RosterRun
                {
                    FirstDay = Monday,
                    Weeks = 1,
                    TimeLimitSeconds = 60,
                    CreatedAt = now,
                    Node = "b",
                    HeartbeatAt = now,
                }
            );
            await Assert.ThrowsAsync<DbUpdateException>(() => x.SaveChangesAsync());
        }
        await using (var y = db.As(other))
        {
            y.RosterRuns.Add(
                new RosterRun
                {
                    FirstDay = Monday,
                    Weeks = 1,
                    TimeLimitSeconds = 60,
                    CreatedAt = now,
                    Node = "a",
                    HeartbeatAt = now,
                }
            );
            await y.SaveChangesAsync();
        }
    }

    private async Task<RosterRun> RunAsync(Guid id)
    {
        await using var x = db.As(agency);
        return await x.RosterRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_the_field_and_nothing_is_stored()
    {
        Assert.Equal("FirstDay", (await Runner.StartAsync(agency, Monday.AddDays(1), 2, 10)).Field);
        Assert.Equal("Weeks", (await Runner.StartAsync(agency, Monday, 9, 10)).Field);
        Assert.Equal("Seconds", (await Runner.StartAsync(agency, Monday, 2, 1)).Field);
        Assert.Equal("FirstDay", (await Runner.StartAsync(agency, null, 2, 10)).Field);
        await using var x = db.As(agency);
        Assert.Empty(await x.RosterRuns.ToListAsync());
    }
}

public sealed class SqliteRoster() : RosterSuite(DatabaseProvider.Sqlite);

public sealed class PostgresRoster() : RosterSuite(DatabaseProvider.Postgres);
