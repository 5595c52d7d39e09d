using Agency.Domain.Common;

namespace Agency.Domain.Conversations;

public enum ConversationStatus { Open = 1, Resolved = 2 }

/// <summary>
/// Everything one customer said to the brand on one account, and the brand's answers, until it is
/// resolved. A customer who comes back after the quiet period starts a new conversation.
/// </summary>
public class Conversation : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ChannelAccountId { get; set; }
    public required string CustomerExternalId { get; set; }
    public string? CustomerHandle { get; set; }
    public string? CustomerName { get; set; }
    public ConversationStatus Status { get; set; } = ConversationStatus.Open;
    /// <summary>The customer's first post: SLA clocks start here, not at routing or forwarding.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int InboundCount { get; set; }
    public int OutboundCount { get; set; }
    public bool HasPrivateMessages { get; set; }

    public void Record(Post post)
    {
        if (post.Direction == Direction.Inbound)
        {
            InboundCount++;
            if (InboundCount == 1 || post.CreatedAt < StartedAt) StartedAt = post.CreatedAt;
            if (Status == ConversationStatus.Resolved)
            {
                Status = ConversationStatus.Open;
                ResolvedAt = null;
            }
        }
        else
        {
            OutboundCount++;
            if (post.CreatedAt >= StartedAt && (FirstResponseAt is null || post.CreatedAt < FirstResponseAt)) FirstResponseAt = post.CreatedAt;
        }
        if (post.IsPrivate) HasPrivateMessages = true;
        if (post.CreatedAt > LastActivityAt) LastActivityAt = post.CreatedAt;
    }
}
