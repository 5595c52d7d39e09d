using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Common;

namespace Agency.Domain.Routing;

/// <summary>A brand's routing rule as people edit and store it; <see cref="ToRule"/> gives the router's form.</summary>
public class RoutingRuleDefinition : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public bool IsEnabled { get; set; } = true;
    public bool StopAfter { get; set; } = true;

    // Conditions (empty = any).
    public List<Network> Networks { get; set; } = [];
    public List<Department> Departments { get; set; } = [];
    public List<Intent> Intents { get; set; } = [];
    public List<Sentiment> Sentiments { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public string? Regex { get; set; }
    public List<string> Languages { get; set; } = [];
    public bool? HasPersonalData { get; set; }
    public int? MinFollowers { get; set; }
    public TimeOnly? FromLocal { get; set; }
    public TimeOnly? ToLocal { get; set; }

    // Actions.
    public Guid? TeamId { get; set; }
    public Priority? SetPriority { get; set; }
    public List<string> AddTags { get; set; } = [];
    public Guid? AutoReplyId { get; set; }
    public bool NotifyOwner { get; set; }
    public bool NoAction { get; set; }

    public RoutingCondition ToCondition() =>
        new()
        {
            Networks = Networks.Count == 0 ? null : Networks.ToHashSet(),
            Departments = Departments.Count == 0 ? null : Departments.ToHashSet(),
            Intents = Intents.Count == 0 ? null : Intents.ToHashSet(),
            Sentiments = Sentiments.Count == 0 ? null : Sentiments.ToHashSet(),
            KeywordsAny = Keywords.Count == 0 ? null : Keywords,
            Regex = string.IsNullOrWhiteSpace(Regex) ? null : Regex,
            Languages = Languages.Count == 0 ? null : Languages.ToHashSet(StringComparer.OrdinalIgnoreCase),
            HasPersonalData = HasPersonalData,
            MinFollowers = MinFollowers,
            FromLocal = FromLocal,
            ToLocal = ToLocal,
        };

    public IReadOnlyList<RoutingAction> ToActions()
    {
        {
            var actions = new List<RoutingAction>();
            if (TeamId is { } team)
                actions.Add(new RoutingAction.RouteToTeam(team));
            if (SetPriority is { } p)
                actions.Add(new RoutingAction.SetPriority(p));
            actions.AddRange(AddTags.Select(t => new RoutingAction.AddTag(t)));
            if (AutoReplyId is { } reply)
                actions.Add(new RoutingAction.AutoAcknowledge(reply));
            if (NotifyOwner)
                actions.Add(new RoutingAction.NotifyAccountOwner());
            if (NoAction)
                actions.Add(new RoutingAction.NoAction());
            return actions;
        }
    }

    public RoutingRule ToRule() => new(Id, Name, Order, ToCondition(), ToActions(), StopAfter);

    /// <summary>Problems that stop the rule from being saved, by field; empty when it can be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 120)
            problems[nameof(Name)] = "Name the rule (at most 120 characters).";
        if (ToCondition().Validate() is { } c)
            problems[
                c.Contains("regular expression", StringComparison.Ordinal) ? nameof(Regex)
                : c.Contains("window", StringComparison.Ordinal) ? nameof(FromLocal)
                : nameof(MinFollowers)
            ] = c;
        if (ToActions().Count == 0)
            problems[nameof(TeamId)] = "Choose at least one action.";
        if (NoAction && (TeamId is not null || AutoReplyId is not null))
            problems[nameof(NoAction)] = "'No action' cannot also route to a team or acknowledge.";
        if (AddTags.Any(t => t.Length > 40))
            problems[nameof(AddTags)] = "Tags are at most 40 characters.";
        return problems;
    }
}
