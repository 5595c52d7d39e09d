using Agency.Domain.Common;

namespace Agency.Domain.Replies;

public enum OutboundStatus
{
    Queued = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// A reply on its way to a network: stored first, then sent by the outbox with retries, so a reply is
/// never lost to a network error and every failure is visible and can be retried.
/// </summary>
public class OutboundMessage : IBrandOwned
{
    public const int MaxAttempts = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelAccountId { get; set; }
    public bool IsPrivate { get; set; }

    /// <summary>The platform id of the post or comment answered (public replies).</summary>
    public string? InReplyToExternalId { get; set; }

    /// <summary>The customer's platform id (private messages).</summary>
    public string? RecipientExternalId { get; set; }
    public required string Text { get; set; }
    public OutboundStatus Status { get; set; } = OutboundStatus.Queued;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public string? ExternalId { get; set; }
    public string? SentByUserId { get; set; }
    public string? SentByName { get; set; }

    /// <summary>Sent by a routing rule rather than a person.</summary>
    public bool IsAutomatic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>While a server sends it: no other server sharing the database sends it until then (one whose server stopped is
    /// sent again once this passes).</summary>
    public DateTime? ClaimedUntil { get; set; }

    public void MarkSent(string externalId, DateTime at)
    {
        Status = OutboundStatus.Sent;
        ExternalId = externalId;
        SentAt = at;
        LastError = null;
    }

    /// <summary>A failure the network may get over (timeouts, 5xx, rate limits) is retried with growing waits; others stop at once.</summary>
    public void MarkFailed(string error, bool retryable, DateTime at)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (retryable && Attempts < MaxAttempts)
        {
            NextAttemptAt = at + TimeSpan.FromSeconds(15 * Math.Pow(2, Attempts - 1));
            return;
        }
        Status = OutboundStatus.Failed;
    }

    /// <summary>A person retries a failed send.</summary>
    public void Retry(DateTime at)
    {
        if (Status != OutboundStatus.Failed)
            throw new DomainException("Only a failed reply can be retried.");
        Status = OutboundStatus.Queued;
        Attempts = 0;
        NextAttemptAt = at;
    }
}
