using Agency.Domain.Intake;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Operations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Agency.Portal.Endpoints;

/// <summary>
/// Platform webhooks, one URL per channel account (shown on the account's page):
/// <c>/webhooks/meta/{account}</c> for Facebook Pages and Instagram, <c>/webhooks/x/{account}</c> for X.
/// The platform gets its 200 only after the raw delivery is committed.
/// </summary>
public static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").AllowAnonymous().DisableAntiforgery();
        // Platforms read status codes, not the portal's HTML error pages.
        hooks.AddEndpointFilter(
            async (ctx, next) =>
            {
                if (ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                    pages.Enabled = false;
                return await next(ctx);
            }
        );

        // Meta's subscription handshake: echo hub.challenge when hub.verify_token matches the account's.
        hooks.MapGet("/meta/{accountId:guid}", async (Guid accountId, HttpRequest request, IntakeReceiver receiver, CancellationToken ct) =>
        {
            var secrets = await receiver.HandshakeSecretsAsync(accountId, DeliverySource.MetaWebhook, ct);
            if (secrets is null)
                return Results.NotFound();
            var q = request.Query;
            if (q["hub.mode"] != "subscribe" || string.IsNullOrEmpty(q["hub.challenge"]))
                return Results.BadRequest("Expected hub.mode=subscribe and hub.challenge.");
            return secrets.Value.VerifyToken is { } token && q["hub.verify_token"] == token
                ? Results.Text(q["hub.challenge"].ToString(), "text/plain")
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        });

        hooks.MapPost(
            "/meta/{accountId:guid}",
            (Guid accountId, HttpContext http, IntakeReceiver receiver, IOptions<IntakeOptions> options, ILogger<IntakeReceiver> log) =>
                ReceiveAsync(http, receiver, options.Value, log, accountId, DeliverySource.MetaWebhook, "X-Hub-Signature-256")
        );

        // X's challenge-response check: {"response_token": "sha256=<base64 HMAC of crc_token>"}.
        hooks.MapGet("/x/{accountId:guid}", async (Guid accountId, string? crc_token, IntakeReceiver receiver, CancellationToken ct) =>
        {
            var secrets = await receiver.HandshakeSecretsAsync(accountId, DeliverySource.XWebhook, ct);
            if (secrets is null)
                return Results.NotFound();
            if (string.IsNullOrEmpty(crc_token))
                return Results.BadRequest("crc_token is required.");
            if (secrets.Value.Secret is not { } secret)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Json(new { response_token = WebhookSignatures.XCrcResponse(secret, crc_token) });
        });

        hooks.MapPost(
            "/x/{accountId:guid}",
            (Guid accountId, HttpContext http, IntakeReceiver receiver, IOptions<IntakeOptions> options, ILogger<IntakeReceiver> log) =>
                ReceiveAsync(http, receiver, options.Value, log, accountId, DeliverySource.XWebhook, "x-twitter-webhooks-signature")
        );
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IntakeReceiver receiver,
        IntakeOptions options,
        ILogger log,
        Guid accountId,
        DeliverySource source,
        string signatureHeader
    )
    {
        var (outcome, answer) = await AnswerAsync(http, receiver, options, log, accountId, source, signatureHeader);
        AgencyMeter.WebhookDeliveries.Add(
            1,
            new KeyValuePair<string, object?>("network", source == DeliverySource.MetaWebhook ? "meta" : "x"),
            new KeyValuePair<string, object?>("outcome", outcome)
        );
        return answer;
    }

    private static async Task<(string Outcome, IResult Answer)> AnswerAsync(
        HttpContext http,
        IntakeReceiver receiver,
        IntakeOptions options,
        ILogger log,
        Guid accountId,
        DeliverySource source,
        string signatureHeader
    )
    {
        const string tooLarge = "too_large";
        var limit = options.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
            return (tooLarge, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                return (tooLarge, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            buffer.Write(chunk, 0, read);
        }

        var result = await receiver.ReceiveAsync(
            accountId,
            source,
            buffer.ToArray(),
            http.Request.Headers[signatureHeader].FirstOrDefault(),
            http.RequestAborted
        );
        return result.Status switch
        {
            ReceiveStatus.Stored => ("stored", Results.Ok()),
            ReceiveStatus.Duplicate => ("duplicate", Results.Ok()),
            ReceiveStatus.UnknownAccount => ("unknown_account", Results.NotFound()),
            ReceiveStatus.BadSignature => ("bad_signature", Results.Unauthorized()),
            ReceiveStatus.Malformed => ("malformed", Results.BadRequest(result.Reason)),
            ReceiveStatus.Unavailable => ("unavailable", Unavailable(http, log, accountId, result.Reason)),
            _ => ("error", Results.StatusCode(StatusCodes.Status500InternalServerError)),
        };
    }

    /// <summary>503 with Retry-After: X and Meta send a delivery again when it is not answered with a 2xx.</summary>
    private static IResult Unavailable(HttpContext http, ILogger log, Guid accountId, string? reason)
    {
        log.LogWarning("Delivery for account {Account} not stored, the platform is asked to retry: {Reason}", accountId, reason);
        http.Response.Headers.RetryAfter = "30";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
