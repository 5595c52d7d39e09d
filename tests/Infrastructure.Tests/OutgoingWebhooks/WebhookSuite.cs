using System.Net;
using System.Text.Json;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.OutgoingWebhooks;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.OutgoingWebhooks;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.PublicApi;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.OutgoingWebhooks;

/// <summary>Outgoing webhooks on a real database and a real loopback receiver: each change once, signed, retried, to its own brand only.</summary>
public abstract class WebhookSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;
    private WebhookReceiver receiver = default!;
    private ManualClock clock = default!;
    private TenantScope acme = default!,
        stranger = default!;
    private Guid account,
        strangerAccount;
    private readonly WebhookSecrets secrets = new(new EphemeralDataProtectionProvider());
    private ServiceProvider? http;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        receiver = await WebhookReceiver.StartAsync();
        // Conversations are stamped by the system clock when saved; the dispatcher's clock starts there and is moved by the tests.
        clock = new ManualClock(DateTime.UtcNow);
        var a = new AgencyAccount { Name = "A", Slug = "a" };
        var b = new AgencyAccount { Name = "B", Slug = "b" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.AddRange(a, b);
            await g.SaveChangesAsync();
        }
        acme = await BrandAsync(TenantScope.ForAgency(a.Id, TenantSource.User, "u1", "Hannah"), "acme");
        stranger = await BrandAsync(TenantScope.ForAgency(b.Id, TenantSource.User, "u2", "Bo"), "acme");
        account = await AccountAsync(acme);
        strangerAccount = await AccountAsync(stranger);
    }

    private async Task<TenantScope> BrandAsync(TenantScope agency, string slug)
    {
        await using var x = db.As(agency);
        var brand = new Brand
        {
            Name = slug,
            Slug = slug,
            TimeZoneId = "UTC",
            CreatedAt = DateTime.UtcNow,
        };
        x.Brands.Add(brand);
        await x.SaveChangesAsync();
        return agency.WithBrand(brand.Id);
    }

    private async Task<Guid> AccountAsync(TenantScope brand)
    {
        await using var x = db.As(brand);
        var a = new ChannelAccount
        {
            Network = Network.X,
            Handle = "care",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        x.ChannelAccounts.Add(a);
        await x.SaveChangesAsync();
        return a.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (http is not null)
            await http.DisposeAsync();
        await receiver.DisposeAsync();
        await db.DisposeAsync();
    }

    private WebhookDispatcher Dispatcher(bool allowInsecure = true)
    {
        var services = new ServiceCollection();
        services
            .AddHttpClient(WebhookHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => WebhookHttp.Handler(allowInsecure));
        http = services.BuildServiceProvider();
        return new WebhookDispatcher(
            db.Setup,
            secrets,
            http.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new WebhookOptions { AllowInsecure = allowInsecure }),
            Options.Create(new ApiOptions { SettleSeconds = 2 }),
            clock,
            NullLogger<WebhookDispatcher>.Instance
        );
    }

    private async Task<(Guid Id, string Secret)> EndpointAsync(TenantScope brand, string[] events, string? url = null)
    {
        await using var x = db.As(brand);
        var secret = WebhookEndpoint.NewSecret();
        var e = new WebhookEndpoint
        {
            Name = "CRM",
            Url = url ?? receiver.Url,
            Events = events.ToList(),
            SecretProtected = secrets.Protect(secret),
            CreatedAt = clock.UtcNow,
        };
        e.FollowFrom(clock.UtcNow);
        x.WebhookEndpoints.Add(e);
        await x.SaveChangesAsync();
        return (e.Id, secret);
    }

    private async Task<Guid> ConversationAsync(TenantScope brand, Guid on, string customer)
    {
        await using var x = db.As(brand);
        var now = DateTime.UtcNow;
        var c = new Conversation
        {
            ChannelAccountId = on,
            Network = Network.X,
            CustomerExternalId = customer,
            CustomerHandle = customer,
            StartedAt = now,
            LastActivityAt = now,
        };
        x.Conversations.Add(c);
        await x.SaveChangesAsync();
        return c.Id;
    }

    // The dispatcher sees changes once they are two seconds old (ApiOptions.SettleSeconds).
    private void Settle() => clock.Set(DateTime.UtcNow.AddSeconds(3));

    private static JsonElement Body(WebhookReceiver.Call call) => JsonDocument.Parse(call.Body).RootElement;

    [Fact]
    public async Task A_change_is_posted_once_signed_and_a_later_change_is_posted_again()
    {
        var (_, secret) = await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        var dispatcher = Dispatcher();
        var id = await ConversationAsync(acme, account, "ann");
        Assert.Equal(0, await dispatcher.RunBrandAsync(acme, default)); // not settled yet
        Settle();
        Assert.Equal(1, await dispatcher.RunBrandAsync(acme, default));
        Assert.Equal(0, await dispatcher.RunBrandAsync(acme, default));

        var call = Assert.Single(receiver.Calls);
        Assert.Equal(WebhookEvents.ConversationChanged, call.Event);
        Assert.True(WebhookSignature.Verify(call.Signature, secret, call.Body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(call.Signature, secret + "x", call.Body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        var body = Body(call);
        Assert.Equal(call.Delivery, body.GetProperty("id").GetString());
        Assert.Equal("acme", body.GetProperty("brand").GetProperty("slug").GetString());
        Assert.Equal(id, body.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal("Open", body.GetProperty("data").GetProperty("status").GetString());

        await using (var x = db.As(acme))
        {
            (await x.Conversations.SingleAsync(c => c.Id == id)).Resolve(DateTime.UtcNow);
            await x.SaveChangesAsync();
        }
        Settle();
        Assert.Equal(1, await dispatcher.RunBrandAsync(acme, default));
        Assert.Equal("Resolved", Body(receiver.Calls.Last()).GetProperty("data").GetProperty("status").GetString());
        await using var check = db.As(acme);
        Assert.All(await check.WebhookDeliveries.ToListAsync(), d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
    }

    [Fact]
    public async Task An_endpoint_hears_only_what_happens_after_it_was_added()
    {
        await ConversationAsync(acme, account, "before");
        Settle();
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        Assert.Equal(0, await Dispatcher().RunBrandAsync(acme, default));
        Assert.Empty(receiver.Calls);
    }

    [Fact]
    public async Task A_refused_call_waits_and_is_tried_again_and_a_failing_endpoint_is_not_called_twice_in_a_round()
    {
        using var meter = new Infrastructure.Operations.MetricsCollector();
        var (endpoint, _) = await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        var dispatcher = Dispatcher();
        await ConversationAsync(acme, account, "one");
        await ConversationAsync(acme, account, "two");
        Settle();
        receiver.Status = 503;
        Assert.Equal(1, await dispatcher.RunBrandAsync(acme, default));
        Assert.True(Calls(meter, "retry") >= 1);
        Assert.True((await new CrossTenantReader(db.Setup).QueueDepthsAsync()).WebhookCallsPending >= 2);
        await using (var x = db.As(acme))
        {
            var first = await x.WebhookDeliveries.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).FirstAsync();
            Assert.Equal((1, 503, WebhookDeliveryStatus.Pending), (first.Attempts, first.LastStatusCode, first.Status));
            Assert.Equal(clock.UtcNow + WebhookDelivery.Backoff[0], first.NextAttemptAt, TimeSpan.FromSeconds(1));
            var e = await x.WebhookEndpoints.SingleAsync(e => e.Id == endpoint);
            Assert.Equal(1, e.ConsecutiveFailures);
            Assert.Contains("503", e.LastError, StringComparison.Ordinal);
        }

        receiver.Status = 200;
        Assert.Equal(1, await dispatcher.RunBrandAsync(acme, default)); // the second one was due; the first waits
        clock.Advance(WebhookDelivery.Backoff[0]);
        Assert.Equal(1, await dispatcher.RunBrandAsync(acme, default));
        Assert.Equal(2, receiver.Calls.Count);
        Assert.True(Calls(meter, "delivered") >= 2);
        await using var check = db.As(acme);
        Assert.Equal(0, (await check.WebhookEndpoints.SingleAsync()).ConsecutiveFailures);
        Assert.Equal(0, await check.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending));
    }

    // Counters are the process's and tests run side by side: at least this test's calls are counted.
    private static double Calls(Infrastructure.Operations.MetricsCollector meter, string outcome) =>
        meter
            .Snapshot()
            .Where(s => s.Name == "agency_outgoing_webhook_calls_total" && s.Tags.Contains(KeyValuePair.Create("outcome", outcome)))
            .Sum(s => s.Value);

    [Fact]
    public async Task Service_level_risks_go_to_the_endpoints_that_want_them()
    {
        await EndpointAsync(acme, [WebhookEvents.SlaBreached]);
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        var id = await ConversationAsync(acme, account, "late");
        await using (var x = db.As(acme))
        {
            x.SlaEvents.Add(
                new SlaEvent
                {
                    ConversationId = id,
                    Target = SlaTarget.FirstResponse,
                    Kind = SlaEventKind.Warning,
                    DueAt = DateTime.UtcNow,
                    At = DateTime.UtcNow,
                }
            );
            x.SlaEvents.Add(
                new SlaEvent
                {
                    ConversationId = id,
                    Target = SlaTarget.FirstResponse,
                    Kind = SlaEventKind.Breach,
                    DueAt = DateTime.UtcNow,
                    At = DateTime.UtcNow,
                }
            );
            await x.SaveChangesAsync();
        }
        Settle();
        Assert.Equal(2, await Dispatcher().RunBrandAsync(acme, default));
        var events = receiver.Calls.Select(c => c.Event).Order().ToList();
        Assert.Equal([WebhookEvents.ConversationChanged, WebhookEvents.SlaBreached], events);
        var breach = Body(receiver.Calls.Single(c => c.Event == WebhookEvents.SlaBreached)).GetProperty("data");
        Assert.Equal("FirstResponse", breach.GetProperty("target").GetString());
        Assert.Equal(id, breach.GetProperty("conversation").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task One_brand_s_changes_never_reach_another_brand_s_endpoint()
    {
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        await ConversationAsync(stranger, strangerAccount, "theirs");
        var mine = await ConversationAsync(acme, account, "mine");
        Settle();
        var dispatcher = Dispatcher();
        await dispatcher.RunBrandAsync(acme, default);
        await dispatcher.RunBrandAsync(stranger, default);
        Assert.Equal([mine], receiver.Calls.Select(c => Body(c).GetProperty("data").GetProperty("id").GetGuid()));
        await using var other = db.As(stranger);
        Assert.Empty(await other.WebhookDeliveries.ToListAsync());
    }

    [Fact]
    public async Task Two_servers_at_once_send_every_change_exactly_once()
    {
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        for (var i = 0; i < 12; i++)
            await ConversationAsync(acme, account, $"c{i}");
        Settle();
        var (one, two) = (Dispatcher(), Dispatcher());
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Task.Run(() => one.RunBrandAsync(acme, default)), Task.Run(() => two.RunBrandAsync(acme, default)));
        Assert.Equal(12, receiver.Calls.Count);
        Assert.Equal(12, receiver.Calls.Select(c => c.Delivery).Distinct().Count());
        Assert.Equal(12, receiver.Calls.Select(c => Body(c).GetProperty("data").GetProperty("id").GetGuid()).Distinct().Count());
    }

    [Fact]
    public async Task An_address_on_this_machine_is_refused_unless_insecure_addresses_are_allowed()
    {
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        await ConversationAsync(acme, account, "x");
        Settle();
        Assert.Equal(1, await Dispatcher(allowInsecure: false).RunBrandAsync(acme, default));
        Assert.Empty(receiver.Calls);
        await using var x = db.As(acme);
        var delivery = await x.WebhookDeliveries.SingleAsync();
        Assert.Contains("local or private address", delivery.LastError, StringComparison.Ordinal);
        Assert.Null(delivery.LastStatusCode);
    }

    [Fact]
    public async Task A_test_call_reaches_the_endpoint_whatever_it_subscribed_to()
    {
        var (endpoint, _) = await EndpointAsync(acme, [WebhookEvents.SlaBreached]);
        await using (var x = db.As(acme))
        {
            var e = await x.WebhookEndpoints.SingleAsync(e => e.Id == endpoint);
            WebhookDispatcher.Ping(x, e, new WebhookBrand(acme.BrandId!.Value, "acme", "Acme"), clock.UtcNow, "Hannah");
            await x.SaveChangesAsync();
        }
        Assert.Equal(1, await Dispatcher().RunBrandAsync(acme, default));
        Assert.Equal(WebhookEvents.Ping, Assert.Single(receiver.Calls).Event);
    }

    [Fact]
    public async Task The_worker_serves_brands_with_an_active_endpoint_and_none_that_are_archived()
    {
        await EndpointAsync(acme, [WebhookEvents.ConversationChanged]);
        var (paused, _) = await EndpointAsync(stranger, [WebhookEvents.ConversationChanged]);
        await using (var x = db.As(stranger))
        {
            (await x.WebhookEndpoints.SingleAsync(e => e.Id == paused)).IsActive = false;
            await x.SaveChangesAsync();
        }
        var reader = new CrossTenantReader(db.Setup);
        Assert.Equal([acme.BrandId!.Value], (await reader.BrandsWithWebhooksAsync()).Select(b => b.BrandId));
        await using (var x = db.As(acme))
        {
            (await x.Brands.SingleAsync(b => b.Id == acme.BrandId)).IsArchived = true;
            await x.SaveChangesAsync();
        }
        Assert.Empty(await reader.BrandsWithWebhooksAsync());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void Only_public_addresses_count_as_public(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookHttp.IsPublic(IPAddress.Parse(address)));
}

public sealed class SqliteWebhooks() : WebhookSuite(DatabaseProvider.Sqlite);

public sealed class PostgresWebhooks() : WebhookSuite(DatabaseProvider.Postgres);
