namespace Agency.Domain.Classification;

public enum Intent
{
    ServiceQuestion = 1,
    Complaint = 2,
    Praise = 3,
    SalesLead = 4,
    General = 5,
    Spam = 6,
}

public enum Sentiment
{
    Negative = -1,
    Neutral = 0,
    Positive = 1,
}

public enum Urgency
{
    Low = 1,
    Normal = 2,
    High = 3,
}

/// <summary>Where a label came from; shown next to it so people can judge it.</summary>
public enum LabelSource
{
    Rule = 1,
    Model = 2,
    Person = 3,
}

[Flags]
public enum PersonalData
{
    None = 0,
    Email = 1,
    Phone = 2,
    PaymentCard = 4,
    Iban = 8,
    AccountNumber = 16,
}

public static class IntentNames
{
    public static string Describe(Intent intent) =>
        intent switch
        {
            Intent.ServiceQuestion => "Service question",
            Intent.Complaint => "Complaint",
            Intent.Praise => "Praise",
            Intent.SalesLead => "Sales lead",
            Intent.General => "General",
            Intent.Spam => "Spam",
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Unknown intent."),
        };

    /// <summary>Intents that need an answer from service staff.</summary>
    public static bool NeedsService(Intent intent) => intent is Intent.ServiceQuestion or Intent.Complaint;
}

/// <summary>Every label of one inbound item, each with its source and confidence (0..1).</summary>
public sealed record ItemLabels(
    Intent Intent,
    LabelSource IntentSource,
    double IntentConfidence,
    Sentiment Sentiment,
    double SentimentScore,
    Urgency Urgency,
    string Language,
    PersonalData PersonalData,
    string? MatchedRule
);
