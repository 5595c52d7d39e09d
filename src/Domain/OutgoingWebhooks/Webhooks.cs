using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Agency.Domain.Common;

namespace Agency.Domain.OutgoingWebhooks;

/// <summary>What a webhook can be told about, and its name on the wire.</summary>
public static class WebhookEvents
{
    public const string ConversationChanged = "conversation.changed";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";

    /// <summary>Sent when someone asks for a test from the page; every endpoint gets it whatever it subscribed to.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> Subscribable = [ConversationChanged, SlaWarning, SlaBreached];

    public static string Describe(string name) =>
        name switch
        {
            ConversationChanged => "A conversation changed (new message, reply, assignment, resolve…)",
            SlaWarning => "A service-level target is about to be missed",
            SlaBreached => "A service-level target was missed",
            Ping => "Test",
            _ => name,
        };
}

/// <summary>
/// An address of the brand's own systems that is told, by signed HTTPS POSTs, when the brand's conversations change or a
/// service-level target is at risk. It follows the brand's changes from when it was added; the secret signs every call.
/// </summary>
public class WebhookEndpoint : IBrandOwned, IAudited
{
    public const int NameMaxLength = 80;
    public const int UrlMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];

    /// <summary>The signing secret, encrypted at rest; shown once when made or rotated.</summary>
    public required string SecretProtected { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    // Where the endpoint has read the brand's changes to: conversations by (ChangedAt, Id), service-level events by (At, Id).
    public DateTime ConversationsThrough { get; set; }
    public Guid ConversationsThroughId { get; set; }
    public DateTime SlaEventsThrough { get; set; }
    public Guid SlaEventsThroughId { get; set; }

    // One server at a time sends to an endpoint, so that its calls keep their order and none goes twice.
    public string? LeaseHolder { get; set; }
    public DateTime? LeaseUntil { get; set; }

    public DateTime? LastSuccessAt { get; set; }
    public DateTime? LastFailureAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }

    public bool Wants(string eventName) => eventName == WebhookEvents.Ping || Events.Contains(eventName);

    /// <summary>Starts following the brand's changes from <paramref name="utcNow"/>: what happened before is not sent.</summary>
    public void FollowFrom(DateTime utcNow)
    {
        (ConversationsThrough, ConversationsThroughId) = (utcNow, Guid.Empty);
        (SlaEventsThrough, SlaEventsThroughId) = (utcNow, Guid.Empty);
    }

    /// <summary>A new signing secret, to be shown once.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>Why an address cannot be used, or null: absolute, HTTPS (plain HTTP only where allowed, for local testing), no credentials in it.</summary>
    public static string? CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "Enter the address to call.";
        if (url.Length > UrlMaxLength)
            return $"Keep the address to {UrlMaxLength} characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return "Enter a whole address, e.g. https://crm.example.com/hooks/agency.";
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            return "The address must start with https://.";
        if (uri.UserInfo.Length > 0)
            return "Leave user names and passwords out of the address; every call is signed instead.";
        return null;
    }
}

public enum WebhookDeliveryStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

/// <summary>One call to an endpoint: the event, its body as sent, and how the attempts went. Retried with growing waits until it is taken.</summary>
public class WebhookDelivery : IBrandOwned
{
    /// <summary>The wait after each failed attempt; after the last the delivery has failed (about a day in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(3),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
    ];

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid EndpointId { get; set; }
    public required string Event { get; set; }

    /// <summary>What the change concerns (a conversation), for people looking for a call.</summary>
    public Guid? SubjectId { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }

    public void Succeeded(DateTime utcNow, int statusCode)
    {
        Attempts++;
        (LastAttemptAt, LastStatusCode, LastError) = (utcNow, statusCode, null);
        (Status, DeliveredAt) = (WebhookDeliveryStatus.Delivered, utcNow);
    }

    /// <summary>A failed attempt: tried again after the next wait, or failed for good after the last.</summary>
    public void Failed(DateTime utcNow, int? statusCode, string error)
    {
        Attempts++;
        (LastAttemptAt, LastStatusCode, LastError) = (utcNow, statusCode, error.Length > 500 ? error[..500] : error);
        if (Attempts > Backoff.Count)
            Status = WebhookDeliveryStatus.Failed;
        else
            NextAttemptAt = utcNow + Backoff[Attempts - 1];
    }

    /// <summary>Sent again from the start, at once (someone fixed their endpoint).</summary>
    public void Redeliver(DateTime utcNow)
    {
        (Status, Attempts, NextAttemptAt, DeliveredAt) = (WebhookDeliveryStatus.Pending, 0, utcNow, null);
    }
}

/// <summary>
/// The signature of a call: <c>Agency-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the endpoint's secret&gt;</c>.
/// A receiver recomputes it and refuses calls whose time is far off (replays).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Agency-Signature";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string? header, string secret, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
            return false;
        var parts = header
            .Split(',')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (
            !parts.TryGetValue("t", out var t)
            || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        )
            return false;
        if (Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > tolerance.TotalSeconds)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, t, body)), Encoding.ASCII.GetBytes(v1));
    }

    private static string Mac(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
