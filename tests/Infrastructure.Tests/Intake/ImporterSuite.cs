using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Intake;

public abstract class ImporterSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const string File = """
        tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
        10,115712,True,Tue Oct 31 22:00:00 +0000 2017,"@AcmeCare my order #A-22817 never arrived, what now?",11,
        11,AcmeCare,False,Tue Oct 31 22:20:00 +0000 2017,"@115712 Sorry! Please DM us the order number, we'll sort it.",12,10.0
        12,115712,True,Tue Oct 31 22:25:00 +0000 2017,@AcmeCare sent,,11.0
        13,200,TRUE,Tue Oct 31 23:00:00 +0000 2017,@GlobexHelp thanks for the quick fix!,,
        14,300,True,Tue Oct 31 23:10:00 +0000 2017,@NobodyWeKnow hello,,
        15,300,maybe,Tue Oct 31 23:10:00 +0000 2017,broken row,,
        """;

    private TestDatabase db = default!;
    private Guid agencyA,
        agencyB;
    private TenantScope acme = default!,
        globex = default!,
        otherAgency = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        (agencyA, acme, globex) = await SeedAgencyAsync("importer-a", withGlobex: true);
        (agencyB, otherAgency, _) = await SeedAgencyAsync("importer-b", withGlobex: false);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    private async Task<(Guid, TenantScope, TenantScope)> SeedAgencyAsync(string slug, bool withGlobex)
    {
        var agency = new AgencyAccount { Name = slug, Slug = slug };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.Add(agency);
            await g.SaveChangesAsync();
        }
        var acmeBrand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "UTC",
        };
        var globexBrand = new Brand
        {
            Name = "Globex",
            Slug = "globex",
            TimeZoneId = "UTC",
        };
        await using (var a = db.As(TenantScope.ForAgency(agency.Id, TenantSource.System)))
        {
            a.Brands.Add(acmeBrand);
            if (withGlobex)
                a.Brands.Add(globexBrand);
            await a.SaveChangesAsync();
        }
        var acmeScope = TenantScope.ForBrand(agency.Id, acmeBrand.Id, TenantSource.System);
        var globexScope = TenantScope.ForBrand(agency.Id, globexBrand.Id, TenantSource.System);
        await using (var b = db.As(acmeScope))
        {
            b.ChannelAccounts.Add(
                new ChannelAccount
                {
                    Network = Network.X,
                    Handle = "AcmeCare",
                    ExternalAccountId = "1",
                    Department = Department.Service,
                }
            );
            await b.SaveChangesAsync();
        }
        if (withGlobex)
        {
            await using var c = db.As(globexScope);
            c.ChannelAccounts.Add(
                new ChannelAccount
                {
                    Network = Network.X,
                    Handle = "GlobexHelp",
                    ExternalAccountId = "2",
                    Department = Department.Marketing,
                }
            );
            await c.SaveChangesAsync();
        }
        return (agency.Id, acmeScope, globexScope);
    }

    private Importer NewImporter() =>
        new(
            db.Setup,
            new CrossTenantReader(db.Setup),
            new PostWriter(TimeProvider.System),
            new PostNotifier(),
            new ConversationWork(new AgencyWideReader(db.Setup), TimeProvider.System),
            new WorkNotifier(),
            TimeProvider.System
        );

    private Task<ImportSummary> ImportAsync(Guid agency, ImportOptions? options = null) =>
        NewImporter().ImportAsync(agency, new StringReader(File), ImportFormat.Twcs, options ?? new ImportOptions());

    [Fact]
    public async Task Imports_each_tweet_into_its_brand_with_brand_replies_as_answers_and_reports_the_rest()
    {
        var summary = await ImportAsync(agencyA);
        Assert.Equal(6, summary.Rows);
        Assert.Equal(4, summary.Imported);
        Assert.Equal([6, 7], summary.Rejected.Select(r => r.Line));
        Assert.Contains("no connected X account", summary.Rejected[0].Reason);
        Assert.Contains("inbound", summary.Rejected[1].Reason);

        await using var a = db.As(acme);
        var conversation = await a.Conversations.SingleAsync();
        Assert.Equal(new DateTime(2017, 10, 31, 22, 0, 0, DateTimeKind.Utc), conversation.StartedAt);
        Assert.Equal(new DateTime(2017, 10, 31, 22, 20, 0, DateTimeKind.Utc), conversation.FirstResponseAt);
        Assert.Equal(2, conversation.InboundCount);
        Assert.Equal(Direction.Outbound, (await a.Posts.SingleAsync(p => p.ExternalId == "11")).Direction);
        await using var g = db.As(globex);
        Assert.Equal("13", (await g.Posts.SingleAsync()).ExternalId);
    }

    [Fact]
    public async Task Importing_the_same_file_again_stores_nothing_new()
    {
        await ImportAsync(agencyA);
        var again = await ImportAsync(agencyA);
        Assert.Equal(0, again.Imported);
        Assert.Equal(4, again.Duplicates);
        await using var a = db.As(acme);
        Assert.Equal(3, await a.Posts.CountAsync());
    }

    [Fact]
    public async Task Another_agency_importing_the_same_file_gets_only_its_own_accounts_matches()
    {
        var summary = await ImportAsync(agencyB);
        Assert.Equal(3, summary.Imported); // the AcmeCare thread; GlobexHelp is not an account of agency B
        await using var a = db.As(acme);
        Assert.Equal(0, await a.Posts.CountAsync());
        await using var b = db.As(otherAgency);
        Assert.Equal(3, await b.Posts.CountAsync());
    }

    [Fact]
    public async Task Shifting_to_now_moves_the_newest_post_to_the_present_keeping_the_gaps()
    {
        var before = DateTime.UtcNow;
        await ImportAsync(agencyA, new ImportOptions { ShiftToNow = true });
        await using var a = db.As(acme);
        var posts = await a.Posts.OrderBy(p => p.CreatedAt).ToListAsync();
        await using var g = db.As(globex);
        var newest = await g.Posts.MaxAsync(p => p.CreatedAt);
        Assert.InRange(newest, before.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(TimeSpan.FromMinutes(20), posts[1].CreatedAt - posts[0].CreatedAt);
    }

    [Fact]
    public async Task A_fast_replay_stores_the_same_posts_in_time_order()
    {
        var progress = new List<ImportProgress>();
        var summary = await NewImporter()
            .ImportAsync(
                agencyA,
                new StringReader(File),
                ImportFormat.Twcs,
                new ImportOptions { ReplaySpeed = 1_000_000 },
                new SyncProgress(progress)
            );
        Assert.Equal(4, summary.Imported);
        Assert.Equal(4, progress[^1].Done);
        Assert.True(progress.Count >= 4);
    }

    private const string History = """
        tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
        10,115712,True,Tue Oct 31 22:00:00 +0000 2017,"@AcmeCare my order #A-22817 never arrived, what now?",11,
        11,AcmeCare,False,Tue Oct 31 22:20:00 +0000 2017,"@115712 Sorry! Please DM us the order number, we'll sort it.",12,10.0
        12,115712,True,Tue Oct 31 22:25:00 +0000 2017,@AcmeCare sent,,11.0
        16,999,True,Tue Oct 31 23:00:00 +0000 2017,@AcmeCare same here! no parcel,,11.0
        17,115712,True,Fri Nov 10 09:00:00 +0000 2017,@AcmeCare now the app crashes,18,
        18,AcmeCare,False,Fri Nov 10 09:30:00 +0000 2017,@115712 Which phone do you use?,,17.0
        """;

    private Task<ImportSummary> ImportHistoryAsync() =>
        NewImporter().ImportAsync(agencyA, new StringReader(History), ImportFormat.Twcs, new ImportOptions());

    [Fact]
    public async Task Importing_history_into_a_live_brand_leaves_today_s_conversation_and_its_start_alone()
    {
        var today = DateTime.UtcNow.AddMinutes(-10);
        await using (var live = db.As(acme))
        {
            var account = await live.ChannelAccounts.SingleAsync();
            var item = new Domain.Intake.InboundItem
            {
                ExternalId = "live-1",
                Kind = Domain.Intake.PostKind.Mention,
                AuthorExternalId = "115712",
                AuthorHandle = "customer",
                Text = "@AcmeCare still nothing today",
                CreatedAt = today,
            };
            await new PostWriter(TimeProvider.System).AddAsync(live, account, [item], default);
            await live.SaveChangesAsync();
        }

        await ImportHistoryAsync();

        await using var a = db.As(acme);
        var open = await a.Conversations.SingleAsync(c => c.Status == ConversationStatus.Open);
        Assert.Equal(today, open.StartedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, open.InboundCount);
        Assert.All(await a.Conversations.Where(c => c.Id != open.Id).ToListAsync(), c =>
            Assert.Equal(ConversationStatus.Resolved, c.Status)
        );
        Assert.Equal(0, await a.OutboundMessages.CountAsync()); // no acknowledgement to a 2017 tweet
    }

    [Fact]
    public async Task History_threads_by_quiet_period_and_reply_chain_and_counts_as_closed()
    {
        await ImportHistoryAsync();

        await using var a = db.As(acme);
        var conversations = await a.Conversations.OrderBy(c => c.StartedAt).ToListAsync();
        var first = conversations.Single(c => c.CustomerExternalId == "115712" && c.StartedAt.Day == 31);
        var second = conversations.Single(c => c.CustomerExternalId == "115712" && c.StartedAt.Day == 10);
        var other = conversations.Single(c => c.CustomerExternalId == "999");
        Assert.Equal(3, conversations.Count);
        Assert.Equal((2, new DateTime(2017, 10, 31, 22, 25, 0, DateTimeKind.Utc)), (first.InboundCount, first.ResolvedAt));
        Assert.Equal(new DateTime(2017, 11, 10, 9, 30, 0, DateTimeKind.Utc), second.FirstResponseAt);
        Assert.Equal(1, other.InboundCount); // a reply in 115712's thread does not pull 999 into their conversation
        Assert.All(conversations, c => Assert.Equal(ConversationStatus.Resolved, c.Status));
        Assert.All(conversations, c => Assert.Null(c.AssignedStaffId));
    }

    private sealed class SyncProgress(List<ImportProgress> list) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => list.Add(value);
    }
}

public sealed class SqliteImporter() : ImporterSuite(DatabaseProvider.Sqlite);

public sealed class PostgresImporter() : ImporterSuite(DatabaseProvider.Postgres);
