using System.Diagnostics;
using System.Text.Json;
using Agency.Bench;
using Agency.Domain.Channels;
using Agency.Domain.Intake;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Intake benchmark (issue: social intake). Replays the real "Customer Support on Twitter" sample,
// replicated with shifted ids and times, through the intake path on a fresh SQLite file:
//   1. bulk path: the importer (parse, route to account, dedupe, classify, thread, store) in batches;
//   2. webhook path: signed X deliveries through the receiver (commit to inbox) and the inbox worker;
//   3. the raw insert rate of the same rows with plain prepared statements, for comparison.
// usage: agency-bench intake [--posts 100000] [--webhooks 10000] [--csv path/to/twcs.csv]
var options = BenchOptions.Parse(args);
if (options.Command == "labels")
{
    // Accuracy of the transparent rules and of the shipped baseline model on the held-out, hand-labelled set.
    var held = Agency.Infrastructure.Classification.LabelledSet.HeldOut.ToList();
    var training = Agency.Infrastructure.Classification.LabelledSet.Training.ToList();
    var watch = Stopwatch.StartNew();
    var model = Agency.Infrastructure.Classification.IntentModel.Train(training);
    var trainSeconds = watch.Elapsed.TotalSeconds;
    var modelAccuracy = model.Accuracy(held);
    var ruleAccuracy = Agency.Infrastructure.Classification.IntentModel.RuleAccuracy(held);
    Console.WriteLine(
        $"Labelled set: {training.Count + held.Count} hand-labelled tweets; {training.Count} train the baseline, {held.Count} held out."
    );
    Console.WriteLine($"Held-out accuracy: rules {ruleAccuracy:P1}, baseline model {modelAccuracy:P1} (trained in {trainSeconds:F1} s).");
    foreach (var intent in Enum.GetValues<Agency.Domain.Classification.Intent>())
    {
        var of = held.Where(h => h.Intent == intent).ToList();
        if (of.Count == 0)
            continue;
        Console.WriteLine(
            $"  {intent, -16} n={of.Count, 3}  rules {of.Count(h => Agency.Domain.Classification.RuleClassifier.Classify(h.Text).Intent == intent) / (double)of.Count:P0}  model {of.Count(h => model.Predict(h.Text).Intent == intent) / (double)of.Count:P0}"
        );
    }
    Console.WriteLine($"RESULT labels_rule_accuracy={ruleAccuracy:F3} labels_model_accuracy={modelAccuracy:F3} held_out={held.Count}");
    return 0;
}
if (options.Command == "forecast")
{
    // 1,000 series of 8 weeks of 30-minute history (2,688 points each), each forecast 6 weeks ahead
    // after choosing its model by rolling-origin backtest over 3 origins.
    var season = Agency.Domain.Forecasting.Seasonality.ForInterval(TimeSpan.FromMinutes(30));
    var seriesCount = options.Posts == 100_000 ? 1000 : options.Posts;
    var rng = new Random(11);
    var all = Enumerable
        .Range(0, seriesCount)
        .Select(i =>
        {
            var scale = 5 + rng.NextDouble() * 50;
            var growth = (rng.NextDouble() - 0.3) * 0.05;
            return Enumerable
                .Range(0, 8 * season.PerWeek)
                .Select(t =>
                {
                    var slot = t % season.PerDay;
                    var weekend = t / season.PerDay % 7 >= 5 ? 0.6 : 1.0;
                    return Math.Max(
                        0,
                        scale * (0.3 + Math.Sin(Math.PI * slot / season.PerDay)) * weekend * (1 + growth * t / season.PerWeek)
                            + (rng.NextDouble() - 0.5) * scale * 0.2
                    );
                })
                .ToList();
        })
        .ToList();
    Agency.Domain.Forecasting.IForecaster[] forecasters =
    [
        new Agency.Domain.Forecasting.SeasonalNaive(),
        new Agency.Domain.Forecasting.HoltWinters(),
        new Agency.Domain.Forecasting.SeasonalRegression(),
    ];
    var chosen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
    var total = Stopwatch.StartNew();
    Parallel.ForEach(all, history =>
    {
        var (model, _) = Agency.Domain.Forecasting.ModelSelection.Choose(history, season, forecasters);
        model.Fit(history, 6 * season.PerWeek, season);
        chosen.AddOrUpdate(model.Name, 1, (_, n) => n + 1);
    });
    Console.WriteLine(
        $"{seriesCount:N0} series x 8 weeks of 30-minute history: backtest (3 origins x 3 models) + 6-week forecast in {total.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores"
    );
    foreach (var (name, n) in chosen.OrderByDescending(kv => kv.Value))
        Console.WriteLine($"  chosen {name}: {n}");
    Console.WriteLine($"RESULT forecast_series={seriesCount} seconds={total.Elapsed.TotalSeconds:F2}");
    return 0;
}
if (options.Command == "roster")
{
    // usage: agency-bench roster [instance files...] [--seconds 60] [--staff 150] [--days 28]
    var files = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
    string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return Agency.Bench.RosterBench.Run(
        files,
        int.Parse(Arg("--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--staff") ?? "150", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--days") ?? "28", System.Globalization.CultureInfo.InvariantCulture)
    );
}
if (options.Command == "pool")
{
    // usage: agency-bench pool [--staff 150] [--days 28] [--brands 8] [--seconds 60] [--load 1.9 (demand scale; 1.9 is about the pool's capacity)] [--strategy auto|exact|search] [--weekends 2 (allowed in four weeks)] [--days-in-row 5] [--single-brand (everyone serves their home brand only)] [--preferences SHARE (that share of people prefers a 10-hour window)]
    string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var load = Arg("--load") is { } l ? double.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 1.9;
    var strategy = Enum.Parse<Agency.Infrastructure.Rostering.RosterStrategy>(Arg("--strategy") ?? "Auto", ignoreCase: true);
    return Agency.Bench.PoolBench.Run(
        Int("--staff", 150),
        Int("--days", 28),
        Int("--brands", 8),
        Int("--seconds", 60),
        load,
        strategy,
        Int("--days-in-row", 5),
        Int("--weekends", 2),
        args.Contains("--single-brand"),
        Arg("--preferences") is { } share ? double.Parse(share, System.Globalization.CultureInfo.InvariantCulture) : 0
    );
}
if (options.Command == "relay")
{
    // usage: agency-bench relay [--postgres CONNECTION] [--count 200] [--rate 20 (updates a second)] (SQLite in a temporary folder unless --postgres)
    string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return await Agency.Bench.RelayBench.RunAsync(
        Arg("--postgres"),
        int.Parse(Arg("--count") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--rate") ?? "20", System.Globalization.CultureInfo.InvariantCulture)
    );
}
if (options.Command == "inbox")
{
    // usage: agency-bench inbox [--posts CONVERSATIONS] (default 1,000,000)
    return await Agency.Bench.InboxBench.RunAsync(options.Posts == 100_000 ? 1_000_000 : options.Posts);
}
if (options.Command == "dashboard")
{
    // usage: agency-bench dashboard [--posts POSTS] [--db FILE] (default 1,000,000; --db keeps the seeded database there and reuses it next time)
    return await Agency.Bench.DashboardBench.RunAsync(options.Posts == 100_000 ? 1_000_000 : options.Posts, options.Db);
}
if (options.Command != "intake")
{
    Console.WriteLine(
        "usage: agency-bench intake [--posts 100000] [--webhooks 10000] [--csv path] | agency-bench labels | agency-bench forecast [--posts SERIES] | agency-bench inbox [--posts CONVERSATIONS] | agency-bench roster [files] | agency-bench dashboard [--posts POSTS] [--db FILE] | agency-bench pool [--staff 150] [--days 28] [--brands 8] [--seconds 60]"
    );
    return 1;
}

var csvPath = options.Csv ?? FindSample();
var (sample, _) = TwcsImport.Read(new StreamReader(csvPath));
Console.WriteLine($"Sample: {sample.Count:N0} usable rows from {csvPath}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var dir = Directory.CreateTempSubdirectory("agency-bench-");
try
{
    var db = new DatabaseOptions
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(dir.FullName, "bench.db")};Default Timeout=30",
    };
    var setup = DatabaseSetup.Build(db, null);
    await using (var ctx = setup.Create(TenantScope.None))
    {
        await ctx.Database.MigrateAsync();
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
    var (agencyId, accounts) = await World.SeedAsync(setup, sample);
    Console.WriteLine($"Seeded 1 agency, {accounts.Count} brands with one X account each (every brand handle in the sample).");

    // 1. Bulk path.
    var copies = (int)Math.Ceiling(options.Posts / (double)sample.Count);
    var replicated = World.Replicate(sample, copies).Take(options.Posts).ToList();
    var csv = World.ToCsv(replicated);
    var batchTimes = new List<(int Count, double Ms)>();
    var models = new Agency.Infrastructure.Classification.IntentModels(); // as in production: rules plus the intent model
    var writer = new PostWriter(TimeProvider.System, models);
    var warm = Stopwatch.StartNew();
    _ = models.BaselineAccuracy; // trains and measures the baseline once, as a running portal has done long before
    Console.WriteLine($"Baseline intent model trained and measured in {warm.Elapsed.TotalSeconds:F1} s (not counted below).");
    var importer = new Importer(
        setup,
        new CrossTenantReader(setup),
        writer,
        new PostNotifier(),
        new Agency.Infrastructure.Routing.ConversationWork(new AgencyWideReader(setup), TimeProvider.System),
        new Agency.Infrastructure.Notifications.WorkNotifier(),
        TimeProvider.System
    );
    var lastDone = 0;
    var lastTick = Stopwatch.GetTimestamp();
    var progress = new SyncProgress(p =>
    {
        var now = Stopwatch.GetTimestamp();
        if (p.Done > lastDone)
            batchTimes.Add((p.Done - lastDone, Stopwatch.GetElapsedTime(lastTick, now).TotalMilliseconds));
        lastDone = p.Done;
        lastTick = now;
    });
    var summary = await importer.ImportAsync(
        agencyId,
        new StringReader(csv),
        ImportFormat.Twcs,
        new ImportOptions { BatchSize = 1000 },
        progress
    );
    var bulkRate = summary.Imported / summary.Elapsed.TotalSeconds;
    var perPost = batchTimes.SelectMany(b => Enumerable.Repeat(b.Ms / b.Count, b.Count)).Order().ToList();
    Console.WriteLine();
    Console.WriteLine(
        $"[bulk] {summary.Imported:N0} posts stored (classified, threaded) of {summary.Rows:N0} rows in {summary.Elapsed.TotalSeconds:F1} s "
            + $"= {bulkRate:N0} posts/s; per post p50 {Pct(perPost, 0.50):F3} ms, p99 {Pct(perPost, 0.99):F3} ms (batches of 1,000); rejected {summary.Rejected.Count:N0}"
    );

    // 2. Webhook path.
    var webhook = await WebhookPath.RunAsync(setup, accounts, replicated.Where(r => r.Inbound).Take(options.Webhooks).ToList(), writer);
    Console.WriteLine(
        $"[webhook] {webhook.Deliveries:N0} signed deliveries: received (verified, committed) at {webhook.ReceiveRate:N0}/s; "
            + $"processed into posts at {webhook.ProcessRate:N0}/s; end to end {webhook.EndToEndRate:N0} posts/s; "
            + $"receive p50 {webhook.ReceiveP50:F2} ms p99 {webhook.ReceiveP99:F2} ms"
    );

    // 3. Raw inserts of the same rows.
    var raw = await RawInsert.RunAsync(Path.Combine(dir.FullName, "raw.db"), replicated);
    Console.WriteLine($"[raw] {replicated.Count:N0} rows with prepared INSERTs in transactions of 1,000: {raw:N0} rows/s");
    Console.WriteLine();
    Console.WriteLine(
        $"RESULT intake_bulk_posts_per_s={bulkRate:F0} p50_ms={Pct(perPost, 0.5):F3} p99_ms={Pct(perPost, 0.99):F3} webhook_end_to_end_posts_per_s={webhook.EndToEndRate:F0} raw_inserts_per_s={raw:F0}"
    );
    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    dir.Delete(recursive: true);
}

static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

static string FindSample()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null)
    {
        var candidate = Path.Combine(dir.FullName, "src", "Infrastructure", "Seeding", "Data", "twcs-sample.csv");
        if (File.Exists(candidate))
            return candidate;
        dir = dir.Parent;
    }
    throw new FileNotFoundException("twcs-sample.csv not found; pass --csv.");
}

namespace Agency.Bench
{
    internal sealed record BenchOptions(string? Command, int Posts, int Webhooks, string? Csv, string? Db = null)
    {
        public static BenchOptions Parse(string[] args)
        {
            int posts = 100_000,
                webhooks = 10_000;
            string? csv = null,
                db = null;
            for (var i = 1; i < args.Length - 1; i++)
            {
                if (args[i] == "--posts")
                    posts = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                else if (args[i] == "--webhooks")
                    webhooks = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                else if (args[i] == "--csv")
                    csv = args[++i];
                else if (args[i] == "--db")
                    db = args[++i];
            }
            return new BenchOptions(args.FirstOrDefault(), posts, webhooks, csv, db);
        }
    }

    internal sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    internal static class World
    {
        public static async Task<(Guid AgencyId, Dictionary<string, (Guid Brand, Guid Account, string ExternalId)> Accounts)> SeedAsync(
            DatabaseSetup setup,
            List<TwcsRow> sample
        )
        {
            var agency = new AgencyAccount { Name = "Bench", Slug = "bench" };
            await using (var g = setup.Create(TenantScope.None))
            {
                g.Agencies.Add(agency);
                await g.SaveChangesAsync();
            }
            var handles = sample.Where(r => !r.Inbound).Select(r => r.AuthorId).Distinct().OrderBy(h => h).ToList();
            var accounts = new Dictionary<string, (Guid, Guid, string)>(StringComparer.OrdinalIgnoreCase);
            var secrets = new ChannelSecrets(DataProtectionProvider.Create("agency-bench"));
            var n = 0;
            foreach (var handle in handles)
            {
                var brand = new Brand
                {
                    Name = handle,
                    Slug = Agency.Domain.Common.Slug.From(handle) is { Length: > 0 } s ? s : $"b{n}",
                    TimeZoneId = "UTC",
                };
                await using (var a = setup.Create(TenantScope.ForAgency(agency.Id, TenantSource.System)))
                {
                    a.Brands.Add(brand);
                    await a.SaveChangesAsync();
                }
                var account = new ChannelAccount
                {
                    Network = Network.X,
                    Handle = handle,
                    ExternalAccountId = (1000 + n++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Department = Department.Service,
                    AppSecretProtected = secrets.Protect(WebhookPath.Secret),
                };
                await using (var b = setup.Create(TenantScope.ForBrand(agency.Id, brand.Id, TenantSource.System)))
                {
                    b.ChannelAccounts.Add(account);
                    await b.SaveChangesAsync();
                }
                accounts[handle] = (brand.Id, account.Id, account.ExternalAccountId);
            }
            return (agency.Id, accounts);
        }

        /// <summary>Copies of the sample with shifted tweet ids, customer ids and times (a week apart), so every copy is new data.</summary>
        public static IEnumerable<TwcsRow> Replicate(List<TwcsRow> sample, int copies)
        {
            for (var c = 0; c < copies; c++)
            {
                var offset = (long)c * 10_000_000;
                string Shift(string id) =>
                    (long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) + offset).ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                string Author(string a) => a.All(char.IsAsciiDigit) ? Shift(a) : a;
                foreach (var r in sample)
                    yield return r with
                    {
                        TweetId = Shift(r.TweetId),
                        AuthorId = Author(r.AuthorId),
                        CreatedAt = r.CreatedAt.AddDays(7 * c),
                        ResponseTweetIds = r.ResponseTweetIds.Select(Shift).ToList(),
                        InResponseToTweetId = r.InResponseToTweetId is null ? null : Shift(r.InResponseToTweetId),
                        Text = r.Text.Replace("@1", "@" + (c + 1) + "0", StringComparison.Ordinal),
                    };
            }
        }

        public static string ToCsv(IEnumerable<TwcsRow> rows)
        {
            var sb = new System.Text.StringBuilder(
                "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
            );
            foreach (var r in rows)
                sb.Append(r.TweetId)
                    .Append(',')
                    .Append(r.AuthorId)
                    .Append(',')
                    .Append(r.Inbound ? "True" : "False")
                    .Append(',')
                    .Append(r.CreatedAt.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(",\"")
                    .Append(r.Text.Replace("\"", "\"\"", StringComparison.Ordinal))
                    .Append("\",\"")
                    .Append(string.Join(',', r.ResponseTweetIds))
                    .Append("\",")
                    .Append(r.InResponseToTweetId)
                    .Append('\n');
            return sb.ToString();
        }
    }

    internal static class WebhookPath
    {
        public const string Secret = "bench-consumer-secret";

        public sealed record Result(
            int Deliveries,
            double ReceiveRate,
            double ProcessRate,
            double EndToEndRate,
            double ReceiveP50,
            double ReceiveP99
        );

        public static async Task<Result> RunAsync(
            DatabaseSetup setup,
            Dictionary<string, (Guid Brand, Guid Account, string ExternalId)> accounts,
            List<TwcsRow> rows,
            PostWriter writer
        )
        {
            var crossTenant = new CrossTenantReader(setup);
            var signal = new IntakeSignal();
            var processor = new IntakeProcessor(
                setup,
                writer,
                new PostNotifier(),
                new Agency.Infrastructure.Routing.ConversationWork(new AgencyWideReader(setup), TimeProvider.System),
                new Agency.Infrastructure.Notifications.WorkNotifier(),
                TimeProvider.System,
                NullLogger<IntakeProcessor>.Instance
            );
            var receiver = new IntakeReceiver(
                crossTenant,
                setup,
                new ChannelSecrets(DataProtectionProvider.Create("agency-bench")),
                signal,
                TimeProvider.System
            );
            var worker = new InboxWorker(
                crossTenant,
                processor,
                signal,
                Options.Create(new IntakeOptions()),
                NullLogger<InboxWorker>.Instance
            );
            var handles = new HashSet<string>(accounts.Keys, StringComparer.OrdinalIgnoreCase);
            var byId = rows.ToDictionary(r => r.TweetId);

            var deliveries = new List<(Guid Account, byte[] Body)>();
            foreach (var r in rows)
            {
                // Webhook ids must not collide with the bulk run's posts.
                var handle = TwcsImport.HandleOf(r, byId, handles);
                if (handle is null)
                    continue;
                var (_, account, externalId) = accounts[handle];
                var body = JsonSerializer.SerializeToUtf8Bytes(
                    new
                    {
                        for_user_id = externalId,
                        tweet_create_events = new[]
                        {
                            new
                            {
                                created_at = r.CreatedAt.ToString(
                                    "ddd MMM dd HH:mm:ss +0000 yyyy",
                                    System.Globalization.CultureInfo.InvariantCulture
                                ),
                                id_str = "9" + r.TweetId,
                                text = r.Text,
                                in_reply_to_status_id_str = (string?)null,
                                user = new { id_str = r.AuthorId, screen_name = "customer" + r.AuthorId },
                            },
                        },
                    }
                );
                deliveries.Add((account, body));
            }

            var receiveTimes = new List<double>(deliveries.Count);
            var total = Stopwatch.StartNew();
            var receiving = Stopwatch.StartNew();
            foreach (var (account, body) in deliveries)
            {
                var t = Stopwatch.GetTimestamp();
                var result = await receiver.ReceiveAsync(account, DeliverySource.XWebhook, body, WebhookSignatures.X(Secret, body));
                if (result.Status != ReceiveStatus.Stored)
                    throw new InvalidOperationException($"Delivery refused: {result.Status} {result.Reason}");
                receiveTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            var receiveSeconds = receiving.Elapsed.TotalSeconds;
            var processing = Stopwatch.StartNew();
            while (await worker.DrainOnceAsync(default) > 0) { }
            var processSeconds = processing.Elapsed.TotalSeconds;
            receiveTimes.Sort();
            return new Result(
                deliveries.Count,
                deliveries.Count / receiveSeconds,
                deliveries.Count / processSeconds,
                deliveries.Count / total.Elapsed.TotalSeconds,
                receiveTimes[receiveTimes.Count / 2],
                receiveTimes[(int)(receiveTimes.Count * 0.99)]
            );
        }
    }

    internal static class RawInsert
    {
        public static async Task<double> RunAsync(string path, List<TwcsRow> rows)
        {
            await using var conn = new SqliteConnection($"Data Source={path}");
            await conn.OpenAsync();
            await using (var create = conn.CreateCommand())
            {
                create.CommandText = """
                    PRAGMA journal_mode=WAL;
                    CREATE TABLE Posts (Id TEXT PRIMARY KEY, AgencyId TEXT, BrandId TEXT, ChannelAccountId TEXT, ExternalId TEXT, AuthorExternalId TEXT,
                      Text TEXT, CreatedAt TEXT, ReceivedAt TEXT, InReplyToExternalId TEXT, Direction INTEGER);
                    CREATE UNIQUE INDEX IX_Posts ON Posts (AgencyId, BrandId, ChannelAccountId, ExternalId);
                    """;
                await create.ExecuteNonQueryAsync();
            }
            var agency = Guid.NewGuid().ToString();
            var brand = Guid.NewGuid().ToString();
            var account = Guid.NewGuid().ToString();
            var watch = Stopwatch.StartNew();
            foreach (var chunk in rows.Chunk(1000))
            {
                await using var tx = conn.BeginTransaction();
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO Posts VALUES ($id,$a,$b,$c,$e,$u,$t,$at,$rt,$r,$d)";
                var p = new[] { "$id", "$a", "$b", "$c", "$e", "$u", "$t", "$at", "$rt", "$r", "$d" }
                    .Select(n => cmd.Parameters.Add(new SqliteParameter(n, null)))
                    .ToArray();
                cmd.Prepare();
                foreach (var r in chunk)
                {
                    p[0].Value = Guid.CreateVersion7().ToString();
                    p[1].Value = agency;
                    p[2].Value = brand;
                    p[3].Value = account;
                    p[4].Value = r.TweetId;
                    p[5].Value = r.AuthorId;
                    p[6].Value = r.Text;
                    p[7].Value = r.CreatedAt.ToString("O");
                    p[8].Value = DateTime.UtcNow.ToString("O");
                    p[9].Value = (object?)r.InResponseToTweetId ?? DBNull.Value;
                    p[10].Value = r.Inbound ? 1 : 2;
                    await cmd.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
            return rows.Count / watch.Elapsed.TotalSeconds;
        }
    }
}
