using System.Diagnostics;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Agency.Bench;

/// <summary>
/// Agent inbox benchmark (issue: routing and workspace). Seeds 1,000,000 conversations over 50
/// brands of one agency into a migrated SQLite file (15 % open, the rest resolved; teams, assignees,
/// networks, priorities and due times spread as in a busy agency) and times the real inbox query
/// (AgencyWideReader.InboxAsync: first page sorted by SLA due, with the total) for the views agents
/// and leads use.
/// </summary>
internal static class InboxBench
{
    public static async Task<int> RunAsync(int conversations)
    {
        const int brandCount = 50,
            staffCount = 150,
            teamCount = 10;
        var (dir, options, setup) = await BenchDatabase.CreateAsync("inbox");
        try
        {
            var agency = new AgencyAccount { Name = "Bench agency", Slug = "bench" };
            await using (var g = setup.Create(TenantScope.None))
            {
                g.Agencies.Add(agency);
                await g.SaveChangesAsync();
            }
            var scope = TenantScope.ForAgency(agency.Id, TenantSource.System);
            var brands = Enumerable
                .Range(0, brandCount)
                .Select(i => new Brand
                {
                    Name = $"Brand {i}",
                    Slug = $"brand-{i}",
                    TimeZoneId = "Europe/London",
                })
                .ToList();
            var staff = Enumerable
                .Range(0, staffCount)
                .Select(i => new StaffMember { Name = $"Agent {i}", Email = $"agent{i}@bench.example" })
                .ToList();
            var teams = Enumerable
                .Range(0, teamCount)
                .Select(i => new Team { Name = $"Team {i}", BrandIds = brands.Skip(i * 5).Take(5).Select(b => b.Id).ToList() })
                .ToList();
            await using (var a = setup.Create(scope))
            {
                a.Brands.AddRange(brands);
                a.StaffMembers.AddRange(staff);
                a.Teams.AddRange(teams);
                await a.SaveChangesAsync();
            }
            var accounts = new Dictionary<Guid, (Guid X, Guid Facebook)>();
            foreach (var b in brands)
            {
                await using var db = setup.Create(scope.WithBrand(b.Id));
                var x = new ChannelAccount
                {
                    Network = Network.X,
                    Handle = b.Slug,
                    ExternalAccountId = "1",
                    Department = Department.Service,
                };
                var fb = new ChannelAccount
                {
                    Network = Network.Facebook,
                    Handle = b.Slug,
                    ExternalAccountId = "2",
                    Department = Department.Marketing,
                };
                db.ChannelAccounts.AddRange(x, fb);
                await db.SaveChangesAsync();
                accounts[b.Id] = (x.Id, fb.Id);
            }

            var seed = Stopwatch.StartNew();
            var now = DateTime.UtcNow;
            await SeedConversationsAsync(options.ConnectionString, agency.Id, brands, teams, staff, accounts, conversations, now);
            await using (var ctx = setup.Create(TenantScope.None))
                await ctx.Database.ExecuteSqlRawAsync("ANALYZE;");
            Console.WriteLine(
                $"Seeded {conversations:N0} conversations over {brandCount} brands ({staffCount} staff, {teamCount} teams) in {seed.Elapsed.TotalSeconds:F0} s."
            );

            var reader = new AgencyWideReader(setup);
            var all = brands.Select(b => b.Id).ToList();
            var rng = new Random(5);
            // A lead sees all brands; an agent works the 5 brands of one team.
            var views = new (string Name, Func<InboxQuery> Query)[] { ("my conversations (agent, 5 brands)", () =>
                {
                    var t = rng.Next(teamCount);
                    return new InboxQuery(teams[t].BrandIds, AssignedStaffId: staff[rng.Next(staffCount)].Id);
                }), ("team queue + network + priority filter", () =>
                {
                    var t = rng.Next(teamCount);
                    return new InboxQuery(teams[t].BrandIds, TeamIds: [teams[t].Id], Network: Network.X, MinPriority: Priority.High);
                }), ("waiting for someone (team, unassigned)", () =>
                {
                    var t = rng.Next(teamCount);
                    return new InboxQuery(teams[t].BrandIds, TeamIds: [teams[t].Id], UnassignedOnly: true);
                }), ("all open, 50 brands (lead/admin)", () => new InboxQuery(all)), ("all open, one brand + customer search", () => new InboxQuery([all[rng.Next(brandCount)]], Search: $"customer{rng.Next(1000)}")) };
            var overall = new List<double>();
            if (Environment.GetEnvironmentVariable("AGENCY_BENCH_EXPLAIN") == "1")
                await ExplainAsync(options.ConnectionString, reader, agency.Id, views.Select(v => (v.Name, v.Query())).ToList());
            foreach (var (name, make) in views)
            {
                for (var w = 0; w < 5; w++)
                    await reader.InboxAsync(agency.Id, make()); // warm up
                var times = new List<double>();
                for (var i = 0; i < 100; i++)
                {
                    var q = make();
                    var watch = Stopwatch.StartNew();
                    await reader.InboxAsync(agency.Id, q);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                overall.AddRange(times);
                Console.WriteLine($"  {name, -42} p50 {Percentile(times, 50), 7:F1} ms   p95 {Percentile(times, 95), 7:F1} ms");
            }
            Console.WriteLine(
                $"All views: p50 {Percentile(overall, 50):F1} ms, p95 {Percentile(overall, 95):F1} ms over {overall.Count} queries (first page of 25 + total)."
            );
            Console.WriteLine(
                $"RESULT inbox_conversations={conversations} p50_ms={Percentile(overall, 50):F1} p95_ms={Percentile(overall, 95):F1}"
            );
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            { /* temp */
            }
        }
    }

    // Prints SQLite's plan of each view's page query (set AGENCY_BENCH_EXPLAIN=1).
    private static async Task ExplainAsync(string cs, AgencyWideReader reader, Guid agencyId, List<(string Name, InboxQuery Query)> views)
    {
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        foreach (var (name, q) in views)
        {
            foreach (var sql in reader.InboxSql(agencyId, q))
            {
                // ToQueryString declares parameters as .param set lines; inline them for EXPLAIN.
                var lines = sql.Split('\n');
                var body = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
                foreach (var l in lines.Where(l => l.StartsWith(".param set", StringComparison.Ordinal)))
                {
                    var parts = l.Split(' ', 4);
                    body = System.Text.RegularExpressions.Regex.Replace(
                        body,
                        System.Text.RegularExpressions.Regex.Escape(parts[2]) + @"\b",
                        parts[3]
                    );
                }
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "EXPLAIN QUERY PLAN " + body;
                Console.WriteLine($"-- {name}\n{body}");
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                    Console.WriteLine($"   plan: {r.GetString(3)}");
            }
        }
    }

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    // Plain prepared inserts (the product's own writes go through EF Core; this only builds the data set fast).
    private static async Task SeedConversationsAsync(
        string cs,
        Guid agencyId,
        List<Brand> brands,
        List<Team> teams,
        List<StaffMember> staff,
        Dictionary<Guid, (Guid X, Guid Facebook)> accounts,
        int count,
        DateTime now
    )
    {
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        var columns = new List<(string Name, string Type, bool NotNull)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(Conversations)";
            await using var r = await info.ExecuteReaderAsync();
            while (await r.ReadAsync())
                columns.Add((r.GetString(1), r.GetString(2), r.GetInt32(3) == 1));
        }
        var rng = new Random(42);
        var teamOf = teams.SelectMany(t => t.BrandIds.Select(b => (b, t.Id))).ToDictionary(x => x.b, x => x.Id);
        var staffOfTeam = teams
            .Select((t, i) => (t.Id, Staff: staff.Skip(i * 15).Take(15).Select(s => s.Id).ToList()))
            .ToDictionary(x => x.Id, x => x.Staff);
        var batch = 50_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var tx = connection.BeginTransaction();
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText =
                $"INSERT INTO Conversations ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c.Name))})";
            var p = columns.ToDictionary(c => c.Name, c => cmd.Parameters.Add(new SqliteParameter("@" + c.Name, DBNull.Value)));
            cmd.Prepare();
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var brand = brands[i % brands.Count];
                var open = rng.NextDouble() < 0.15;
                var network = rng.NextDouble() < 0.7 ? Network.X : Network.Facebook;
                var started = now.AddMinutes(-rng.Next(0, 60 * 24 * 60));
                var team = teamOf[brand.Id];
                foreach (var c in columns)
                    p[c.Name].Value = c.NotNull ? Default(c.Type) : DBNull.Value;
                p["Id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                p["AgencyId"].Value = agencyId.ToString().ToUpperInvariant();
                p["BrandId"].Value = brand.Id.ToString().ToUpperInvariant();
                p["ChannelAccountId"].Value = (network == Network.X ? accounts[brand.Id].X : accounts[brand.Id].Facebook)
                    .ToString()
                    .ToUpperInvariant();
                p["Network"].Value = (int)network;
                p["Department"].Value = network == Network.X ? (int)Department.Service : (int)Department.Marketing;
                p["CustomerExternalId"].Value = $"{i}";
                p["CustomerHandle"].Value = $"customer{i % 100_000}";
                p["Status"].Value = open
                    ? (rng.NextDouble() < 0.1 ? (int)ConversationStatus.WaitingOnCustomer : (int)ConversationStatus.Open)
                    : (int)ConversationStatus.Resolved;
                p["StartedAt"].Value = Sql(started);
                p["LastActivityAt"].Value = Sql(started.AddMinutes(rng.Next(0, 600)));
                p["InboundCount"].Value = 1 + rng.Next(3);
                p["Routed"].Value = 1;
                p["Priority"].Value = 1 + rng.Next(4);
                p["TeamId"].Value = team.ToString().ToUpperInvariant();
                p["Tags"].Value = "[]";
                p["Pauses"].Value = "[]";
                p["Intent"].Value = 1 + rng.Next(5);
                p["Queue"].Value = open ? 1 : 0;
                p["DueSort"].Value = Sql(Conversation.NothingDue);
                if (open)
                {
                    if (rng.NextDouble() < 0.6)
                        p["AssignedStaffId"].Value = staffOfTeam[team][rng.Next(15)].ToString().ToUpperInvariant();
                    var due = now.AddMinutes(rng.Next(-2 * 24 * 60, 2 * 24 * 60));
                    p["DueAt"].Value = Sql(due);
                    p["DueSort"].Value = Sql(due);
                }
                else
                {
                    p["ResolvedAt"].Value = Sql(started.AddHours(2));
                }
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    private static object Default(string type) =>
        type.ToUpperInvariant() switch
        {
            "INTEGER" => 0,
            "REAL" => 0.0,
            _ => "",
        };

    private static string Sql(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
