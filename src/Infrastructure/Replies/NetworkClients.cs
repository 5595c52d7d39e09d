using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agency.Domain.Channels;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Replies;

public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Graph API root with version, e.g. https://graph.facebook.com/v21.0.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com/v21.0";

    /// <summary>X API root (v2 paths are appended).</summary>
    public string XBaseUrl { get; set; } = "https://api.x.com";

    /// <summary>Run the outbox worker in this process.</summary>
    public bool WorkerEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>One reply to send: on which account, public (answering a post) or private (to a person).</summary>
public sealed record OutboundRequest(
    Network Network,
    string AccountExternalId,
    string AccessToken,
    bool IsPrivate,
    string? InReplyToExternalId,
    string? RecipientExternalId,
    string Text
);

/// <summary>What the network said: the new item's id, or why not and whether trying again may help.</summary>
public sealed record SendResult(string? ExternalId, string? Error, bool Retryable)
{
    public bool Sent => ExternalId is not null;

    public static SendResult Ok(string id) => new(id, null, false);

    public static SendResult Fail(string error, bool retryable) => new(null, error, retryable);
}

public interface INetworkClient
{
    bool Handles(Network network);
    Task<SendResult> SendAsync(OutboundRequest request, CancellationToken ct);
}

/// <summary>Shared HTTP handling: bearer token, JSON body, error text and retry advice from the status code.</summary>
public abstract class NetworkClientBase(IHttpClientFactory factory, string name)
{
    protected async Task<SendResult> PostAsync(string url, string token, object body, Func<JsonNode?, string?> readId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await factory.CreateClient(name).SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Fail($"The network could not be reached: {ex.Message}", retryable: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Fail("The network did not answer in time.", retryable: true);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try
            {
                json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            { /* not JSON: reported as text below */
            }
            if (response.IsSuccessStatusCode && readId(json) is { Length: > 0 } id)
                return SendResult.Ok(id);
            var retryable =
                response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
            var message = ErrorText(json) ?? (text.Length > 300 ? text[..300] : text);
            return SendResult.Fail($"{(int)response.StatusCode} {response.ReasonPhrase}: {message}", retryable);
        }
    }

    // Graph: {"error":{"message":...}}; X: {"detail":...} or {"errors":[{"message":...}]}.
    private static string? ErrorText(JsonNode? json) =>
        json?["error"]?["message"]?.GetValue<string>()
        ?? json?["detail"]?.GetValue<string>()
        ?? json?["errors"]?[0]?["message"]?.GetValue<string>()
        ?? json?["title"]?.GetValue<string>();
}

/// <summary>
/// Facebook and Instagram through the Graph API: comment replies (POST /{comment-id}/comments on
/// Facebook, /{comment-id}/replies on Instagram) and messages (POST /{account-id}/messages).
/// </summary>
public sealed class MetaGraphClient(IHttpClientFactory factory, IOptions<OutboundOptions> options)
    : NetworkClientBase(factory, Name),
        INetworkClient
{
    public const string Name = "meta-graph";

    public bool Handles(Network network) => network is Network.Facebook or Network.Instagram;

    public Task<SendResult> SendAsync(OutboundRequest r, CancellationToken ct)
    {
        var root = options.Value.GraphBaseUrl.TrimEnd('/');
        if (r.IsPrivate)
        {
            if (string.IsNullOrEmpty(r.RecipientExternalId))
                return Task.FromResult(SendResult.Fail("The customer's id is unknown: a private message cannot be addressed.", false));
            var body = new
            {
                recipient = new { id = r.RecipientExternalId },
                messaging_type = "RESPONSE",
                message = new { text = r.Text },
            };
            return PostAsync(
                $"{root}/{Uri.EscapeDataString(r.AccountExternalId)}/messages",
                r.AccessToken,
                body,
                j => j?["message_id"]?.GetValue<string>(),
                ct
            );
        }
        if (string.IsNullOrEmpty(r.InReplyToExternalId))
            return Task.FromResult(SendResult.Fail("There is no customer post to answer in public.", false));
        var edge = r.Network == Network.Instagram ? "replies" : "comments";
        return PostAsync(
            $"{root}/{Uri.EscapeDataString(r.InReplyToExternalId)}/{edge}",
            r.AccessToken,
            new { message = r.Text },
            j => j?["id"]?.GetValue<string>(),
            ct
        );
    }
}

/// <summary>X API v2: replies are POST /2/tweets with reply.in_reply_to_tweet_id; messages POST /2/dm_conversations/with/{id}/messages.</summary>
public sealed class XApiClient(IHttpClientFactory factory, IOptions<OutboundOptions> options)
    : NetworkClientBase(factory, Name),
        INetworkClient
{
    public const string Name = "x-api";

    public bool Handles(Network network) => network == Network.X;

    public Task<SendResult> SendAsync(OutboundRequest r, CancellationToken ct)
    {
        var root = options.Value.XBaseUrl.TrimEnd('/');
        if (r.IsPrivate)
        {
            if (string.IsNullOrEmpty(r.RecipientExternalId))
                return Task.FromResult(SendResult.Fail("The customer's id is unknown: a direct message cannot be addressed.", false));
            return PostAsync(
                $"{root}/2/dm_conversations/with/{Uri.EscapeDataString(r.RecipientExternalId)}/messages",
                r.AccessToken,
                new { text = r.Text },
                j => j?["data"]?["dm_event_id"]?.GetValue<string>(),
                ct
            );
        }
        object body = string.IsNullOrEmpty(r.InReplyToExternalId)
            ? new { text = r.Text }
            : new { text = r.Text, reply = new { in_reply_to_tweet_id = r.InReplyToExternalId } };
        return PostAsync($"{root}/2/tweets", r.AccessToken, body, j => j?["data"]?["id"]?.GetValue<string>(), ct);
    }
}
