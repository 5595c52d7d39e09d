using System.Text.RegularExpressions;
using Agency.Domain.Channels;
using Agency.Domain.Classification;

namespace Agency.Domain.Routing;

public enum Priority
{
    Low = 1,
    Normal = 2,
    High = 3,
    Urgent = 4,
}

/// <summary>What a rule does when it matches.</summary>
public abstract record RoutingAction
{
    public sealed record RouteToTeam(Guid TeamId) : RoutingAction;

    public sealed record SetPriority(Priority Priority) : RoutingAction;

    public sealed record AddTag(string Tag) : RoutingAction;

    public sealed record AutoAcknowledge(Guid SavedReplyId) : RoutingAction;

    public sealed record NotifyAccountOwner : RoutingAction;

    /// <summary>Spam or nothing to answer: no queue, no SLA clock.</summary>
    public sealed record NoAction : RoutingAction;
}

/// <summary>
/// When a rule applies. Every condition that is set must hold; unset ones match anything. Times of
/// day are in the brand's time zone, from <see cref="FromLocal"/> up to (not including) <see cref="ToLocal"/>;
/// a window may run past midnight (22:00-06:00).
/// </summary>
public sealed record RoutingCondition
{
    public IReadOnlySet<Network>? Networks { get; init; }
    public IReadOnlySet<Department>? Departments { get; init; }
    public IReadOnlySet<Intent>? Intents { get; init; }
    public IReadOnlySet<Sentiment>? Sentiments { get; init; }
    public IReadOnlyList<string>? KeywordsAny { get; init; }
    public string? Regex { get; init; }
    public IReadOnlySet<string>? Languages { get; init; }
    public bool? HasPersonalData { get; init; }
    public int? MinFollowers { get; init; }
    public TimeOnly? FromLocal { get; init; }
    public TimeOnly? ToLocal { get; init; }

    /// <summary>A condition's regular expression must compile and answer quickly; null when it is fine.</summary>
    public string? Validate()
    {
        if (Regex is not null && PersonalDataDetector.ValidatePattern(Regex) is { } problem)
            return $"The regular expression cannot be used: {problem}";
        if ((FromLocal is null) != (ToLocal is null))
            return "A time-of-day window needs both a start and an end.";
        if (FromLocal is { } f && ToLocal is { } t && f == t)
            return "A time-of-day window cannot start and end at the same time.";
        if (MinFollowers is < 0)
            return "The follower count cannot be negative.";
        return null;
    }
}

public sealed record RoutingRule(
    Guid Id,
    string Name,
    int Order,
    RoutingCondition When,
    IReadOnlyList<RoutingAction> Then,
    bool StopAfter = true
);

/// <summary>What the router needs to know about an inbound item.</summary>
public sealed record RoutingInput(
    Network Network,
    Department Department,
    Intent? Intent,
    Sentiment? Sentiment,
    string Text,
    string? Language,
    PersonalData PersonalData,
    int? AuthorFollowers,
    DateTime CreatedAtUtc,
    TimeZoneInfo BrandZone,
    Urgency? Urgency = null
);

/// <summary>The outcome of routing, with the rules that produced it (shown to people, so routing is explainable).</summary>
public sealed record RoutingDecision(
    Guid? TeamId,
    Priority Priority,
    IReadOnlyList<string> Tags,
    Guid? AutoReplyId,
    bool NotifyOwner,
    bool NoAction,
    bool ForwardedFromMarketing,
    IReadOnlyList<string> MatchedRules
);

/// <summary>
/// Applies a brand's ordered routing rules to an inbound item. A service question or complaint on a
/// marketing-owned account that no rule sent to a team is forwarded to the brand's service team by
/// default, so it cannot get lost where nobody answers service.
/// </summary>
public static class Router
{
    public static RoutingDecision Route(RoutingInput input, IEnumerable<RoutingRule> rules, Guid? defaultServiceTeam)
    {
        Guid? team = null;
        var priority = input.Urgency == Urgency.High ? Priority.High : Priority.Normal;
        var tags = new List<string>();
        Guid? autoReply = null;
        bool notify = false,
            noAction = false;
        var matched = new List<string>();

        foreach (var rule in rules.OrderBy(r => r.Order))
        {
            if (!Matches(rule.When, input))
                continue;
            matched.Add(rule.Name);
            foreach (var action in rule.Then)
            {
                switch (action)
                {
                    case RoutingAction.RouteToTeam r:
                        team ??= r.TeamId;
                        break;
                    case RoutingAction.SetPriority p:
                        priority = p.Priority;
                        break;
                    case RoutingAction.AddTag t when !tags.Contains(t.Tag, StringComparer.OrdinalIgnoreCase):
                        tags.Add(t.Tag);
                        break;
                    case RoutingAction.AutoAcknowledge a:
                        autoReply ??= a.SavedReplyId;
                        break;
                    case RoutingAction.NotifyAccountOwner:
                        notify = true;
                        break;
                    case RoutingAction.NoAction:
                        noAction = true;
                        break;
                }
            }
            if (rule.StopAfter)
                break;
        }

        var needsService = input.Intent is { } intent && IntentNames.NeedsService(intent);
        var forwarded = false;
        if (!noAction && team is null && needsService && input.Department == Department.Marketing && defaultServiceTeam is { } service)
        {
            team = service;
            forwarded = true;
            notify = true; // the marketing owner sees what became of it
        }
        else if (team is not null && input.Department == Department.Marketing && needsService)
        {
            forwarded = true;
        }
        if (noAction)
        {
            team = null;
            autoReply = null;
            forwarded = false;
        }
        return new RoutingDecision(team, priority, tags, autoReply, notify, noAction, forwarded, matched);
    }

    public static bool Matches(RoutingCondition c, RoutingInput i)
    {
        if (c.Networks is { Count: > 0 } n && !n.Contains(i.Network))
            return false;
        if (c.Departments is { Count: > 0 } d && !d.Contains(i.Department))
            return false;
        if (c.Intents is { Count: > 0 } intents && (i.Intent is null || !intents.Contains(i.Intent.Value)))
            return false;
        if (c.Sentiments is { Count: > 0 } s && (i.Sentiment is null || !s.Contains(i.Sentiment.Value)))
            return false;
        if (c.Languages is { Count: > 0 } l && (i.Language is null || !l.Contains(i.Language)))
            return false;
        if (c.HasPersonalData is { } pd && pd != (i.PersonalData != PersonalData.None))
            return false;
        if (c.MinFollowers is { } min && (i.AuthorFollowers ?? 0) < min)
            return false;
        if (c.KeywordsAny is { Count: > 0 } keywords && !keywords.Any(k => i.Text.Contains(k, StringComparison.OrdinalIgnoreCase)))
            return false;
        if (
            c.Regex is { } pattern
            && !System.Text.RegularExpressions.Regex.IsMatch(
                i.Text,
                pattern,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromMilliseconds(50)
            )
        )
            return false;
        if (c.FromLocal is { } from && c.ToLocal is { } to)
        {
            var local = TimeOnly.FromDateTime(
                TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(i.CreatedAtUtc, DateTimeKind.Utc), i.BrandZone)
            );
            var inside = from < to ? local >= from && local < to : local >= from || local < to;
            if (!inside)
                return false;
        }
        return true;
    }
}
