using System.Net;
using System.Text;
using System.Text.Json;
using Agency.Domain.Classification;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Http;

/// <summary>The platforms' side of the webhooks: handshakes, signatures, bad input, idempotency, tenancy.</summary>
public sealed class WebhookTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    internal static byte[] Mention(string userId, string tweetId, string text) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                for_user_id = userId,
                tweet_create_events = new[]
                {
                    new
                    {
                        created_at = "Tue Oct 31 22:10:47 +0000 2017",
                        id_str = tweetId,
                        text,
                        user = new
                        {
                            id_str = "115712",
                            screen_name = "patmorgan",
                            name = "Pat Morgan",
                        },
                    },
                },
            }
        );

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > until)
                return value;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_signed_X_delivery_is_acknowledged_then_becomes_a_labelled_post()
    {
        var account = await factory.AccountAsync("apple", "AppleSupport");
        var body = Mention("458015800", "900000000000000001", "@AppleSupport my iPhone battery drains overnight, how do I fix it?");
        var response = await factory.PostWebhookAsync(
            $"/webhooks/x/{account.Id}",
            body,
            "x-twitter-webhooks-signature",
            WebhookSignatures.X(DemoData.WebhookSecret, body)
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await EventuallyAsync(
            () => factory.InBrandAsync(account, db => db.Posts.SingleOrDefaultAsync(p => p.ExternalId == "900000000000000001")),
            p => p is not null
        );
        Assert.NotNull(post);
        Assert.Equal(Intent.ServiceQuestion, post!.Intent);
    }

    [Fact]
    public async Task Tampered_unsigned_and_wrongly_signed_deliveries_get_401_and_store_nothing()
    {
        var account = await factory.AccountAsync("amazon", "AmazonHelp");
        var body = Mention("85741735", "900000000000000002", "@AmazonHelp where is my parcel?");
        var before = await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync());
        var tampered = (byte[])body.Clone();
        tampered[^5] = (byte)'X';
        var path = $"/webhooks/x/{account.Id}";
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (
                await factory.PostWebhookAsync(
                    path,
                    tampered,
                    "x-twitter-webhooks-signature",
                    WebhookSignatures.X(DemoData.WebhookSecret, body)
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await factory.PostWebhookAsync(path, body, "x-twitter-webhooks-signature", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (
                await factory.PostWebhookAsync(path, body, "x-twitter-webhooks-signature", WebhookSignatures.X("another-secret", body))
            ).StatusCode
        );
        Assert.Equal(before, await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync()));
    }

    [Fact]
    public async Task Malformed_json_gets_400_unknown_account_404_and_a_huge_body_413()
    {
        var account = await factory.AccountAsync("amazon", "AmazonHelp");
        var before = await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync());
        var broken = Encoding.UTF8.GetBytes("{\"for_user_id\": \"85741735\", \"tweet_create_events\": [");
        var bad = await factory.PostWebhookAsync(
            $"/webhooks/x/{account.Id}",
            broken,
            "x-twitter-webhooks-signature",
            WebhookSignatures.X(DemoData.WebhookSecret, broken)
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not valid JSON", await bad.Content.ReadAsStringAsync());

        var body = Mention("85741735", "900000000000000003", "hi");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await factory.PostWebhookAsync(
                    $"/webhooks/x/{Guid.NewGuid()}",
                    body,
                    "x-twitter-webhooks-signature",
                    WebhookSignatures.X(DemoData.WebhookSecret, body)
                )
            ).StatusCode
        );

        var huge = Encoding.UTF8.GetBytes("{\"for_user_id\":\"85741735\",\"pad\":\"" + new string('x', 1_100_000) + "\"}");
        Assert.Equal(
            HttpStatusCode.RequestEntityTooLarge,
            (
                await factory.PostWebhookAsync(
                    $"/webhooks/x/{account.Id}",
                    huge,
                    "x-twitter-webhooks-signature",
                    WebhookSignatures.X(DemoData.WebhookSecret, huge)
                )
            ).StatusCode
        );
        Assert.Equal(before, await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync()));
    }

    [Fact]
    public async Task The_same_delivery_twice_is_acknowledged_twice_and_stored_once()
    {
        var account = await factory.AccountAsync("delta", "Delta");
        var xAccount = await factory.InBrandAsync(account, db =>
            db.ChannelAccounts.SingleAsync(a => a.Network == Domain.Channels.Network.X)
        );
        var body = Mention(xAccount.ExternalAccountId, "900000000000000004", "@Delta my bag did not arrive");
        var path = $"/webhooks/x/{xAccount.Id}";
        var signature = WebhookSignatures.X(DemoData.WebhookSecret, body);
        Assert.Equal(HttpStatusCode.OK, (await factory.PostWebhookAsync(path, body, "x-twitter-webhooks-signature", signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.PostWebhookAsync(path, body, "x-twitter-webhooks-signature", signature)).StatusCode);
        var hash = InboxDelivery.HashOf(body);
        Assert.Equal(1, await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync(d => d.BodyHash == hash)));
        var post = await EventuallyAsync(
            () => factory.InBrandAsync(account, db => db.Posts.CountAsync(p => p.ExternalId == "900000000000000004")),
            n => n == 1
        );
        Assert.Equal(1, post);
    }

    [Fact]
    public async Task A_delivery_to_Delta_s_account_never_lands_in_another_brand()
    {
        var delta = await factory.AccountAsync("delta", "Delta");
        var deltaX = await factory.InBrandAsync(delta, db => db.ChannelAccounts.SingleAsync(a => a.Network == Domain.Channels.Network.X));
        var apple = await factory.AccountAsync("apple", "AppleSupport");
        var body = Mention(deltaX.ExternalAccountId, "900000000000000005", "@Delta thanks for the upgrade!");
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await factory.PostWebhookAsync(
                    $"/webhooks/x/{deltaX.Id}",
                    body,
                    "x-twitter-webhooks-signature",
                    WebhookSignatures.X(DemoData.WebhookSecret, body)
                )
            ).StatusCode
        );
        await EventuallyAsync(
            () => factory.InBrandAsync(delta, db => db.Posts.CountAsync(p => p.ExternalId == "900000000000000005")),
            n => n == 1
        );
        Assert.Equal(0, await factory.InBrandAsync(apple, db => db.Posts.CountAsync(p => p.ExternalId == "900000000000000005")));
    }

    [Fact]
    public async Task Meta_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        var account = await factory.AccountAsync("delta", "Delta");
        var page = await factory.InBrandAsync(account, db =>
            db.ChannelAccounts.SingleAsync(a => a.Network == Domain.Channels.Network.Facebook)
        );
        var client = factory.Anonymous();
        var ok = await client.GetAsync(
            $"/webhooks/meta/{page.Id}?hub.mode=subscribe&hub.verify_token={DemoData.WebhookSecret}&hub.challenge=1158201444"
        );
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await client.GetAsync($"/webhooks/meta/{page.Id}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync($"/webhooks/meta/{Guid.NewGuid()}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).StatusCode
        );
    }

    [Fact]
    public async Task A_signed_Meta_comment_is_stored_for_the_page()
    {
        var account = await factory.AccountAsync("delta", "Delta");
        var page = await factory.InBrandAsync(account, db =>
            db.ChannelAccounts.SingleAsync(a => a.Network == Domain.Channels.Network.Facebook)
        );
        var body = Encoding.UTF8.GetBytes(
            $$$"""
            {"object":"page","entry":[{"id":"{{{page.ExternalAccountId}}}","time":1730000000,"changes":[{"field":"feed","value":{
              "from":{"id":"5821034471234567","name":"Jamie Rivera"},"message":"Can I change my seat online?","post_id":"{{{page.ExternalAccountId}}}_1",
              "comment_id":"1_42","created_time":1730000000,"item":"comment","parent_id":"{{{page.ExternalAccountId}}}_1","verb":"add"}}]}]}
            """
        );
        var response = await factory.PostWebhookAsync(
            $"/webhooks/meta/{page.Id}",
            body,
            "X-Hub-Signature-256",
            WebhookSignatures.Meta(DemoData.WebhookSecret, body)
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await EventuallyAsync(
            () => factory.InBrandAsync(account, db => db.Posts.SingleOrDefaultAsync(p => p.ExternalId == "1_42")),
            p => p is not null
        );
        Assert.Equal("Jamie Rivera", post!.AuthorName);
    }

    [Fact]
    public async Task X_crc_check_answers_with_the_hmac_of_the_token()
    {
        var account = await factory.AccountAsync("apple", "AppleSupport");
        var client = factory.Anonymous();
        var json = await client.GetStringAsync($"/webhooks/x/{account.Id}?crc_token=challenge-123");
        Assert.Equal(
            WebhookSignatures.XCrcResponse(DemoData.WebhookSecret, "challenge-123"),
            JsonDocument.Parse(json).RootElement.GetProperty("response_token").GetString()
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/webhooks/x/{account.Id}")).StatusCode);
    }
}

/// <summary>The Portal whose webhook receiver gives up on a database lock after a second (production waits 30 s).</summary>
public sealed class ImpatientIntakePortalFactory : PortalFactory
{
    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton(sp => new Infrastructure.Intake.IntakeReceiver(
            sp.GetRequiredService<CrossTenantReader>(),
            DatabaseSetup.Build(new DatabaseOptions { ConnectionString = $"Data Source={DatabaseFile};Default Timeout=1" }, null),
            sp.GetRequiredService<Infrastructure.Intake.ChannelSecrets>(),
            sp.GetRequiredService<Infrastructure.Intake.IntakeSignal>(),
            TimeProvider.System
        ));
}

/// <summary>What the platform hears when the database does not take a delivery.</summary>
public sealed class WebhookBusyDatabaseTests(ImpatientIntakePortalFactory factory) : IClassFixture<ImpatientIntakePortalFactory>
{
    [Fact]
    public async Task A_delivery_the_database_does_not_take_gets_503_with_Retry_After_and_its_retry_is_stored()
    {
        var account = await factory.AccountAsync("apple", "AppleSupport");
        var external = await factory.InBrandAsync(account, db =>
            db.ChannelAccounts.Where(a => a.Id == account.Id).Select(a => a.ExternalAccountId).SingleAsync()
        );
        var body = WebhookTests.Mention(external, "900000000000000099", "@AppleSupport is anyone there?");
        var hash = InboxDelivery.HashOf(body);
        Task<HttpResponseMessage> Deliver() =>
            factory.PostWebhookAsync(
                $"/webhooks/x/{account.Id}",
                body,
                "x-twitter-webhooks-signature",
                WebhookSignatures.X(DemoData.WebhookSecret, body)
            );

        // Another writer holds the database past the receiver's patience.
        await using (await SqliteLock.HoldAsync($"Data Source={factory.DatabaseFile}"))
        {
            var refused = await Deliver();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(0, await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync(d => d.BodyHash == hash)));

        // The platform sends it again: stored once.
        Assert.Equal(HttpStatusCode.OK, (await Deliver()).StatusCode);
        Assert.Equal(1, await factory.InBrandAsync(account, db => db.InboxDeliveries.CountAsync(d => d.BodyHash == hash)));
    }
}
