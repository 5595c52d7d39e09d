using Agency.Domain.Classification;
using Agency.Domain.Common;
using Agency.Domain.Intake;

namespace Agency.Domain.Conversations;

public enum Direction
{
    Inbound = 1,
    Outbound = 2,
}

/// <summary>One stored post, comment, mention or message; stored once per platform id and account.</summary>
public class Post : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid ChannelAccountId { get; set; }
    public Guid? ConversationId { get; set; }
    public required string ExternalId { get; set; }
    public PostKind Kind { get; set; }
    public Direction Direction { get; set; }
    public bool IsPrivate { get; set; }

    /// <summary>Sent by a routing rule (an automatic acknowledgement): it does not count as the brand's response.</summary>
    public bool IsAutomatic { get; set; }
    public required string AuthorExternalId { get; set; }
    public string? AuthorHandle { get; set; }
    public string? AuthorName { get; set; }
    public int? AuthorFollowers { get; set; }
    public required string Text { get; set; }
    public string? InReplyToExternalId { get; set; }

    /// <summary>When the platform says it was written (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When Agency received it (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    // Labels of inbound items (null for the brand's own posts).
    public Intent? Intent { get; set; }
    public LabelSource? IntentSource { get; set; }
    public double? IntentConfidence { get; set; }
    public string? IntentRule { get; set; }
    public Sentiment? Sentiment { get; set; }
    public double? SentimentScore { get; set; }
    public Urgency? Urgency { get; set; }
    public string? Language { get; set; }
    public PersonalData PersonalData { get; set; }

    public void Apply(ItemLabels c)
    {
        Intent = c.Intent;
        IntentSource = c.IntentSource;
        IntentConfidence = c.IntentConfidence;
        IntentRule = c.MatchedRule;
        Sentiment = c.Sentiment;
        SentimentScore = c.SentimentScore;
        Urgency = c.Urgency;
        Language = c.Language;
        PersonalData = c.PersonalData;
    }
}
