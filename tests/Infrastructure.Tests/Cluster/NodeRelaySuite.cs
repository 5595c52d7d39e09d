using Agency.Infrastructure.Cluster;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agency.Infrastructure.Tests.Cluster;

/// <summary>Live updates between servers sharing the database: what one server's pages are told reaches the other's, once.</summary>
public abstract class NodeRelaySuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private ManualClock clock = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        clock = new ManualClock(Now);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    /// <summary>One server: its notifiers, what its pages were told, and its relay.</summary>
    private sealed class Server
    {
        public WorkNotifier Work { get; } = new();
        public PostNotifier Posts { get; } = new();
        public List<WorkChanged> Changes { get; } = [];
        public List<string> Notified { get; } = [];
        public List<PostsArrived> Arrived { get; } = [];
        public PresenceTracker Presence { get; }
        public NodeRelay Relay { get; }

        public Server(DatabaseSetup setup, TimeProvider clock)
        {
            Presence = new PresenceTracker(clock);
            Relay = new NodeRelay(setup, Work, Posts, Presence, clock, NullLogger<NodeRelay>.Instance);
            Work.Changed += Changes.Add;
            Work.NotificationsChanged += Notified.Add;
            Posts.Arrived += Arrived.Add;
        }
    }

    /// <summary>A server as the product builds it, on the test database; no jobs or workers, the schema already there.</summary>
    protected static HostApplicationBuilder Configure(TestDatabase db, bool clustered)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Database:Provider"] = db.Options.Provider.ToString();
        builder.Configuration["Database:ConnectionString"] = db.Options.ConnectionString;
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.Configuration["Jobs:Enabled"] = "false";
        builder.Configuration["Jobs:Clustered"] = clustered.ToString();
        builder.Configuration["Intake:WorkerEnabled"] = "false";
        builder.AddInfrastructure();
        return builder;
    }

    [Fact]
    public async Task What_one_server_publishes_reaches_the_other_server_s_pages_once_and_never_comes_back()
    {
        var (a, b) = (new Server(db.Setup, clock), new Server(db.Setup, clock));
        Assert.NotEqual(a.Relay.Node, b.Relay.Node);
        var (agency, brand, account) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var change = new WorkChanged(agency, brand, [Guid.NewGuid(), Guid.NewGuid()]);
        a.Work.Publish(change);
        a.Work.PublishNotifications(["u1", "u2", "u1"]);
        a.Posts.Publish(new PostsArrived(brand, account, 3));
        Assert.Single(a.Changes); // this server's pages at once
        Assert.Empty(b.Changes);

        await a.Relay.RelayOnceAsync(CancellationToken.None); // sent
        await b.Relay.RelayOnceAsync(CancellationToken.None); // read and told
        var told = Assert.Single(b.Changes);
        Assert.Equal((agency, brand), (told.AgencyId, told.BrandId));
        Assert.Equal(change.ConversationIds, told.ConversationIds);
        Assert.Equal(["u1", "u2"], b.Notified);
        Assert.Equal(new PostsArrived(brand, account, 3), Assert.Single(b.Arrived));

        // Nothing twice: not on the next read within the look-back, and a server never hears its own signals.
        await b.Relay.RelayOnceAsync(CancellationToken.None);
        await a.Relay.RelayOnceAsync(CancellationToken.None);
        Assert.Single(b.Changes);
        Assert.Single(a.Changes);
        Assert.Equal(["u1", "u2"], a.Notified);
        Assert.Single(a.Arrived);
    }

    [Fact]
    public async Task A_colleague_with_the_conversation_open_on_another_server_is_seen_viewing_typing_and_leaving()
    {
        var (a, b) = (new Server(db.Setup, clock), new Server(db.Setup, clock));
        var conversation = Guid.NewGuid();
        async Task RelayAsync()
        {
            await a.Relay.RelayOnceAsync(CancellationToken.None);
            await b.Relay.RelayOnceAsync(CancellationToken.None);
        }

        b.Presence.Enter(conversation, "marcus-page", "Marcus");
        a.Presence.Enter(conversation, "sofia-page", "Sofia");
        await RelayAsync();
        Assert.Equal(["Sofia"], b.Presence.Others(conversation, "marcus-page").Select(p => (p.UserName)));
        await a.Relay.RelayOnceAsync(CancellationToken.None);
        Assert.Equal(["Marcus"], a.Presence.Others(conversation, "sofia-page").Select(p => p.UserName));

        a.Presence.Typing(conversation, "sofia-page", "Sofia");
        await RelayAsync();
        Assert.True(b.Presence.Others(conversation, "marcus-page").Single().Typing);

        a.Presence.Leave(conversation, "sofia-page");
        await RelayAsync();
        Assert.Empty(b.Presence.Others(conversation, "marcus-page"));
    }

    [Fact]
    public async Task What_could_not_be_stored_while_the_database_was_away_is_sent_when_it_is_back()
    {
        var (a, b) = (new Server(db.Setup, clock), new Server(db.Setup, clock));
        var conversation = Guid.NewGuid();
        a.Work.Publish(new WorkChanged(Guid.NewGuid(), Guid.NewGuid(), [conversation]));
        await using (var x = db.Setup.Create(TenantScope.None))
            await x.Database.ExecuteSqlRawAsync("ALTER TABLE \"NodeSignals\" RENAME TO \"NodeSignalsAway\"");
        await Assert.ThrowsAnyAsync<Exception>(() => a.Relay.RelayOnceAsync(CancellationToken.None));
        await using (var x = db.Setup.Create(TenantScope.None))
            await x.Database.ExecuteSqlRawAsync("ALTER TABLE \"NodeSignalsAway\" RENAME TO \"NodeSignals\"");
        await a.Relay.RelayOnceAsync(CancellationToken.None);
        await b.Relay.RelayOnceAsync(CancellationToken.None);
        Assert.Equal([conversation], Assert.Single(b.Changes).ConversationIds);
    }

    [Fact]
    public async Task Running_as_a_background_service_the_relay_tells_the_other_server_within_moments()
    {
        var (a, b) = (new Server(db.Setup, clock), new Server(db.Setup, clock));
        var told = new TaskCompletionSource<WorkChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Work.Changed += e => told.TrySetResult(e);
        await a.Relay.StartAsync(CancellationToken.None);
        await b.Relay.StartAsync(CancellationToken.None);
        try
        {
            var conversation = Guid.NewGuid();
            a.Work.Publish(new WorkChanged(Guid.NewGuid(), Guid.NewGuid(), [conversation]));
            Assert.Equal([conversation], (await told.Task.WaitAsync(TimeSpan.FromSeconds(20))).ConversationIds);
        }
        finally
        {
            await a.Relay.StopAsync(CancellationToken.None);
            await b.Relay.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_signal_that_commits_late_still_arrives_one_that_cannot_be_read_is_skipped_and_old_ones_are_cleared()
    {
        var b = new Server(db.Setup, clock);
        await b.Relay.RelayOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var late = Guid.NewGuid();
        await using (var x = db.Setup.Create(TenantScope.None))
        {
            // Stamped before the last read, committed after it (another server's slow transaction); and a row no server can read.
            x.NodeSignals.AddRange(
                new NodeSignal
                {
                    Node = "c",
                    Kind = "work",
                    Payload = "{not json",
                    At = Now.AddSeconds(-1),
                },
                new NodeSignal
                {
                    Node = "c",
                    Kind = "mystery",
                    Payload = "{}",
                    At = Now.AddSeconds(-1),
                },
                new NodeSignal
                {
                    Node = "c",
                    Kind = "work",
                    Payload = $$"""{"AgencyId":"{{Guid.NewGuid()}}","BrandId":"{{Guid.NewGuid()}}","ConversationIds":["{{late}}"]}""",
                    At = Now.AddSeconds(-1),
                }
            );
            await x.SaveChangesAsync();
        }
        await b.Relay.RelayOnceAsync(CancellationToken.None);
        Assert.Equal([late], Assert.Single(b.Changes).ConversationIds);

        // Signals older than the relay keeps are deleted by the next server to clean up.
        clock.Advance(NodeRelay.Keep + TimeSpan.FromMinutes(1));
        await b.Relay.RelayOnceAsync(CancellationToken.None);
        await using (var x = db.Setup.Create(TenantScope.None))
            Assert.Equal(0, await x.NodeSignals.CountAsync());
        Assert.Single(b.Changes);
    }
}

public sealed class SqliteNodeRelay() : NodeRelaySuite(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task One_server_on_SQLite_runs_no_relay_and_cannot_be_clustered()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using (var single = Configure(db, clustered: false).Build())
            Assert.Empty(single.Services.GetServices<IHostedService>().OfType<NodeRelay>());
        var error = Assert.Throws<InvalidOperationException>(() => Configure(db, clustered: true));
        Assert.Contains("Jobs:Clustered needs PostgreSQL or SQL Server", error.Message);
    }
}

public sealed class PostgresNodeRelay() : NodeRelaySuite(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_clustered_servers_tell_each_other_s_pages_what_changed()
    {
        // Two servers as the product builds them (Jobs:Clustered on PostgreSQL), sharing one database.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var a = Configure(db, clustered: true).Build();
        using var b = Configure(db, clustered: true).Build();
        Assert.Single(a.Services.GetServices<IHostedService>().OfType<NodeRelay>());
        await a.StartAsync();
        await b.StartAsync();
        try
        {
            var told = new TaskCompletionSource<WorkChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
            b.Services.GetRequiredService<WorkNotifier>().Changed += e => told.TrySetResult(e);
            var conversation = Guid.NewGuid();
            a.Services.GetRequiredService<WorkNotifier>().Publish(new WorkChanged(Guid.NewGuid(), Guid.NewGuid(), [conversation]));
            Assert.Equal([conversation], (await told.Task.WaitAsync(TimeSpan.FromSeconds(20))).ConversationIds);
        }
        finally
        {
            await b.StopAsync();
            await a.StopAsync();
        }
    }
}
