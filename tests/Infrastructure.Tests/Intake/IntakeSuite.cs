using System.Text;
using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.Intake;

/// <summary>Webhook deliveries through the real receiver, inbox and worker, on a real database.</summary>
public abstract class IntakeSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Secret = "consumer-secret-of-acme";
    private const string XUser = "3001969357";
    private TestDatabase db = default!;
    private readonly IDataProtectionProvider protection = DataProtectionProvider.Create("agency-tests");
    private TenantScope brandA = default!;
    private TenantScope brandB = default!;
    private Guid accountA,
        accountB;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var secrets = new ChannelSecrets(protection);
        (brandA, accountA) = await SeedAsync("agency-a", secrets);
        (brandB, accountB) = await SeedAsync("agency-b", secrets);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    // Both agencies have a brand "acme" with an X account of the same platform id: only the URL tells them apart.
    private async Task<(TenantScope, Guid)> SeedAsync(string agencySlug, ChannelSecrets secrets)
    {
        var agency = new AgencyAccount { Name = agencySlug, Slug = agencySlug };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.Add(agency);
            await g.SaveChangesAsync();
        }
        var brand = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        await using (var a = db.As(TenantScope.ForAgency(agency.Id, TenantSource.System)))
        {
            a.Brands.Add(brand);
            await a.SaveChangesAsync();
        }
        var scope = TenantScope.ForBrand(agency.Id, brand.Id, TenantSource.System);
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "AcmeCare",
            ExternalAccountId = XUser,
            Department = Department.Marketing,
            AppSecretProtected = secrets.Protect(Secret),
        };
        await using (var b = db.As(scope))
        {
            b.ChannelAccounts.Add(account);
            await b.SaveChangesAsync();
        }
        return (scope, account.Id);
    }

    /// <summary>A fresh set of intake services over the same database: also what a restarted process has.</summary>
    private (IntakeReceiver Receiver, InboxWorker Worker) Services()
    {
        var crossTenant = new CrossTenantReader(db.Setup);
        var signal = new IntakeSignal();
        var processor = new IntakeProcessor(
            db.Setup,
            new PostWriter(TimeProvider.System),
            new PostNotifier(),
            new ConversationWork(new AgencyWideReader(db.Setup), TimeProvider.System),
            new WorkNotifier(),
            TimeProvider.System,
            NullLogger<IntakeProcessor>.Instance
        );
        var receiver = new IntakeReceiver(crossTenant, db.Setup, new ChannelSecrets(protection), signal, TimeProvider.System);
        var worker = new InboxWorker(crossTenant, processor, signal, Options.Create(new IntakeOptions()), NullLogger<InboxWorker>.Instance);
        return (receiver, worker);
    }

    private static byte[] Tweet(string id, string text, string author = "115712", string? replyTo = null, string minute = "10") =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                for_user_id = XUser,
                tweet_create_events = new[]
                {
                    new
                    {
                        created_at = $"Tue Oct 31 22:{minute}:47 +0000 2017",
                        id_str = id,
                        text,
                        in_reply_to_status_id_str = replyTo,
                        user = new
                        {
                            id_str = author,
                            screen_name = author == XUser ? "AcmeCare" : "patmorgan",
                            name = "Pat",
                            followers_count = 10,
                        },
                    },
                },
            }
        );

    private static string Sign(byte[] body) => WebhookSignatures.X(Secret, body);

    private async Task<T> InA<T>(Func<AgencyDbContext, Task<T>> query)
    {
        await using var ctx = db.As(brandA);
        return await query(ctx);
    }

    [Fact]
    public async Task Two_servers_draining_the_inbox_at_once_process_each_delivery_once()
    {
        var (receiver, one) = Services();
        var (_, two) = Services();
        var bodies = Enumerable
            .Range(0, 20)
            .Select(i => Tweet($"93046549821139{i:D4}", $"@AcmeCare question number {i} about my booking", author: $"{100 + i}"))
            .ToList();
        foreach (var body in bodies)
            Assert.Equal(ReceiveStatus.Stored, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);

        var taken = await Task.WhenAll(one.DrainOnceAsync(default), two.DrainOnceAsync(default));
        Assert.Equal(20, taken.Sum()); // between them every delivery once, none by both
        var deliveries = await InA(c => c.InboxDeliveries.AsNoTracking().ToListAsync());
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Processed, 0, null), (d.Status, d.Attempts, d.LastError)));
        Assert.Equal(20, await InA(c => c.Posts.CountAsync()));
        Assert.Equal(0, await one.DrainOnceAsync(default));
    }

    [Fact]
    public async Task A_delivery_another_server_holds_is_left_to_it_until_its_claim_lapses()
    {
        var (receiver, worker) = Services();
        var body = Tweet("930465498211390001", "@AcmeCare where is my refund?");
        var stored = await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body));
        await using (var x = db.As(brandA))
            await x.InboxDeliveries.ExecuteUpdateAsync(u =>
                u.SetProperty(d => d.ClaimToken, Guid.NewGuid()).SetProperty(d => d.ClaimedUntil, DateTime.UtcNow.AddMinutes(2))
            );
        Assert.Equal(0, await worker.DrainOnceAsync(default));
        Assert.Equal(
            DeliveryStatus.Pending,
            (await InA(c => c.InboxDeliveries.AsNoTracking().SingleAsync(d => d.Id == stored.DeliveryId))).Status
        );
        // That server stopped: once its claim has lapsed, this one processes the delivery.
        await using (var x = db.As(brandA))
            await x.InboxDeliveries.ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedUntil, DateTime.UtcNow.AddSeconds(-1)));
        Assert.Equal(1, await worker.DrainOnceAsync(default));
        Assert.Equal(1, await InA(c => c.Posts.CountAsync(p => p.ExternalId == "930465498211390001")));
    }

    [Fact]
    public async Task A_signed_delivery_is_committed_then_processed_into_a_labelled_threaded_post()
    {
        var (receiver, worker) = Services();
        var body = Tweet("930465498211397632", "@AcmeCare my flight was cancelled and nobody answers. worst airline");
        var result = await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body));
        Assert.Equal(ReceiveStatus.Stored, result.Status);
        Assert.Equal(DeliveryStatus.Pending, (await InA(c => c.InboxDeliveries.SingleAsync(d => d.Id == result.DeliveryId))).Status);

        Assert.Equal(1, await worker.DrainOnceAsync(default));
        var post = await InA(c => c.Posts.SingleAsync(p => p.ExternalId == "930465498211397632"));
        Assert.Equal(Intent.Complaint, post.Intent);
        Assert.Equal(LabelSource.Rule, post.IntentSource);
        Assert.Equal(Direction.Inbound, post.Direction);
        var conversation = await InA(c => c.Conversations.SingleAsync(x => x.Id == post.ConversationId));
        Assert.Equal("115712", conversation.CustomerExternalId);
        Assert.Equal(post.CreatedAt, conversation.StartedAt);
        var delivery = await InA(c => c.InboxDeliveries.SingleAsync(d => d.Id == result.DeliveryId));
        Assert.Equal((DeliveryStatus.Processed, 1), (delivery.Status, delivery.StoredItems));
        Assert.NotNull((await InA(c => c.ChannelAccounts.SingleAsync())).LastEventAt);
    }

    [Fact]
    public async Task The_same_delivery_twice_is_stored_once()
    {
        var (receiver, worker) = Services();
        var body = Tweet("1001", "@AcmeCare where is my order?");
        Assert.Equal(ReceiveStatus.Stored, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);
        Assert.Equal(ReceiveStatus.Duplicate, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);
        await worker.DrainOnceAsync(default);
        Assert.Equal(1, await InA(c => c.InboxDeliveries.CountAsync()));
        Assert.Equal(1, await InA(c => c.Posts.CountAsync(p => p.ExternalId == "1001")));
    }

    [Fact]
    public async Task A_delivery_the_database_cannot_take_now_is_refused_for_a_retry_and_stored_when_it_comes_again()
    {
        // Another writer holds the inbox longer than this server's connections wait: the delivery is neither stored nor called a
        // duplicate (a 200 would lose it), so the platform is asked to retry; the retry is stored once.
        var receiver = new IntakeReceiver(
            new CrossTenantReader(db.Setup),
            db.Impatient(),
            new ChannelSecrets(protection),
            new IntakeSignal(),
            TimeProvider.System
        );
        var body = Tweet("3003", "@AcmeCare is anyone there?");
        await using (await db.HoldWritesAsync("InboxDeliveries"))
        {
            var refused = await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body));
            Assert.Equal(ReceiveStatus.Unavailable, refused.Status);
            Assert.Contains(provider == DatabaseProvider.Sqlite ? "locked" : "lock timeout", refused.Reason); // the database's own words, for the log
        }
        Assert.Equal(0, await InA(c => c.InboxDeliveries.CountAsync()));
        Assert.Equal(ReceiveStatus.Stored, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);
        Assert.Equal(ReceiveStatus.Duplicate, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);
        Assert.Equal(1, await InA(c => c.InboxDeliveries.CountAsync()));
    }

    [Fact]
    public async Task The_same_post_id_in_two_different_deliveries_is_one_post()
    {
        var (receiver, worker) = Services();
        var first = Tweet("2002", "@AcmeCare my bag is lost");
        var second = Tweet("2002", "@AcmeCare my bag is lost", minute: "11"); // a retried event with a different envelope
        await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, first, Sign(first));
        await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, second, Sign(second));
        await worker.DrainOnceAsync(default);
        Assert.Equal(2, await InA(c => c.InboxDeliveries.CountAsync()));
        Assert.Equal(1, await InA(c => c.Posts.CountAsync(p => p.ExternalId == "2002")));
        Assert.Equal(1, await InA(c => c.InboxDeliveries.SumAsync(d => d.DuplicateItems)));
    }

    [Theory]
    [InlineData("sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task A_bad_or_missing_signature_stores_nothing(string? signature)
    {
        var (receiver, _) = Services();
        var body = Tweet("3003", "@AcmeCare hi");
        Assert.Equal(ReceiveStatus.BadSignature, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, signature)).Status);
        Assert.Equal(0, await InA(c => c.InboxDeliveries.CountAsync()));
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_stores_nothing()
    {
        var (receiver, _) = Services();
        var body = Tweet("3004", "@AcmeCare hi");
        Assert.Equal(
            ReceiveStatus.BadSignature,
            (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, WebhookSignatures.X("not-the-secret", body))).Status
        );
        Assert.Equal(0, await InA(c => c.InboxDeliveries.CountAsync()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"for_user_id\":\"42\",\"tweet_create_events\":[]}")]
    [InlineData("{\"tweet_create_events\":[]}")]
    public async Task A_malformed_or_foreign_body_stores_nothing(string json)
    {
        var (receiver, _) = Services();
        var body = Encoding.UTF8.GetBytes(json);
        var result = await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body));
        Assert.Equal(ReceiveStatus.Malformed, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.Equal(0, await InA(c => c.InboxDeliveries.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_account_or_the_wrong_platform_is_unknown()
    {
        var (receiver, _) = Services();
        var body = Tweet("3005", "@AcmeCare hi");
        Assert.Equal(
            ReceiveStatus.UnknownAccount,
            (await receiver.ReceiveAsync(Guid.NewGuid(), DeliverySource.XWebhook, body, Sign(body))).Status
        );
        Assert.Equal(
            ReceiveStatus.UnknownAccount,
            (await receiver.ReceiveAsync(accountA, DeliverySource.MetaWebhook, body, WebhookSignatures.Meta(Secret, body))).Status
        );
    }

    [Fact]
    public async Task An_acknowledged_delivery_survives_a_crash_before_processing_and_is_processed_once()
    {
        var (receiver, _) = Services();
        var body = Tweet("4004", "@AcmeCare my card was charged twice");
        await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body));
        // The process dies here: acknowledged, not processed. A new process starts with fresh services.
        var (_, restarted) = Services();
        Assert.Equal(1, await restarted.DrainOnceAsync(default));
        Assert.Equal(0, await restarted.DrainOnceAsync(default));
        Assert.Equal(1, await InA(c => c.Posts.CountAsync(p => p.ExternalId == "4004")));
    }

    [Fact]
    public async Task A_delivery_that_cannot_be_read_is_parked_with_its_reason_and_can_be_retried()
    {
        var (receiver, worker) = Services();
        var body = Encoding.UTF8.GetBytes($$"""{"for_user_id":"{{XUser}}","tweet_create_events":[{"id_str":"5005","text":"no user"}]}""");
        Assert.Equal(ReceiveStatus.Stored, (await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, body, Sign(body))).Status);
        await worker.DrainOnceAsync(default);
        var parked = await InA(c => c.InboxDeliveries.SingleAsync());
        Assert.Equal(DeliveryStatus.Parked, parked.Status);
        Assert.Contains("has no user", parked.LastError);
        Assert.Contains("could not be read", (await InA(c => c.ChannelAccounts.SingleAsync())).LastError);

        await using (var ctx = db.As(brandA))
        {
            (await ctx.InboxDeliveries.SingleAsync()).Retry();
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(1, await worker.DrainOnceAsync(default));
        Assert.Equal(DeliveryStatus.Parked, (await InA(c => c.InboxDeliveries.SingleAsync())).Status);
    }

    [Fact]
    public async Task Deliveries_processed_together_keep_their_own_counts_and_a_bad_one_is_parked_alone()
    {
        var (receiver, worker) = Services();
        var first = Tweet("8001", "@AcmeCare my refund never came");
        var repeat = Tweet("8001", "@AcmeCare my refund never came", minute: "12");
        var second = Tweet("8002", "@AcmeCare thanks, all sorted!", author: "999");
        var bad = Encoding.UTF8.GetBytes($$"""{"for_user_id":"{{XUser}}","tweet_create_events":[{"id_str":"8003"}]}""");
        foreach (var b in new[] { first, repeat, second, bad })
            await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, b, Sign(b));
        Assert.Equal(4, await worker.DrainOnceAsync(default));

        var deliveries = await InA(c => c.InboxDeliveries.OrderBy(d => d.ReceivedAt).ToListAsync());
        Assert.Equal(
            [DeliveryStatus.Processed, DeliveryStatus.Processed, DeliveryStatus.Processed, DeliveryStatus.Parked],
            deliveries.Select(d => d.Status)
        );
        Assert.Equal([1, 0, 1, 0], deliveries.Select(d => d.StoredItems));
        Assert.Equal(1, deliveries[1].DuplicateItems);
        Assert.Equal(2, await InA(c => c.Posts.CountAsync()));
        Assert.Equal(2, await InA(c => c.Conversations.CountAsync()));
    }

    [Fact]
    public async Task The_brand_reply_joins_the_customer_s_conversation_and_counts_as_first_response()
    {
        var (receiver, worker) = Services();
        var mention = Tweet("6001", "@AcmeCare how do I change my seat?");
        var reply = Tweet("6002", "@patmorgan Happy to help, please DM us", author: XUser, replyTo: "6001", minute: "25");
        var followUp = Tweet("6003", "@AcmeCare thanks, sent", replyTo: "6002", minute: "30");
        foreach (var b in new[] { mention, reply, followUp })
            await receiver.ReceiveAsync(accountA, DeliverySource.XWebhook, b, Sign(b));
        await worker.DrainOnceAsync(default);

        var posts = await InA(c => c.Posts.OrderBy(p => p.CreatedAt).ToListAsync());
        Assert.Single(posts.Select(p => p.ConversationId).Distinct());
        Assert.Equal(Direction.Outbound, posts[1].Direction);
        Assert.Null(posts[1].Intent);
        var conversation = await InA(c => c.Conversations.SingleAsync());
        Assert.Equal(posts[1].CreatedAt, conversation.FirstResponseAt);
        Assert.Equal((2, 1), (conversation.InboundCount, conversation.OutboundCount));
    }

    [Fact]
    public async Task A_delivery_for_brand_B_creates_nothing_in_brand_A()
    {
        var (receiver, worker) = Services();
        var body = Tweet("7007", "@AcmeCare in agency B");
        Assert.Equal(ReceiveStatus.Stored, (await receiver.ReceiveAsync(accountB, DeliverySource.XWebhook, body, Sign(body))).Status);
        await worker.DrainOnceAsync(default);
        Assert.Equal(0, await InA(c => c.Posts.CountAsync()));
        Assert.Equal(0, await InA(c => c.InboxDeliveries.CountAsync()));
        await using var b = db.As(brandB);
        Assert.Equal(1, await b.Posts.CountAsync(p => p.ExternalId == "7007"));
    }
}

public sealed class SqliteIntake() : IntakeSuite(DatabaseProvider.Sqlite);

public sealed class PostgresIntake() : IntakeSuite(DatabaseProvider.Postgres);
