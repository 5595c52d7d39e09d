using System.Collections.Concurrent;
using Agency.Domain.Calendars;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Agency.Infrastructure.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Agency.Infrastructure.Tests.Jobs;

/// <summary>
/// Jobs run in the real Quartz scheduler with its persistent store in the test database: a job's
/// tenant comes only from its data map, one DI scope per run.
/// </summary>
public abstract class TenantJobSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;
    private TenantWorld world = default!;
    private IHost host = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        world = await TenantWorld.SeedAsync(db);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Database:Provider"] = db.Options.Provider.ToString();
        builder.Configuration["Database:ConnectionString"] = db.Options.ConnectionString;
        builder.Configuration["Jobs:Enabled"] = "true";
        builder.AddInfrastructure();
        host = builder.Build();
        await host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await db.DisposeAsync();
    }

    private async Task<HolidayJob.Observation> RunAsync(JobDataMap data)
    {
        var run = Guid.NewGuid();
        data[HolidayJob.RunKey] = run.ToString();
        var done = HolidayJob.Expect(run);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<HolidayJob>().WithIdentity($"holiday-{run}").UsingJobData(data).Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build());
        return await done.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_job_tagged_with_a_brand_reads_and_writes_only_that_brand()
    {
        var seen = await RunAsync(TenantJob.DataFor(world.AgencyX, world.XAcme));
        Assert.Null(seen.WriteError);
        Assert.Equal(1, seen.VisibleHolidays);
        Assert.All(seen.VisibleBrands, b => Assert.Equal(world.XAcme, b));

        await using var acme = db.As(world.XAcmeScope);
        Assert.Equal(2, await acme.BrandHolidays.CountAsync());
        await using var globex = db.As(world.XGlobexScope);
        Assert.Equal(1, await globex.BrandHolidays.CountAsync());
        await using var y = db.As(world.YAcmeScope);
        Assert.Equal(1, await y.BrandHolidays.CountAsync());
    }

    [Fact]
    public async Task A_job_without_a_tenant_reads_nothing_and_cannot_write()
    {
        var seen = await RunAsync(new JobDataMap());
        Assert.Equal(0, seen.VisibleHolidays);
        Assert.IsType<TenantException>(seen.WriteError);
        foreach (var scope in new[] { world.XAcmeScope, world.XGlobexScope, world.YAcmeScope })
        {
            await using var ctx = db.As(scope);
            Assert.Equal(1, await ctx.BrandHolidays.CountAsync());
        }
    }

    [Fact]
    public async Task Fan_out_runs_once_per_brand_each_in_its_own_tenant()
    {
        var fanOut = host.Services.GetRequiredService<BrandFanOut>();
        var seen = new ConcurrentBag<(Guid Brand, Guid[] Visible)>();
        var result = await fanOut.RunAsync(
            async (sp, tenant, ct) =>
            {
                await using var ctx = await sp.GetRequiredService<IDbContextFactory<AgencyDbContext>>().CreateDbContextAsync(ct);
                seen.Add((tenant.BrandId!.Value, await ctx.BrandHolidays.Select(h => h.BrandId).ToArrayAsync(ct)));
            }
        );
        Assert.Equal(3, result.Succeeded);
        Assert.Empty(result.Failed);
        Assert.Equal(new[] { world.XAcme, world.XGlobex, world.YAcme }.Order(), seen.Select(s => s.Brand).Order());
        Assert.All(seen, s => Assert.All(s.Visible, v => Assert.Equal(s.Brand, v)));
    }

    [Fact]
    public async Task A_failing_brand_does_not_stop_the_others()
    {
        var fanOut = host.Services.GetRequiredService<BrandFanOut>();
        var result = await fanOut.RunAsync(
            (_, tenant, _) => tenant.BrandId == world.XGlobex ? throw new InvalidOperationException("boom") : Task.CompletedTask
        );
        Assert.Equal(2, result.Succeeded);
        Assert.Equal(world.XGlobex, Assert.Single(result.Failed).Brand.BrandId);
    }
}

/// <summary>A test job that reports what its tenant can see and tries to add a holiday.</summary>
public sealed class HolidayJob(IServiceScopeFactory scopes) : TenantJob(scopes)
{
    public const string RunKey = "run";

    public sealed record Observation(int VisibleHolidays, Guid[] VisibleBrands, Exception? WriteError);

    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<Observation>> Waiting = new();

    public static Task<Observation> Expect(Guid run) =>
        Waiting.GetOrAdd(run, _ => new TaskCompletionSource<Observation>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected override async Task ExecuteAsync(
        IServiceProvider services,
        TenantScope tenant,
        IJobExecutionContext context,
        CancellationToken ct
    )
    {
        var run = Guid.Parse(context.MergedJobDataMap.GetString(RunKey)!);
        try
        {
            var factory = services.GetRequiredService<IDbContextFactory<AgencyDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ct);
            var brands = await db.BrandHolidays.Select(h => h.BrandId).ToArrayAsync(ct);
            Exception? writeError = null;
            try
            {
                db.BrandHolidays.Add(new BrandHoliday { Date = new DateOnly(2027, 1, 1), Name = "New Year's Day" });
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex)
            {
                writeError = ex;
            }
            Waiting[run].TrySetResult(new Observation(brands.Length, brands, writeError));
        }
        catch (Exception ex)
        {
            Waiting[run].TrySetException(ex);
        }
    }
}

public sealed class SqliteTenantJobs() : TenantJobSuite(DatabaseProvider.Sqlite);

public sealed class PostgresTenantJobs() : TenantJobSuite(DatabaseProvider.Postgres);
