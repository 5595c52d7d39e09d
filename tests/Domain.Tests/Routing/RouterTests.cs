using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Routing;

namespace Agency.Domain.Tests.Routing;

public class RouterTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid Vip = Guid.NewGuid();
    private static readonly Guid Night = Guid.NewGuid();

    private static RoutingInput Item(
        Department department = Department.Service,
        Intent? intent = Intent.ServiceQuestion,
        string text = "where is my order?",
        int followers = 10,
        int hour = 12,
        PersonalData pii = PersonalData.None,
        Sentiment sentiment = Sentiment.Neutral
    ) =>
        new(
            Network.X,
            department,
            intent,
            sentiment,
            text,
            "en",
            pii,
            followers,
            TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 24, hour, 0, 0, DateTimeKind.Unspecified), London),
            London
        );

    private static RoutingRule Rule(string name, int order, RoutingCondition when, params RoutingAction[] then) =>
        new(Guid.NewGuid(), name, order, when, then);

    [Fact]
    public void A_service_question_on_a_marketing_account_is_forwarded_to_service_by_default()
    {
        var d = Router.Route(Item(Department.Marketing), [], Service);
        Assert.Equal(Service, d.TeamId);
        Assert.True(d.ForwardedFromMarketing);
        Assert.True(d.NotifyOwner);
    }

    [Fact]
    public void Praise_on_a_marketing_account_stays_with_marketing()
    {
        var d = Router.Route(Item(Department.Marketing, Intent.Praise, "love it"), [], Service);
        Assert.Null(d.TeamId);
        Assert.False(d.ForwardedFromMarketing);
    }

    [Fact]
    public void Rules_apply_in_order_and_the_first_match_stops()
    {
        var rules = new[]
        {
            Rule(
                "Influencers",
                2,
                new RoutingCondition { MinFollowers = 10_000 },
                new RoutingAction.RouteToTeam(Vip),
                new RoutingAction.SetPriority(Priority.Urgent)
            ),
            Rule(
                "Complaints",
                1,
                new RoutingCondition { Intents = new HashSet<Intent> { Intent.Complaint } },
                new RoutingAction.SetPriority(Priority.High),
                new RoutingAction.AddTag("complaint")
            ),
        };
        var d = Router.Route(Item(intent: Intent.Complaint, followers: 50_000), rules, Service);
        Assert.Equal(["Complaints"], d.MatchedRules);
        Assert.Equal(Priority.High, d.Priority);
        Assert.Null(d.TeamId);

        var influencer = Router.Route(Item(followers: 50_000), rules, Service);
        Assert.Equal(Vip, influencer.TeamId);
        Assert.Equal(Priority.Urgent, influencer.Priority);
    }

    [Fact]
    public void A_rule_that_does_not_stop_lets_later_rules_add_to_it()
    {
        var rules = new[]
        {
            new RoutingRule(
                Guid.NewGuid(),
                "Tag refunds",
                1,
                new RoutingCondition { KeywordsAny = ["refund"] },
                [new RoutingAction.AddTag("refund")],
                StopAfter: false
            ),
            Rule("Billing team", 2, new RoutingCondition { HasPersonalData = true }, new RoutingAction.RouteToTeam(Vip)),
        };
        var d = Router.Route(Item(text: "Refund to card 4111 1111 1111 1111 please", pii: PersonalData.PaymentCard), rules, Service);
        Assert.Equal(["refund"], d.Tags);
        Assert.Equal(Vip, d.TeamId);
        Assert.Equal(["Tag refunds", "Billing team"], d.MatchedRules);
    }

    [Fact]
    public void Spam_rules_take_an_item_out_of_every_queue()
    {
        var rules = new[]
        {
            Rule("Spam", 1, new RoutingCondition { Intents = new HashSet<Intent> { Intent.Spam } }, new RoutingAction.NoAction()),
        };
        var d = Router.Route(Item(Department.Marketing, Intent.Spam, "free followers"), rules, Service);
        Assert.True(d.NoAction);
        Assert.Null(d.TeamId);
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(3, true)]
    [InlineData(6, false)]
    [InlineData(12, false)]
    public void Time_of_day_windows_run_past_midnight_in_the_brand_s_zone(int hour, bool night)
    {
        var rules = new[]
        {
            Rule(
                "Night desk",
                1,
                new RoutingCondition { FromLocal = new TimeOnly(22, 0), ToLocal = new TimeOnly(6, 0) },
                new RoutingAction.RouteToTeam(Night)
            ),
        };
        Assert.Equal(night, Router.Route(Item(hour: hour), rules, Service).TeamId == Night);
    }

    [Fact]
    public void Regex_and_language_conditions()
    {
        var when = new RoutingCondition
        {
            Regex = @"\border\s*#?\d{5}\b",
            Languages = new HashSet<string> { "en" },
        };
        Assert.True(Router.Matches(when, Item(text: "Order #22817 missing")));
        Assert.False(Router.Matches(when, Item(text: "order missing")));
    }

    [Fact]
    public void Bad_conditions_are_explained()
    {
        Assert.NotNull(new RoutingCondition { Regex = "([" }.Validate());
        Assert.NotNull(new RoutingCondition { FromLocal = new TimeOnly(9, 0) }.Validate());
        Assert.NotNull(new RoutingCondition { MinFollowers = -1 }.Validate());
        Assert.Null(
            new RoutingCondition
            {
                Regex = @"\d+",
                FromLocal = new TimeOnly(9, 0),
                ToLocal = new TimeOnly(17, 0),
            }.Validate()
        );
    }

    [Fact]
    public void High_urgency_starts_at_high_priority()
    {
        var input = Item() with { Urgency = Urgency.High };
        Assert.Equal(Priority.High, Router.Route(input, [], Service).Priority);
    }
}
