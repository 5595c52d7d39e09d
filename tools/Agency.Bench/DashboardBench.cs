using System.Diagnostics;
using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Agency.Bench;

/// <summary>
/// A brand with a year of history (1,000,000 posts in about 400,000 conversations) on SQLite: how
/// long the rollups take to build from nothing, and the p50/p95 time to compute its 30-day
/// dashboard (rollups brought up to date first, as the page does, plus the live backlog).
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(int posts, string? keep)
    {
        DirectoryInfo? dir = null;
        DatabaseSetup setup;
        if (keep is null)
            (dir, _, setup) = await BenchDatabase.CreateAsync("dashboard");
        else
            (_, setup) = await BenchDatabase.OpenAsync(Path.GetFullPath(keep));
        try
        {
            var kept = (await new CrossTenantReader(setup).ActiveBrandsAsync()).FirstOrDefault(b => b.Slug == "bench-brand");
            if (kept is null)
                return await SeedAndMeasureAsync(setup, posts);
            Console.WriteLine($"Reusing the database seeded earlier in {keep}.");
            var scope = TenantScope.ForBrand(kept.AgencyId, kept.BrandId, TenantSource.System);
            int stored,
                conversations;
            await using (var b = setup.Create(scope))
                (stored, conversations) = (await b.Posts.CountAsync(), await b.Conversations.CountAsync());
            return await MeasureAsync(setup, scope, stored, conversations);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                dir?.Delete(recursive: true);
            }
            catch (IOException)
            { /* temp */
            }
        }
    }

    private static async Task<int> SeedAndMeasureAsync(DatabaseSetup setup, int posts)
    {
        var agency = new AgencyAccount { Name = "Bench agency", Slug = "bench" };
        await using (var g = setup.Create(TenantScope.None))
        {
            g.Agencies.Add(agency);
            await g.SaveChangesAsync();
        }
        var brand = new Brand
        {
            Name = "Bench brand",
            Slug = "bench-brand",
            TimeZoneId = "Europe/London",
            CreatedAt = DateTime.UtcNow.AddYears(-2),
        };
        await using (var a = setup.Create(TenantScope.ForAgency(agency.Id, TenantSource.System)))
        {
            a.Brands.Add(brand);
            await a.SaveChangesAsync();
        }
        var scope = TenantScope.ForBrand(agency.Id, brand.Id, TenantSource.System);
        var x = new ChannelAccount
        {
            Network = Network.X,
            Handle = "bench",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        var fb = new ChannelAccount
        {
            Network = Network.Facebook,
            Handle = "bench",
            ExternalAccountId = "2",
            Department = Department.Marketing,
        };
        var xPolicy = new SlaPolicy
        {
            Name = "X within the hour",
            Network = Network.X,
            FirstResponseMinutes = 60,
            NextResponseMinutes = 60,
            ResolutionMinutes = 24 * 60,
        };
        var fbPolicy = new SlaPolicy
        {
            Name = "Facebook within 6 hours",
            Network = Network.Facebook,
            FirstResponseMinutes = 360,
            NextResponseMinutes = 360,
            ResolutionMinutes = 48 * 60,
        };
        await using (var b = setup.Create(scope))
        {
            b.ChannelAccounts.AddRange(x, fb);
            b.SlaPolicies.AddRange(xPolicy, fbPolicy);
            await b.SaveChangesAsync();
        }

        var seed = Stopwatch.StartNew();
        var (conversations, stored) = await SeedAsync(setup, scope, x, fb, xPolicy, fbPolicy, posts);
        await using (var ctx = setup.Create(TenantScope.None))
            await ctx.Database.ExecuteSqlRawAsync("ANALYZE;");
        Console.WriteLine(
            $"Seeded {stored:N0} posts in {conversations:N0} conversations over 365 days in {seed.Elapsed.TotalSeconds:F0} s."
        );
        return await MeasureAsync(setup, scope, stored, conversations);
    }

    private static async Task<int> MeasureAsync(DatabaseSetup setup, TenantScope scope, int stored, int conversations)
    {
        var clock = TimeProvider.System;
        var rollups = new ReportRollups(setup, clock);
        var build = Stopwatch.StartNew();
        var built = await rollups.RefreshAsync(scope);
        build.Stop();
        Console.WriteLine(
            $"Rollups brought up to date in {build.Elapsed.TotalSeconds:F1} s: {built.Facts:N0} conversation facts, {built.Days:N0} days of post counts."
        );
        await using (var ctx = setup.Create(TenantScope.None))
            await ctx.Database.ExecuteSqlRawAsync("ANALYZE;");

        var reports = new BrandReports(setup, rollups, clock);
        var period = ReportPeriod.Last(30, DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        BrandDashboard? last = null;
        for (var w = 0; w < 5; w++)
        {
            var warm = Stopwatch.StartNew();
            last = await reports.DashboardAsync(scope, period);
            Console.WriteLine($"  warm-up {w + 1}: {warm.Elapsed.TotalMilliseconds:F0} ms");
        }
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await reports.DashboardAsync(scope, period);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(
            $"30-day dashboard ({last!.Current.Conversations:N0} conversations and {last.Current.Inbound:N0} messages this period, {last.Previous.Conversations:N0} in the period before):"
        );
        Console.WriteLine(
            $"  p50 {InboxBench.Percentile(times, 50):F1} ms, p95 {InboxBench.Percentile(times, 95):F1} ms over {times.Count} runs (goal p95 < 300 ms)"
        );
        await PrintPartsAsync(rollups, reports, scope, period);
        Console.WriteLine(
            $"RESULT dashboard_posts={stored} conversations={conversations} p50_ms={InboxBench.Percentile(times, 50):F1} p95_ms={InboxBench.Percentile(times, 95):F1} rollup_build_s={build.Elapsed.TotalSeconds:F1}"
        );
        return 0;
    }

    /// <summary>Each part of the dashboard on its own, one after another (median of 20): where the time goes.</summary>
    private static async Task PrintPartsAsync(ReportRollups rollups, BrandReports reports, TenantScope scope, ReportPeriod period)
    {
        var now = DateTime.UtcNow;
        async Task<string> Time(string name, Func<Task> part)
        {
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                await part();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return $"{name} {InboxBench.Percentile(times, 50):F1} ms";
        }
        Console.WriteLine(
            "  by part, one after another (median of 20): "
                + string.Join(
                    ", ",
                    await Time("rollup refresh", () => rollups.RefreshAsync(scope)),
                    await Time("this period's facts", () => reports.PeriodFactsAsync(scope, period, now)),
                    await Time("the period before", () => reports.PeriodHeadlineAsync(scope, period.Previous, now))
                )
        );
    }

    private static async Task<(int Conversations, int Posts)> SeedAsync(
        DatabaseSetup setup,
        TenantScope scope,
        ChannelAccount x,
        ChannelAccount fb,
        SlaPolicy xPolicy,
        SlaPolicy fbPolicy,
        int target
    )
    {
        var rng = new Random(17);
        var end = DateTime.UtcNow;
        var start = end.AddDays(-365);
        var span = (end - start).TotalSeconds;
        string[] tags = ["refund", "delay", "baggage", "booking", "wifi", "seat", "lounge", "app"];
        var intents = new[]
        {
            Intent.ServiceQuestion,
            Intent.ServiceQuestion,
            Intent.Complaint,
            Intent.Complaint,
            Intent.Praise,
            Intent.General,
            Intent.SalesLead,
            Intent.Spam,
        };
        int conversations = 0,
            posts = 0;
        while (posts < target)
        {
            await using var db = setup.Create(scope);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 4000 && posts < target; i++)
            {
                var onX = rng.NextDouble() < 0.7;
                var account = onX ? x : fb;
                var started = start.AddSeconds(rng.NextDouble() * span);
                var intent = intents[rng.Next(intents.Length)];
                var c = new Conversation
                {
                    ChannelAccountId = account.Id,
                    Network = account.Network,
                    Department = Department.Service,
                    CustomerExternalId = $"cust{rng.Next(200_000)}",
                    CustomerHandle = $"@customer{rng.Next(200_000)}",
                    StartedAt = started,
                    LastActivityAt = started,
                    Routed = true,
                    NoAction = intent == Intent.Spam,
                    SlaPolicyId = onX ? xPolicy.Id : fbPolicy.Id,
                    Forwarded = !onX && rng.NextDouble() < 0.3,
                };
                if (c.Forwarded)
                    c.ForwardedAt = started.AddMinutes(2);
                if (rng.NextDouble() < 0.4)
                    c.Tags.Add(tags[rng.Next(tags.Length)]);
                var inbound = Post(c, account, $"in{conversations}", Direction.Inbound, started, intent, (Sentiment)(rng.Next(3) - 1));
                c.Record(inbound);
                db.Posts.Add(inbound);
                posts++;
                var answer = started.AddSeconds(Math.Exp(rng.NextDouble() * 4 + 4)); // about 1 minute to 15 hours
                if (intent != Intent.Spam && rng.NextDouble() < 0.92 && answer.AddHours(2) < end) // no post from the future
                {
                    var reply = Post(c, account, $"out{conversations}", Direction.Outbound, answer, null, null);
                    reply.IsPrivate = rng.NextDouble() < 0.1;
                    if (reply.IsPrivate)
                        c.MovedToPrivateAt = answer;
                    c.Record(reply);
                    db.Posts.Add(reply);
                    posts++;
                    if (rng.NextDouble() < 0.5 && posts < target)
                    {
                        var more = Post(
                            c,
                            account,
                            $"more{conversations}",
                            Direction.Inbound,
                            answer.AddMinutes(rng.Next(1, 120)),
                            intent,
                            Sentiment.Neutral
                        );
                        c.Record(more);
                        db.Posts.Add(more);
                        posts++;
                    }
                    if (answer < end.AddDays(-2))
                        c.Resolve(answer.AddHours(rng.Next(1, 30)));
                }
                db.Conversations.Add(c);
                conversations++;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return (conversations, posts);
    }

    private static Post Post(
        Conversation c,
        ChannelAccount account,
        string id,
        Direction direction,
        DateTime at,
        Intent? intent,
        Sentiment? sentiment
    ) =>
        new()
        {
            ConversationId = c.Id,
            ChannelAccountId = account.Id,
            ExternalId = id,
            Direction = direction,
            AuthorExternalId = direction == Direction.Inbound ? c.CustomerExternalId : "brand",
            AuthorHandle = direction == Direction.Inbound ? c.CustomerHandle : account.Handle,
            Text = direction == Direction.Inbound ? "My flight is delayed, can you help?" : "Sorry to hear that, let us look.",
            CreatedAt = at,
            ReceivedAt = at,
            Intent = intent,
            Sentiment = sentiment,
        };
}
