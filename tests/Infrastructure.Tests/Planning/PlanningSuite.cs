using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Planning;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Planning;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Planning;

/// <summary>Forecasts from stored posts, on a real database, for one brand only.</summary>
public abstract class PlanningSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private TenantScope acme = default!,
        globex = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var agency = new AgencyAccount { Name = "A", Slug = "a" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.Add(agency);
            await g.SaveChangesAsync();
        }
        var a = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        var b = new Brand
        {
            Name = "Globex",
            Slug = "globex",
            TimeZoneId = "Europe/London",
        };
        var scope = TenantScope.ForAgency(agency.Id, TenantSource.System);
        await using (var x = db.As(scope))
        {
            x.Brands.AddRange(a, b);
            await x.SaveChangesAsync();
        }
        (acme, globex) = (scope.WithBrand(a.Id), scope.WithBrand(b.Id));
        await SeedPostsAsync(acme, perHour: 6);
        await SeedPostsAsync(globex, perHour: 1);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    // Eight weeks of X posts: busy in the local daytime, quiet at night, fewer at weekends.
    private async Task SeedPostsAsync(TenantScope brand, int perHour)
    {
        await using var x = db.As(brand);
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "h",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        x.ChannelAccounts.Add(account);
        var start = Now.Date.AddDays(-56);
        var n = 0;
        for (var hour = start; hour < Now.Date; hour = hour.AddHours(1))
        {
            var daytime = hour.Hour is >= 8 and < 20;
            var weekend = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = daytime ? (weekend ? perHour / 2 : perHour) : 0;
            for (var i = 0; i < count; i++, n++)
                x.Posts.Add(
                    new Post
                    {
                        ChannelAccountId = account.Id,
                        ExternalId = $"{n}",
                        AuthorExternalId = "c",
                        Text = "help",
                        Direction = Direction.Inbound,
                        CreatedAt = hour.AddMinutes(i * 60.0 / Math.Max(1, count)),
                        ReceivedAt = hour,
                        Language =
                            n % 5 == 0 ? "es"
                            : n % 10 == 1 ? null
                            : "en",
                    }
                );
        }
        await x.SaveChangesAsync();
    }

    [Fact]
    public async Task Recomputing_stores_a_forecast_with_accuracy_and_staffing_for_the_brand_only()
    {
        var planner = new WorkloadPlanner(db.Setup, new ManualClock(Now));
        var progress = new List<PlanProgress>();
        var runs = await planner.PlanAsync(acme, new SyncProgress(progress));
        var run = Assert.Single(runs);
        Assert.Equal(Network.X, run.Network);
        Assert.Equal(new DateOnly(2026, 11, 23), run.FirstLocalDay);
        Assert.Equal(2 * 7 * 48, run.Point.Count); // two weeks of 30-minute intervals by default
        Assert.Equal(Agency.Domain.Staffing.StaffingModel.Backlog, run.StaffingModel); // within the hour on X: longer than an interval
        Assert.True(run.Wape < 0.2, $"WAPE {run.Wape:P1} on a clean weekly pattern");
        Assert.True(run.Wape <= run.BaselineWape + 1e-9);
        // What the chosen model forecast for the last week of history, stored beside that week's actuals and close to them.
        Assert.Equal(7 * 48, run.BacktestLastWeek.Count);
        var lastWeek = run.RecentActual.TakeLast(7 * 48).ToList();
        Assert.True(Agency.Domain.Forecasting.Accuracy.Of(lastWeek, run.BacktestLastWeek).Wape < 0.25);
        // Daytime needs people, the night does not.
        var monday = (int)(new DateOnly(2026, 11, 23).DayNumber - run.FirstLocalDay.DayNumber) * 48;
        Assert.True(run.Required[monday + 24] > 0);
        Assert.Equal(0, run.Required[monday + 6]);
        Assert.True(run.SimulatedServiceLevel >= 0.8, $"simulated {run.SimulatedServiceLevel:P0}");
        Assert.Equal("Done", progress[^1].Step);

        // The languages the posts were in (a fifth Spanish, a tenth not determined), and the plan the staff needed was worked out by.
        Assert.Equal(["en", "es", "und"], run.LanguageCodes);
        Assert.Equal(0.2, run.ShareOf("es"), 2);
        Assert.Equal(
            (6.0, 3, 0.8, 60, 0.3),
            (run.AverageHandlingMinutes, run.Concurrency, run.ServiceLevel, run.TargetMinutes, run.Shrinkage)
        );
        Assert.True(
            run.RequiredFor(0.2, withMinimum: false)[monday + 24] is > 0 and var spanish && spanish <= run.Required[monday + 24],
            "a fifth of the volume needs someone, and no more than the whole"
        );

        await using (var a = db.As(acme))
        {
            Assert.Equal(1, await a.ForecastRuns.CountAsync());
            var stored = await a.ForecastRuns.SingleAsync();
            Assert.Equal(run.BacktestLastWeek, stored.BacktestLastWeek); // stored and read back
            Assert.Equal(run.LanguageCodes, stored.LanguageCodes);
            Assert.Equal(run.LanguagePosts, stored.LanguagePosts);
            Assert.Equal(
                (run.Concurrency, run.TargetMinutes, run.Shrinkage, run.MinimumStaff),
                (stored.Concurrency, stored.TargetMinutes, stored.Shrinkage, stored.MinimumStaff)
            );
            Assert.True(stored.KnowsLanguages);
        }
        await using (var g = db.As(globex))
            Assert.Equal(0, await g.ForecastRuns.CountAsync());
    }

    [Fact]
    public async Task The_brand_s_saved_plan_sets_the_interval_horizon_and_target()
    {
        await using (var a = db.As(acme))
        {
            a.ChannelPlans.Add(
                new ChannelPlan
                {
                    Network = Network.X,
                    IntervalMinutes = 60,
                    HorizonWeeks = 1,
                    TargetMinutes = 30,
                }
            );
            await a.SaveChangesAsync();
        }
        var run = Assert.Single(await new WorkloadPlanner(db.Setup, new ManualClock(Now)).PlanAsync(acme));
        Assert.Equal((60, 7 * 24), (run.IntervalMinutes, run.Point.Count));
        // A target shorter than the interval: customers wait in a queue, so Erlang C sizes each interval.
        Assert.Equal(Agency.Domain.Staffing.StaffingModel.ErlangC, run.StaffingModel);
        await using (var a = db.As(acme))
            Assert.Equal(Agency.Domain.Staffing.StaffingModel.ErlangC, (await a.ForecastRuns.SingleAsync()).StaffingModel);
    }

    [Fact]
    public async Task A_campaign_on_the_marketing_calendar_lifts_the_forecast_and_staff_needed_on_its_days_and_a_minimum_is_kept()
    {
        var baseline = Assert.Single(await new WorkloadPlanner(db.Setup, new ManualClock(Now)).PlanAsync(acme));
        await using (var a = db.As(acme))
        {
            a.MarketingEvents.Add(
                new Domain.Calendars.MarketingEvent
                {
                    Name = "Black Friday",
                    Kind = Domain.Calendars.MarketingEventKind.Campaign,
                    FirstDay = new DateOnly(2026, 11, 27),
                    LastDay = new DateOnly(2026, 11, 27),
                    ExpectedUplift = 2,
                }
            );
            a.ChannelPlans.Add(new ChannelPlan { Network = Network.X, MinimumStaff = 1 });
            await a.SaveChangesAsync();
        }
        await using (var g = db.As(globex))
            Assert.Empty(await g.MarketingEvents.ToListAsync());
        var run = Assert.Single(await new WorkloadPlanner(db.Setup, new ManualClock(Now)).PlanAsync(acme));
        Assert.Equal(["Black Friday ×2"], run.Events);
        var friday = (new DateOnly(2026, 11, 27).DayNumber - run.FirstLocalDay.DayNumber) * 48;
        var thursday = friday - 48;
        double Day(ForecastRun r, int from) => r.Point.Skip(from).Take(48).Sum();
        Assert.Equal(2 * Day(baseline, friday), Day(run, friday), 0);
        Assert.Equal(Day(baseline, thursday), Day(run, thursday), 0);
        Assert.True(run.Required.Skip(friday).Take(48).Sum() > baseline.Required.Skip(friday).Take(48).Sum());
        Assert.All(run.Required, r => Assert.True(r >= 1)); // the channel's minimum, at night too
    }

    private sealed class SyncProgress(List<PlanProgress> into) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => into.Add(value);
    }
}

public sealed class SqlitePlanning() : PlanningSuite(DatabaseProvider.Sqlite);

public sealed class PostgresPlanning() : PlanningSuite(DatabaseProvider.Postgres);
