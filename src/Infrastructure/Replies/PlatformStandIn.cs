using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Agency.Domain.Channels;
using Agency.Domain.Replies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Agency.Infrastructure.Replies;

/// <summary>One request the stand-in received, as the real API would have.</summary>
public sealed record StandInRequest(string Network, string Path, string? Token, JsonNode? Body, DateTime At);

/// <summary>
/// A loopback stand-in for the Graph API and X API v2 endpoints Agency calls, with their request and
/// response shapes and error bodies. There is no internet here: tests and the demo send real HTTP
/// requests to it instead of graph.facebook.com and api.x.com. It refuses what the real APIs refuse
/// (no token, missing fields, an X post over 280 weighted characters).
/// </summary>
public sealed class PlatformStandIn
{
    private long _next = 1_900_000_000_000_000_000;
    private readonly ConcurrentQueue<StandInRequest> _requests = new();

    public IReadOnlyCollection<StandInRequest> Requests => _requests.ToArray();

    /// <summary>Makes the next N requests fail with this status (for retry tests).</summary>
    public void FailNext(int count, int status = 503)
    {
        _failures = count;
        _failureStatus = status;
    }

    private int _failures;
    private int _failureStatus = 503;

    public void Map(IEndpointRouteBuilder app, string prefix)
    {
        var graph = app.MapGroup($"{prefix}/graph/{{version}}").AllowAnonymous();
        graph.MapPost("/{id}/comments", (HttpRequest r, string id) => Graph(r, "id", j => j?["message"] is not null));
        graph.MapPost("/{id}/replies", (HttpRequest r, string id) => Graph(r, "id", j => j?["message"] is not null));
        graph.MapPost("/{id}/messages", (HttpRequest r, string id) =>
            Graph(r, "message_id", j => j?["recipient"]?["id"] is not null && j?["message"]?["text"] is not null)
        );
        var x = app.MapGroup($"{prefix}/x/2").AllowAnonymous();
        x.MapPost("/tweets", async (HttpRequest r) =>
        {
            var (body, error) = await ReadAsync(r, "x");
            if (error is not null)
                return error;
            var text = body?["text"]?.GetValue<string>();
            if (string.IsNullOrEmpty(text))
                return Results.Json(
                    new
                    {
                        title = "Invalid Request",
                        detail = "One or more parameters to your request was invalid.",
                        type = "https://api.twitter.com/2/problems/invalid-request",
                    },
                    statusCode: 400
                );
            if (ReplyLimits.Length(Network.X, false, text) > 280)
                return Results.Json(
                    new
                    {
                        title = "Forbidden",
                        detail = "Your Tweet text is too long.",
                        type = "about:blank",
                        status = 403,
                    },
                    statusCode: 403
                );
            return Results.Json(new { data = new { id = NextId(), text } }, statusCode: 201);
        });
        x.MapPost("/dm_conversations/with/{participant}/messages", async (HttpRequest r, string participant) =>
        {
            var (body, error) = await ReadAsync(r, "x");
            if (error is not null)
                return error;
            if (body?["text"] is null)
                return Results.Json(new { title = "Invalid Request", detail = "text is required." }, statusCode: 400);
            return Results.Json(new { data = new { dm_conversation_id = $"{participant}-1", dm_event_id = NextId() } }, statusCode: 201);
        });
    }

    private async Task<IResult> Graph(HttpRequest r, string idField, Func<JsonNode?, bool> valid)
    {
        var (body, error) = await ReadAsync(r, "meta");
        if (error is not null)
            return error;
        if (!valid(body))
            return Results.Json(
                new
                {
                    error = new
                    {
                        message = "(#100) The parameter message is required",
                        type = "OAuthException",
                        code = 100,
                    },
                },
                statusCode: 400
            );
        return idField == "id"
            ? Results.Json(new { id = $"{NextId()}_{NextId()}" })
            : Results.Json(new { recipient_id = body?["recipient"]?["id"]?.GetValue<string>(), message_id = $"m_{NextId()}" });
    }

    private async Task<(JsonNode? Body, IResult? Error)> ReadAsync(HttpRequest r, string network)
    {
        var auth = r.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(r.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        _requests.Enqueue(new StandInRequest(network, r.Path, token, body, DateTime.UtcNow));
        if (Interlocked.Decrement(ref _failures) >= 0)
            return (body, Results.Json(new { error = new { message = "Service temporarily unavailable" } }, statusCode: _failureStatus));
        Interlocked.Exchange(ref _failures, 0);
        if (string.IsNullOrEmpty(token))
            return (
                body,
                network == "meta"
                    ? Results.Json(
                        new
                        {
                            error = new
                            {
                                message = "An active access token must be used to query information about the current user.",
                                type = "OAuthException",
                                code = 2500,
                            },
                        },
                        statusCode: 400
                    )
                    : Results.Json(
                        new
                        {
                            title = "Unauthorized",
                            type = "about:blank",
                            status = 401,
                            detail = "Unauthorized",
                        },
                        statusCode: 401
                    )
            );
        return (body, null);
    }

    private string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
