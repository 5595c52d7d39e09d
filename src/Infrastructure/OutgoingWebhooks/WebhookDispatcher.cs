using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Agency.Domain.Conversations;
using Agency.Domain.OutgoingWebhooks;
using Agency.Domain.Sla;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.PublicApi;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.OutgoingWebhooks;

/// <summary>The body of every call: which event, when, for which brand, and what it is about.</summary>
public sealed record WebhookMessage(Guid Id, string Type, DateTime CreatedAt, WebhookBrand Brand, object Data);

public sealed record WebhookBrand(Guid Id, string Slug, string Name);

/// <summary>What an <c>sla.warning</c> or <c>sla.breached</c> call carries: the target, when it falls due, and the conversation as it stands.</summary>
public sealed record WebhookSlaData(SlaTarget Target, DateTime DueAt, DateTime At, ApiConversation Conversation);

/// <summary>
/// Tells one brand's endpoints what changed. Each endpoint follows the brand's changes like an API client with a cursor
/// (conversations by their last change, service-level warnings and breaches by time), two seconds behind so that no change still
/// committing is passed; each change it wants becomes a delivery, stored with the cursor's move in one transaction, then sent
/// signed, oldest first, and retried with growing waits until the endpoint takes it. An endpoint is served by one server at a
/// time (a lease), so calls keep their order and none goes twice.
/// </summary>
public sealed class WebhookDispatcher(
    DatabaseSetup database,
    WebhookSecrets secrets,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    IOptions<ApiOptions> api,
    TimeProvider clock,
    ILogger<WebhookDispatcher> log
)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> swept = new();

    // Who holds a lease, as people reading the table would want to know it: the server, the process, and this dispatcher.
    private readonly string holder = Last100($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private static string Last100(string text) => text.Length <= 100 ? text : text[^100..];

    /// <summary>One round for a brand: every active endpoint it can lease gets its new changes and its due calls. Returns the calls made.</summary>
    public async Task<int> RunBrandAsync(TenantScope brand, CancellationToken ct)
    {
        List<Guid> endpoints;
        await using (var db = database.Create(brand))
            endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsActive).Select(e => e.Id).ToListAsync(ct);
        var calls = 0;
        foreach (var id in endpoints)
        {
            if (!await TryLeaseAsync(brand, id))
                continue;
            try
            {
                await CollectAsync(brand, id, ct);
                calls += await SendDueAsync(brand, id, ct);
            }
            finally
            {
                await ReleaseAsync(brand, id);
            }
        }
        await ForgetOldAsync(brand, ct);
        return calls;
    }

    // Taken and given back without cancellation: a lease left half-taken would hold the endpoint for its whole term.
    private async Task<bool> TryLeaseAsync(TenantScope brand, Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.Create(brand);
        return await db
                .WebhookEndpoints.Where(e => e.Id == id && (e.LeaseUntil == null || e.LeaseUntil < now || e.LeaseHolder == holder))
                .ExecuteUpdateAsync(
                    u => u.SetProperty(e => e.LeaseHolder, holder).SetProperty(e => e.LeaseUntil, now + Lease),
                    CancellationToken.None
                ) == 1;
    }

    private async Task ReleaseAsync(TenantScope brand, Guid id)
    {
        await using var db = database.Create(brand);
        await db
            .WebhookEndpoints.Where(e => e.Id == id && e.LeaseHolder == holder)
            .ExecuteUpdateAsync(
                u => u.SetProperty(e => e.LeaseHolder, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null),
                CancellationToken.None
            );
    }

    /// <summary>The endpoint's new changes become deliveries, and its cursors move past them, in one transaction.</summary>
    public async Task<int> CollectAsync(TenantScope brand, Guid endpointId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settled = now - TimeSpan.FromSeconds(api.Value.SettleSeconds);
        var batch = Math.Max(1, options.Value.BatchSize);
        await using var db = database.Create(brand);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == endpointId, ct);
        var added = 0;

        var (at, after) = (endpoint.ConversationsThrough, endpoint.ConversationsThroughId);
        var changed = await db
            .Conversations.AsNoTracking()
            .Where(c => c.ChangedAt <= settled && c.ChangedAt >= at)
            .Where(c => c.ChangedAt > at || c.Id.CompareTo(after) > 0)
            .OrderBy(c => c.ChangedAt)
            .ThenBy(c => c.Id)
            .Take(batch)
            .ToListAsync(ct);
        // The brand as the calls name it, read only in rounds that have something to send (most rounds have nothing).
        WebhookBrand? about = null;
        async Task<WebhookBrand> AboutAsync() =>
            about ??= await db
                .Brands.AsNoTracking()
                .Where(b => b.Id == brand.BrandId)
                .Select(b => new WebhookBrand(b.Id, b.Slug, b.Name))
                .SingleAsync(ct);
        foreach (var c in changed.Where(_ => endpoint.Wants(WebhookEvents.ConversationChanged)))
        {
            Add(db, endpoint, await AboutAsync(), WebhookEvents.ConversationChanged, c.Id, BrandApi.Map(c), now);
            added++;
        }
        if (changed.Count > 0)
            (endpoint.ConversationsThrough, endpoint.ConversationsThroughId) = (changed[^1].ChangedAt, changed[^1].Id);

        var (slaAt, slaAfter) = (endpoint.SlaEventsThrough, endpoint.SlaEventsThroughId);
        var risks = await db
            .SlaEvents.AsNoTracking()
            .Where(e => e.At <= settled && e.At >= slaAt)
            .Where(e => e.At > slaAt || e.Id.CompareTo(slaAfter) > 0)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id)
            .Take(batch)
            .ToListAsync(ct);
        var wanted = risks.Where(e => Name(e.Kind) is { } name && endpoint.Wants(name)).ToList();
        var ids = wanted.Select(e => e.ConversationId).Distinct().ToList();
        var conversations =
            ids.Count == 0 ? [] : await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var e in wanted)
        {
            if (!conversations.TryGetValue(e.ConversationId, out var c))
                continue;
            Add(db, endpoint, await AboutAsync(), Name(e.Kind)!, c.Id, new WebhookSlaData(e.Target, e.DueAt, e.At, BrandApi.Map(c)), now);
            added++;
        }
        if (risks.Count > 0)
            (endpoint.SlaEventsThrough, endpoint.SlaEventsThroughId) = (risks[^1].At, risks[^1].Id);

        await db.SaveChangesAsync(ct);
        return added;

        static string? Name(SlaEventKind kind) =>
            kind switch
            {
                SlaEventKind.Warning => WebhookEvents.SlaWarning,
                SlaEventKind.Breach => WebhookEvents.SlaBreached,
                _ => null,
            };
    }

    /// <summary>A test call to the endpoint, sent with the next round.</summary>
    public static WebhookDelivery Ping(AgencyDbContext db, WebhookEndpoint endpoint, WebhookBrand brand, DateTime now, string? by) =>
        Add(db, endpoint, brand, WebhookEvents.Ping, null, new { message = "A test call from Agency.", by }, now);

    private static WebhookDelivery Add(
        AgencyDbContext db,
        WebhookEndpoint endpoint,
        WebhookBrand brand,
        string type,
        Guid? subject,
        object data,
        DateTime now
    )
    {
        var id = Guid.CreateVersion7();
        var body = JsonSerializer.Serialize(new WebhookMessage(id, type, now, brand, data), Json);
        var delivery = new WebhookDelivery
        {
            Id = id,
            EndpointId = endpoint.Id,
            Event = type,
            SubjectId = subject,
            Payload = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }

    /// <summary>
    /// The endpoint's due calls, oldest first, each signed and its result stored as soon as the endpoint answers. The first call
    /// that fails ends the round for this endpoint: one that is down is not called a hundred times in a row.
    /// </summary>
    public async Task<int> SendDueAsync(TenantScope brand, Guid endpointId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.Create(brand);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == endpointId, ct);
        var due = await db
            .WebhookDeliveries.Where(d => d.EndpointId == endpointId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .Take(Math.Max(1, options.Value.BatchSize))
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var secret = secrets.Unprotect(endpoint.SecretProtected);
        var client = http.CreateClient(WebhookHttp.ClientName);
        var calls = 0;
        foreach (var delivery in due)
        {
            if (ct.IsCancellationRequested)
                break;
            var (code, error) = secret is null
                ? (null, "The signing secret can no longer be read; rotate it on the Webhooks page.")
                : await CallAsync(client, endpoint.Url, secret, delivery, ct);
            var at = clock.GetUtcNow().UtcDateTime;
            calls++;
            if (error is null)
            {
                delivery.Succeeded(at, code!.Value);
                (endpoint.LastSuccessAt, endpoint.ConsecutiveFailures) = (at, 0);
            }
            else
            {
                delivery.Failed(at, code, error);
                (endpoint.LastFailureAt, endpoint.LastError) = (at, delivery.LastError);
                endpoint.ConsecutiveFailures++;
            }
            Operations.AgencyMeter.OutgoingWebhookCalls.Add(
                1,
                new KeyValuePair<string, object?>(
                    "outcome",
                    delivery.Status switch
                    {
                        WebhookDeliveryStatus.Delivered => "delivered",
                        WebhookDeliveryStatus.Failed => "failed",
                        _ => "retry",
                    }
                )
            );
            // Stored at once and even while the server stops: a call the endpoint took but that is not recorded would be made again.
            await db.SaveChangesAsync(CancellationToken.None);
            if (error is not null)
                break;
        }
        return calls;
    }

    private async Task<(int? Code, string? Error)> CallAsync(
        HttpClient client,
        string url,
        string secret,
        WebhookDelivery delivery,
        CancellationToken ct
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, clock.GetUtcNow(), delivery.Payload));
        request.Headers.Add("Agency-Event", delivery.Event);
        request.Headers.Add("Agency-Delivery", delivery.Id.ToString());
        request.Headers.UserAgent.ParseAdd("Agency-Webhooks/1.0");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"The endpoint answered {code} {response.ReasonPhrase}.");
        }
        catch (WebhookAddressException e)
        {
            return (null, e.Message);
        }
        catch (HttpRequestException e)
        {
            log.LogInformation(e, "Webhook call to {Url} failed", url);
            return (null, $"No answer: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.");
        }
    }

    // Delivered calls are kept a while for people to look at; failed and pending ones stay until someone deals with them. The sweep is
    // a delete over the brand's calls: once an hour per brand is enough, not every round of two seconds.
    private async Task ForgetOldAsync(TenantScope brand, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (swept.TryGetValue(brand.BrandId!.Value, out var last) && now - last < SweepEvery)
            return;
        swept[brand.BrandId.Value] = now;
        var before = now - options.Value.KeepDelivered;
        await using var db = database.Create(brand);
        await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt < before).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Wakes the webhook worker when a test call is asked for.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>Serves every brand's endpoints in the background, each brand in its own scope.</summary>
public sealed class WebhookWorker(
    CrossTenantReader crossTenant,
    WebhookDispatcher dispatcher,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WebhookWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WakeSignal.StartedAsync(lifetime, stoppingToken))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The webhook worker failed; retrying.");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var calls = 0;
        foreach (var brand in await crossTenant.BrandsWithWebhooksAsync(ct))
            calls += await dispatcher.RunBrandAsync(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.System), ct);
        return calls;
    }
}
