using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Routing;

namespace Agency.Domain.Tests.Routing;

public class AssignmentTests
{
    private static AssignmentCandidate Person(
        string name,
        int open = 0,
        bool onShift = true,
        bool serves = true,
        Network[]? channels = null,
        string[]? languages = null,
        int capacity = 5,
        DateTime? last = null
    ) => new(Guid.NewGuid(), name, onShift, serves, channels ?? [Network.X], languages ?? ["en"], open, capacity, last);

    [Fact]
    public void Picks_the_least_loaded_person_on_shift_then_the_longest_idle()
    {
        var busy = Person("Busy", open: 3);
        var idleLong = Person("Idle long", open: 1, last: new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc));
        var idleShort = Person("Idle short", open: 1, last: new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal("Idle long", Assignment.Pick([busy, idleShort, idleLong], Network.X, "en")?.Name);
    }

    [Theory]
    [InlineData("off shift", "not on shift")]
    [InlineData("other brand", "does not serve this brand")]
    [InlineData("facebook only", "does not work X / Twitter")]
    [InlineData("spanish only", "does not speak 'en'")]
    [InlineData("full", "at capacity (5/5)")]
    public void Nobody_ineligible_is_picked_and_the_reason_is_given(string who, string reason)
    {
        var c = who switch
        {
            "off shift" => Person(who, onShift: false),
            "other brand" => Person(who, serves: false),
            "facebook only" => Person(who, channels: [Network.Facebook]),
            "spanish only" => Person(who, languages: ["es"]),
            _ => Person(who, open: 5),
        };
        Assert.Null(Assignment.Pick([c], Network.X, "en"));
        Assert.Equal(reason, Assignment.WhyNot(c, Network.X, "en"));
    }

    [Theory]
    [InlineData("und")]
    [InlineData("UND")]
    [InlineData(null)]
    public void A_post_in_no_determined_language_can_go_to_anyone_who_otherwise_fits(string? language)
    {
        var spanish = Person("spanish only", languages: ["es"]);
        Assert.Equal("spanish only", Assignment.Pick([spanish], Network.X, language)?.Name);
        Assert.Null(Assignment.WhyNot(spanish, Network.X, language));
    }

    [Fact]
    public void A_stored_rule_becomes_the_router_s_rule_and_is_validated_before_saving()
    {
        var team = Guid.NewGuid();
        var rule = new RoutingRuleDefinition
        {
            Name = "Angry flyers",
            Intents = [Intent.Complaint],
            Sentiments = [Sentiment.Negative],
            TeamId = team,
            SetPriority = Priority.High,
            AddTags = ["angry"],
        };
        Assert.Empty(rule.Validate());
        var input = new RoutingInput(
            Network.X,
            Department.Service,
            Intent.Complaint,
            Sentiment.Negative,
            "worst airline",
            "en",
            PersonalData.None,
            10,
            DateTime.UtcNow,
            TimeZoneInfo.Utc
        );
        var decision = Router.Route(input, [rule.ToRule()], null);
        Assert.Equal((team, Priority.High), (decision.TeamId, decision.Priority));
        Assert.Equal(["angry"], decision.Tags);

        Assert.Contains(
            nameof(RoutingRuleDefinition.Regex),
            new RoutingRuleDefinition
            {
                Name = "Bad",
                Regex = "(unclosed",
                TeamId = team,
            }
                .Validate()
                .Keys
        );
        Assert.Contains(
            nameof(RoutingRuleDefinition.TeamId),
            new RoutingRuleDefinition { Name = "Nothing to do" }
                .Validate()
                .Keys
        );
        Assert.Contains(
            nameof(RoutingRuleDefinition.NoAction),
            new RoutingRuleDefinition
            {
                Name = "Both",
                NoAction = true,
                TeamId = team,
            }
                .Validate()
                .Keys
        );
    }
}
