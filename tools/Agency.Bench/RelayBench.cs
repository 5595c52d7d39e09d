using System.Collections.Concurrent;
using System.Diagnostics;
using Agency.Infrastructure.Cluster;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agency.Bench;

/// <summary>
/// Two servers' relays on one database: how long a live update published on one takes to reach the other's pages
/// (<see cref="NodeRelay"/> polls every 0.5 s), at a steady rate of updates.
/// </summary>
internal static class RelayBench
{
    public static async Task<int> RunAsync(string? postgres, int count, int perSecond)
    {
        DirectoryInfo? dir = null;
        DatabaseSetup setup;
        if (postgres is null)
            (dir, _, setup) = await BenchDatabase.CreateAsync("relay");
        else
        {
            setup = DatabaseSetup.Build(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres }, null);
            await using var ctx = setup.Create(TenantScope.None);
            await ctx.Database.MigrateAsync();
        }
        try
        {
            var (workA, workB) = (new WorkNotifier(), new WorkNotifier());
            var a = new NodeRelay(
                setup,
                workA,
                new PostNotifier(),
                new PresenceTracker(TimeProvider.System),
                TimeProvider.System,
                NullLogger<NodeRelay>.Instance
            );
            var b = new NodeRelay(
                setup,
                workB,
                new PostNotifier(),
                new PresenceTracker(TimeProvider.System),
                TimeProvider.System,
                NullLogger<NodeRelay>.Instance
            );
            var sentAt = new ConcurrentDictionary<Guid, long>();
            var latencies = new ConcurrentBag<double>();
            var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            workB.Changed += e =>
            {
                foreach (var id in e.ConversationIds)
                    if (sentAt.TryRemove(id, out var t))
                        latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (latencies.Count >= count)
                    all.TrySetResult();
            };
            await a.StartAsync(CancellationToken.None);
            await b.StartAsync(CancellationToken.None);
            var (agency, brand) = (Guid.NewGuid(), Guid.NewGuid());
            for (var i = 0; i < count; i++)
            {
                var id = Guid.NewGuid();
                sentAt[id] = Stopwatch.GetTimestamp();
                workA.Publish(new WorkChanged(agency, brand, [id]));
                await Task.Delay(1000 / perSecond);
            }
            await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await a.StopAsync(CancellationToken.None);
            await b.StopAsync(CancellationToken.None);
            var sorted = latencies.Order().ToList();
            Console.WriteLine(
                $"Relay on {(postgres is null ? "SQLite" : "PostgreSQL")}: {count} updates at {perSecond} a second from one server to the other"
            );
            Console.WriteLine(
                $"  delivered {sorted.Count}; latency p50 {InboxBench.Percentile(sorted, 50):F0} ms, p95 {InboxBench.Percentile(sorted, 95):F0} ms, max {sorted[^1]:F0} ms"
            );
            Console.WriteLine(
                $"RESULT relay_updates={sorted.Count} p50_ms={InboxBench.Percentile(sorted, 50):F0} p95_ms={InboxBench.Percentile(sorted, 95):F0} max_ms={sorted[^1]:F0}"
            );
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                dir?.Delete(recursive: true);
            }
            catch (IOException)
            { /* temp */
            }
        }
    }
}
