using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Forecasting;
using Agency.Domain.Planning;
using Agency.Domain.Staffing;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Planning;

/// <summary>Where a recompute is: which channel, and how many of the brand's channels are done.</summary>
public sealed record PlanProgress(int Done, int Total, string Step);

/// <summary>
/// Forecasts each channel of a brand from its stored posts and turns the forecast into staff needed:
/// eight weeks of history in the brand's local intervals, the model chosen per channel by
/// rolling-origin backtest (seasonal naive, Holt-Winters, regression), accuracy of the chosen model
/// and of the baseline kept with the run, backlog-aware staffing checked by simulation.
/// </summary>
public sealed class WorkloadPlanner(DatabaseSetup database, TimeProvider clock)
{
    public const int HistoryWeeks = 8;
    private const int SimulationRuns = 10;

    public async Task<IReadOnlyList<ForecastRun>> PlanAsync(
        TenantScope brand,
        IProgress<PlanProgress>? progress = null,
        CancellationToken ct = default
    )
    {
        await using var db = database.Create(brand);
        var b = await db.Brands.AsNoTracking().SingleAsync(x => x.Id == brand.BrandId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(b.TimeZoneId);
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Network }).ToListAsync(ct);
        var networks = accounts.Select(a => a.Network).Distinct().OrderBy(n => n).ToList();
        var plans = await db.ChannelPlans.ToDictionaryAsync(p => p.Network, ct);
        var calendar = (
            await db
                .MarketingEvents.AsNoTracking()
                .Select(e => new
                {
                    e.Name,
                    e.Kind,
                    e.FirstDay,
                    e.LastDay,
                    e.ExpectedUplift,
                })
                .ToListAsync(ct)
        ).Select(e => new DayEvent(e.Name, e.Kind.ToString(), e.FirstDay, e.LastDay, e.ExpectedUplift)).Concat((await db.BrandHolidays.AsNoTracking().Select(h => new { h.Name, h.Date }).ToListAsync(ct)).Select(h => new DayEvent(h.Name, "Holiday", h.Date, h.Date, null))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var firstHistoryDay = today.AddDays(-7 * HistoryWeeks);
        var fromUtc = VolumeHistory.StartUtc(zone, firstHistoryDay, 0, TimeSpan.FromHours(1)).AddHours(-1);
        var runs = new List<ForecastRun>();
        for (var k = 0; k < networks.Count; k++)
        {
            var network = networks[k];
            progress?.Report(new PlanProgress(k, networks.Count, $"Forecasting {Networks.Describe(network)}"));
            var plan = plans.GetValueOrDefault(network) ?? ChannelPlan.DefaultFor(network);
            var ids = accounts.Where(a => a.Network == network).Select(a => a.Id).ToList();
            var posts = await db
                .Posts.AsNoTracking()
                .Where(p =>
                    ids.Contains(p.ChannelAccountId) && p.Direction == Direction.Inbound && p.CreatedAt >= fromUtc && p.CreatedAt < now
                )
                .Select(p => new { p.CreatedAt, p.Language })
                .ToListAsync(ct);
            var run = await Task.Run(
                () =>
                    Forecast(
                        network,
                        plan,
                        zone,
                        firstHistoryDay,
                        posts.Select(p => p.CreatedAt).ToList(),
                        calendar,
                        posts.Select(p => p.Language).ToList()
                    ),
                ct
            );
            run.CreatedAt = now;
            db.ForecastRuns.Add(run);
            runs.Add(run);
        }
        await db.SaveChangesAsync(ct);
        progress?.Report(new PlanProgress(networks.Count, networks.Count, "Done"));
        return runs;
    }

    /// <summary>The pure part: history to forecast, accuracy, staffing and its simulated service level, and the languages the posts are in.</summary>
    /// <param name="postLanguages">The detected language of each post (none: not known).</param>
    public static ForecastRun Forecast(
        Network network,
        ChannelPlan plan,
        TimeZoneInfo zone,
        DateOnly firstHistoryDay,
        IReadOnlyList<DateTime> postTimes,
        IReadOnlyList<DayEvent>? calendar = null,
        IReadOnlyList<string?>? postLanguages = null
    )
    {
        var interval = TimeSpan.FromMinutes(plan.IntervalMinutes);
        var s = Seasonality.ForInterval(interval);
        var history = VolumeHistory.Bucket(postTimes, zone, firstHistoryDay, 7 * HistoryWeeks, interval);
        var perDay = s.PerWeek / 7;
        var events = EventEffects.Resolve(
            (calendar ?? []).Select(e => new CalendarEvent(
                e.Name,
                e.Kind,
                (e.FirstDay.DayNumber - firstHistoryDay.DayNumber) * perDay,
                (e.LastDay.DayNumber - firstHistoryDay.DayNumber + 1) * perDay,
                e.ExpectedUplift
            )),
            history,
            s.PerWeek
        );
        IForecaster[] models = [new SeasonalNaive(), new HoltWinters(), new SeasonalRegression(events)];
        var (chosen, results) = ModelSelection.Choose(history, s, models);
        var forecast = chosen.Fit(history, plan.HorizonWeeks * s.PerWeek, s);
        if (chosen is not SeasonalRegression)
            forecast = EventEffects.ApplyAhead(forecast, events, history.Length); // the regression models events itself
        var baseline = results.FirstOrDefault(r => r.Model == models[0].Name)?.Accuracy;
        var chosenResult = results.FirstOrDefault(r => r.Model == chosen.Name);
        var mine = chosenResult?.Accuracy;
        var work = plan.ToWork();
        var required = StaffRequirement.Required(forecast.Point, work).Select(r => Math.Max(r, plan.MinimumStaff)).ToArray();
        var firstWeek = Math.Min(s.PerWeek, forecast.Point.Length);
        var simulated = AsyncSimulation.Run(
            forecast.Point.Take(firstWeek).ToList(),
            required.Take(firstWeek).ToList(),
            work,
            SimulationRuns,
            seed: 17
        );
        var languages = LanguageMix.Count(postLanguages ?? []);
        return new ForecastRun
        {
            LanguageCodes = languages.Select(l => l.Language).ToList(),
            LanguagePosts = languages.Select(l => l.Posts).ToList(),
            AverageHandlingMinutes = plan.AverageHandlingMinutes,
            Concurrency = plan.Concurrency,
            ServiceLevel = plan.ServiceLevel,
            TargetMinutes = plan.TargetMinutes,
            Shrinkage = plan.Shrinkage,
            MinimumStaff = plan.MinimumStaff,
            Network = network,
            IntervalMinutes = plan.IntervalMinutes,
            FirstLocalDay = firstHistoryDay.AddDays(7 * HistoryWeeks),
            HistoryDays = 7 * HistoryWeeks,
            Model = chosen.Name,
            Wape = mine?.Wape ?? 0,
            Bias = mine?.Bias ?? 0,
            BaselineWape = baseline?.Wape ?? 0,
            BaselineBias = baseline?.Bias ?? 0,
            HistoryPosts = (int)history.Sum(),
            Events = events
                .Where(e => e.ToIndex > history.Length)
                .Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Name} ×{e.Multiplier:0.##}"))
                .ToList(),
            RecentActual = history.Skip(history.Length - 2 * s.PerWeek).Select(v => v).ToList(),
            Point = forecast.Point.Select(v => Math.Round(v, 2)).ToList(),
            BacktestLastWeek = (chosenResult?.LastWeek ?? []).Select(v => Math.Round(v, 2)).ToList(),
            Lower = forecast.Lower.Select(v => Math.Round(v, 2)).ToList(),
            Upper = forecast.Upper.Select(v => Math.Round(v, 2)).ToList(),
            Required = required.ToList(),
            StaffingModel = StaffRequirement.ModelFor(work),
            SimulatedServiceLevel = Math.Round(simulated.ServiceLevel, 4),
            SimulatedP90Minutes = simulated.P90Answer == TimeSpan.MaxValue ? null : Math.Round(simulated.P90Answer.TotalMinutes, 1), // null: not all answered within the plan
        };
    }
}

/// <summary>A holiday or marketing event on local days of the brand, first and last inclusive.</summary>
public sealed record DayEvent(string Name, string Kind, DateOnly FirstDay, DateOnly LastDay, double? ExpectedUplift);

/// <summary>Recomputes every brand's forecasts and staffing every night (03:15 UTC), one scope per brand.</summary>
[DisallowConcurrentExecution]
public sealed class ForecastJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("forecast-nightly", "planning");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        new(
            fanOut.RunForJobAsync(
                "Forecasting",
                (sp, tenant, token) => sp.GetRequiredService<WorkloadPlanner>().PlanAsync(tenant, null, token),
                ct
            )
        );
}
