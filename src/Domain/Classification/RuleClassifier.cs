using System.Text.RegularExpressions;

namespace Agency.Domain.Classification;

/// <summary>A brand's own rule: when the text matches, the intent is set (rules run before everything else).</summary>
public sealed record BrandRule(string Name, string Pattern, Intent Intent, bool IsRegex = false);

/// <summary>
/// Transparent, explainable labelling: the brand's own rules first, then cue words for each intent,
/// a sentiment lexicon with negation, urgency cues, language and personal data. Every label says
/// what produced it.
/// </summary>
public static class RuleClassifier
{
    private static readonly string[] SpamCues =
    [
        "follow back",
        "free followers",
        "click here",
        "giveaway",
        "dm me for",
        "earn $",
        "crypto",
        "onlyfans",
        "promo code",
        "work from home",
        "check my bio",
        "100% free",
    ];
    private static readonly string[] ComplaintCues =
    [
        "worst",
        "terrible",
        "awful",
        "ridiculous",
        "unacceptable",
        "disappointed",
        "disappointing",
        "never again",
        "still waiting",
        "no one",
        "nobody",
        "refund",
        "cancelled",
        "canceled",
        "broken",
        "delayed",
        "lost",
        "scam",
        "angry",
        "fed up",
        "useless",
        "rude",
        "horrible",
        "joke",
        "wtf",
        "complaint",
        "hours on hold",
        "been waiting",
        "charged twice",
        "overcharged",
    ];
    private static readonly string[] ServiceCues =
    [
        "how do i",
        "how can i",
        "how to",
        "help",
        "can't",
        "cant",
        "cannot",
        "won't",
        "wont",
        "doesn't work",
        "doesnt work",
        "not working",
        "issue",
        "problem",
        "error",
        "account",
        "order",
        "delivery",
        "package",
        "password",
        "login",
        "log in",
        "update",
        "where is",
        "when will",
        "why is",
        "why does",
        "support",
        "tracking",
        "booking",
        "flight",
        "bag",
        "baggage",
        "seat",
        "reset",
        "crash",
        "battery",
        "bill",
        "payment",
    ];
    private static readonly string[] PraiseCues =
    [
        "thank",
        "thanks",
        "love",
        "great",
        "awesome",
        "amazing",
        "excellent",
        "best",
        "well done",
        "appreciate",
        "fantastic",
        "kudos",
        "shoutout",
        "shout out",
        "brilliant",
        "perfect",
    ];
    private static readonly string[] SalesCues =
    [
        "price",
        "pricing",
        "how much",
        "buy",
        "purchase",
        "quote",
        "upgrade",
        "discount",
        "available in",
        "in stock",
        "pre-order",
        "preorder",
        "deal",
        "offer",
        "subscribe",
        "plan for",
    ];
    private static readonly string[] UrgentCues =
    [
        "urgent",
        "asap",
        "emergency",
        "immediately",
        "stranded",
        "right now",
        "missed my flight",
        "missed flight",
        "fraud",
        "hacked",
        "stolen",
        "unauthorized",
        "locked out",
        "today",
    ];

    private static readonly HashSet<string> Positive =
    [
        "thank",
        "thanks",
        "love",
        "great",
        "awesome",
        "amazing",
        "excellent",
        "best",
        "happy",
        "good",
        "nice",
        "appreciate",
        "fantastic",
        "perfect",
        "brilliant",
        "helpful",
        "quick",
        "fast",
        "wonderful",
        "glad",
        "pleased",
    ];
    private static readonly HashSet<string> Negative =
    [
        "worst",
        "terrible",
        "awful",
        "bad",
        "hate",
        "ridiculous",
        "unacceptable",
        "disappointed",
        "disappointing",
        "broken",
        "angry",
        "useless",
        "rude",
        "horrible",
        "annoyed",
        "frustrated",
        "frustrating",
        "poor",
        "slow",
        "never",
        "scam",
        "waste",
        "sucks",
        "fail",
        "failed",
        "lost",
        "delayed",
        "cancelled",
        "canceled",
        "wrong",
        "stuck",
        "stranded",
        "upset",
    ];
    private static readonly HashSet<string> Negations =
    [
        "not",
        "no",
        "never",
        "isn't",
        "wasn't",
        "don't",
        "didn't",
        "doesn't",
        "can't",
        "won't",
        "nothing",
    ];

    public static ItemLabels Classify(
        string text,
        IReadOnlyList<BrandRule>? brandRules = null,
        IReadOnlyList<BrandPattern>? brandPatterns = null
    )
    {
        // Cues are read from the words people wrote, not from @handles or links ("@AppleSupport" is no support question).
        var lower = string.Join(
            ' ',
            (text ?? "")
                .ToLowerInvariant()
                .Replace('\u2019', '\'')
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w[0] != '@' && !w.StartsWith("http", StringComparison.Ordinal))
        );
        var (sentiment, score) = ScoreSentiment(lower);
        var language = LanguageDetector.Detect(lower);
        var pii = PersonalDataDetector.Detect(text ?? "", brandPatterns);

        var (intent, confidence, rule) = BrandRuleIntent(lower, brandRules) ?? CueIntent(lower, sentiment);
        var urgency = UrgencyOf(lower, intent, score);
        return new ItemLabels(intent, LabelSource.Rule, confidence, sentiment, score, urgency, language, pii, rule);
    }

    private static (Intent, double, string?)? BrandRuleIntent(string lower, IReadOnlyList<BrandRule>? rules)
    {
        if (rules is null)
            return null;
        foreach (var r in rules)
        {
            var hit = r.IsRegex
                ? Regex.IsMatch(lower, r.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))
                : r
                    .Pattern.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Any(k => lower.Contains(k.ToLowerInvariant(), StringComparison.Ordinal));
            if (hit)
                return (r.Intent, 0.99, r.Name);
        }
        return null;
    }

    private static (Intent, double, string?) CueIntent(string lower, Sentiment sentiment)
    {
        var spam = Count(lower, SpamCues);
        if (spam > 0)
            return (Intent.Spam, Confidence(spam), "spam cues");

        var complaint = Count(lower, ComplaintCues) + (sentiment == Sentiment.Negative ? 1 : 0);
        var service = Count(lower, ServiceCues) + (lower.Contains('?', StringComparison.Ordinal) ? 1 : 0);
        var sales = Count(lower, SalesCues);
        var praise = Count(lower, PraiseCues) + (sentiment == Sentiment.Positive ? 1 : 0);

        // Order breaks ties: an unhappy customer with a question is a complaint first.
        var ranked = new[]
        {
            (Intent.Complaint, complaint),
            (Intent.ServiceQuestion, service),
            (Intent.SalesLead, sales),
            (Intent.Praise, praise),
        };
        var best = ranked.OrderByDescending(r => r.Item2).First();
        if (best.Item2 == 0)
            return (Intent.General, 0.5, null);
        // Thanks attached to a problem ("thanks, but my order is still missing") is not praise.
        if (best.Item1 == Intent.Praise && (complaint > 0 || service > 1))
            best = complaint >= service ? (Intent.Complaint, complaint) : (Intent.ServiceQuestion, service);
        return (best.Item1, Confidence(best.Item2), $"{IntentNames.Describe(best.Item1).ToLowerInvariant()} cues");
    }

    private static Urgency UrgencyOf(string lower, Intent intent, double score)
    {
        if (intent is Intent.Spam or Intent.Praise or Intent.General)
            return Urgency.Low;
        if (Count(lower, UrgentCues) > 0 || (intent == Intent.Complaint && score <= -0.6))
            return Urgency.High;
        return Urgency.Normal;
    }

    public static (Sentiment, double) ScoreSentiment(string lower)
    {
        var words = LanguageDetector.Tokens(lower).ToList();
        double pos = 0,
            neg = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var negated = i > 0 && Negations.Contains(words[i - 1]) || i > 1 && Negations.Contains(words[i - 2]);
            if (Positive.Contains(words[i]))
            {
                if (negated)
                    neg++;
                else
                    pos++;
            }
            else if (Negative.Contains(words[i]))
            {
                if (negated)
                    pos += 0.5;
                else
                    neg++;
            }
        }
        foreach (var ch in lower.EnumerateRunes())
        {
            var v = ch.Value;
            if (v is 0x1F621 or 0x1F620 or 0x1F92C or 0x1F624 or 0x1F44E or 0x1F62D or 0x1F61E)
                neg++;
            else if (v is 0x1F60A or 0x1F60D or 0x1F64F or 0x1F44D or 0x2764 or 0x1F389 or 0x1F600 or 0x1F603)
                pos++;
        }
        if (lower.Contains("!!", StringComparison.Ordinal))
        {
            if (neg > pos)
                neg += 0.5;
            else if (pos > neg)
                pos += 0.5;
        }
        var score = (pos - neg) / (pos + neg + 1);
        return (
            score >= 0.2 ? Sentiment.Positive
            : score <= -0.2 ? Sentiment.Negative
            : Sentiment.Neutral,
            Math.Round(score, 3)
        );
    }

    private static int Count(string lower, string[] cues) => cues.Count(c => lower.Contains(c, StringComparison.Ordinal));

    private static double Confidence(int hits) => Math.Min(0.95, 0.55 + 0.1 * hits);
}
