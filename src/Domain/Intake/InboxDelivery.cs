using System.Security.Cryptography;
using Agency.Domain.Common;

namespace Agency.Domain.Intake;

public enum DeliverySource
{
    MetaWebhook = 1,
    XWebhook = 2,
    Import = 3,
}

public enum DeliveryStatus
{
    Pending = 1,
    Processed = 2,
    Parked = 3,
}

/// <summary>
/// A platform delivery exactly as it arrived. It is committed before the platform gets its 200, and
/// everything else (parsing, classification, threading) runs from here, so nothing acknowledged is lost.
/// </summary>
public class InboxDelivery : IBrandOwned
{
    public const int MaxAttempts = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ChannelAccountId { get; set; }
    public DeliverySource Source { get; set; }
    public required string Body { get; set; }

    /// <summary>SHA-256 of the body: the same delivery sent twice is stored once.</summary>
    public required string BodyHash { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int StoredItems { get; set; }
    public int DuplicateItems { get; set; }
    public int IgnoredItems { get; set; }

    /// <summary>Which server's inbox worker is processing it, and until when: servers sharing the database never process one
    /// delivery at once (one whose server stopped is free again once this passes).</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public static string HashOf(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Records a failed attempt; a delivery that keeps failing is parked for a person to look at.</summary>
    public void Fail(string error, bool permanent)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (permanent || Attempts >= MaxAttempts)
            Status = DeliveryStatus.Parked;
    }

    public void Retry()
    {
        if (Status != DeliveryStatus.Parked)
            throw new DomainException("Only parked deliveries can be retried.");
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        (ClaimToken, ClaimedUntil) = (null, null); // any server takes it at once
    }
}
