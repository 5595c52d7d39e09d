using Agency.Domain.Classification;

namespace Agency.Domain.Tests.Classification;

public class PersonalDataTests
{
    [Theory]
    [InlineData("mail me at jane.doe@example.co.uk please", PersonalData.Email)]
    [InlineData("call me on +44 20 7946 0958", PersonalData.Phone)]
    [InlineData("my number is (415) 555-0132", PersonalData.Phone)]
    [InlineData("card 4111 1111 1111 1111 exp 12/28", PersonalData.PaymentCard)]
    [InlineData("card 5500-0000-0000-0004", PersonalData.PaymentCard)]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32", PersonalData.Iban)]
    [InlineData("DE89370400440532013000 is mine", PersonalData.Iban)]
    public void Finds_personal_data(string text, PersonalData expected) => Assert.True(PersonalDataDetector.Detect(text).HasFlag(expected));

    [Theory]
    [InlineData("order 4111 1111 1111 1112 is late")] // fails Luhn: an order number, not a card
    [InlineData("GB82 WEST 1234 5698 7654 33")] // fails mod-97
    [InlineData("flight BA 283 at 14:05 on 12/11")]
    [InlineData("I waited 3 hours")]
    public void Does_not_flag_look_alikes(string text) =>
        Assert.Equal(PersonalData.None, PersonalDataDetector.Detect(text) & ~PersonalData.Phone & ~PersonalData.Email);

    [Fact]
    public void A_card_number_is_not_also_a_phone_number()
    {
        var found = PersonalDataDetector.Detect("4111 1111 1111 1111");
        Assert.Equal(PersonalData.PaymentCard, found);
    }

    [Fact]
    public void Brand_patterns_flag_account_numbers()
    {
        var patterns = new[] { new BrandPattern("Order number", @"\bA-\d{5}\b") };
        Assert.True(PersonalDataDetector.Detect("order A-22817 missing", patterns).HasFlag(PersonalData.AccountNumber));
        Assert.False(PersonalDataDetector.Detect("order 22817 missing", patterns).HasFlag(PersonalData.AccountNumber));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", false)] // valid Luhn but too short for a card
    public void Luhn(string digits, bool valid) => Assert.Equal(valid, PersonalDataDetector.PassesLuhn(digits));

    [Fact]
    public void A_bad_brand_pattern_is_explained()
    {
        Assert.NotNull(PersonalDataDetector.ValidatePattern("([unclosed"));
        Assert.Null(PersonalDataDetector.ValidatePattern(@"\bA-\d{5}\b"));
    }
}

public class RuleClassifierTests
{
    [Theory]
    [InlineData("@AcmeCare my flight was cancelled and nobody is answering the phone. Worst airline ever", Intent.Complaint)]
    [InlineData("@AcmeCare how do I reset my password? the app says error 403", Intent.ServiceQuestion)]
    [InlineData("@AcmeCare thank you so much, the crew was amazing!", Intent.Praise)]
    [InlineData("@AcmeCare how much is the premium plan? thinking to buy for my team", Intent.SalesLead)]
    [InlineData("Get free followers fast, click here", Intent.Spam)]
    [InlineData("@AcmeCare see you in Lisbon", Intent.General)]
    public void Labels_intent_by_transparent_cues(string text, Intent expected)
    {
        var labels = RuleClassifier.Classify(text);
        Assert.Equal(expected, labels.Intent);
        Assert.Equal(LabelSource.Rule, labels.IntentSource);
        Assert.InRange(labels.IntentConfidence, 0.5, 0.99);
    }

    [Fact]
    public void Thanks_with_a_problem_is_not_praise()
    {
        Assert.NotEqual(Intent.Praise, RuleClassifier.Classify("thanks but my order is still missing and nobody helps").Intent);
    }

    [Fact]
    public void Brand_rules_come_first_and_are_named()
    {
        var rules = new[] { new BrandRule("Recall", "recall, airbag", Intent.Complaint) };
        var labels = RuleClassifier.Classify("Is my car part of the airbag recall? great service so far", rules);
        Assert.Equal(Intent.Complaint, labels.Intent);
        Assert.Equal("Recall", labels.MatchedRule);
    }

    [Theory]
    [InlineData("I love this, thank you!", Sentiment.Positive)]
    [InlineData("this is terrible and useless 😡", Sentiment.Negative)]
    [InlineData("not good at all", Sentiment.Negative)]
    [InlineData("my parcel arrives on Tuesday", Sentiment.Neutral)]
    public void Scores_sentiment_with_negation_and_emoji(string text, Sentiment expected) =>
        Assert.Equal(expected, RuleClassifier.Classify(text).Sentiment);

    [Fact]
    public void Urgent_problems_are_high_and_praise_is_low()
    {
        Assert.Equal(Urgency.High, RuleClassifier.Classify("my account was hacked, help me right now").Urgency);
        Assert.Equal(Urgency.Low, RuleClassifier.Classify("thanks, great job").Urgency);
        Assert.Equal(Urgency.Normal, RuleClassifier.Classify("how do I change my delivery address?").Urgency);
    }

    [Theory]
    [InlineData("where is my order? it was due yesterday and the tracking is not working", "en")]
    [InlineData("hola, mi pedido no ha llegado y no es la primera vez", "es")]
    [InlineData("bonjour, je ne peux pas me connecter à mon compte", "fr")]
    [InlineData("ich kann mich nicht einloggen, bitte helfen Sie mir", "de")]
    [InlineData("👍👍", "und")]
    public void Detects_language(string text, string expected) => Assert.Equal(expected, RuleClassifier.Classify(text).Language);

    [Fact]
    public void Personal_data_is_flagged_alongside()
    {
        Assert.True(RuleClassifier.Classify("charged twice on card 4111 1111 1111 1111").PersonalData.HasFlag(PersonalData.PaymentCard));
    }
}

public class RuleClassifierHandleTests
{
    [Fact]
    public void Handles_and_links_are_not_cues()
    {
        // "@AppleSupport" contains "support" and the link contains "help": neither is what the customer said.
        var labels = RuleClassifier.Classify("@AppleSupport see you at https://example.com/help");
        Assert.Equal(Intent.General, labels.Intent);
    }

    [Fact]
    public void An_unhappy_customer_with_a_broken_device_is_a_complaint()
    {
        var labels = RuleClassifier.Classify(
            "@AppleSupport my MacBook won't turn on after the update and nobody in store can help. Unacceptable."
        );
        Assert.Equal(Intent.Complaint, labels.Intent);
        Assert.Equal(Sentiment.Negative, labels.Sentiment);
    }
}
