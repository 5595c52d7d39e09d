using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Routing;

/// <summary>What a rule would have done to recent posts: how many it matched, and examples.</summary>
public sealed record RulePreview(
    int Examined,
    int Matched,
    int WouldForward,
    IReadOnlyList<(Post Post, RoutingDecision Decision)> Examples
);

/// <summary>The current brand's routing rules: list, save, reorder, delete, and a dry run over recent posts.</summary>
public sealed class RoutingRuleSettings(IDbContextFactory<AgencyDbContext> dbs)
{
    public const int PreviewPosts = 1000;

    public async Task<List<RoutingRuleDefinition>> RulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
    }

    public async Task<List<(Guid Id, string Name)>> TeamsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brand = db.Tenant.BrandId;
        var teams = await db
            .Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.BrandIds,
            })
            .ToListAsync(ct);
        return teams.Where(t => brand is null || t.BrandIds.Contains(brand.Value)).Select(t => (t.Id, t.Name)).ToList();
    }

    /// <summary>Saves a new or changed rule; a bad regular expression or a rule with nothing to do is refused with the field's message.</summary>
    public async Task<Outcome<RoutingRuleDefinition>> SaveRuleAsync(RoutingRuleDefinition input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        input.Keywords = input.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        input.AddTags = input.AddTags.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (string.IsNullOrWhiteSpace(input.Regex))
            input.Regex = null;
        if (input.Validate().FirstOrDefault() is { Key: { } field, Value: { } message })
            return Outcome<RoutingRuleDefinition>.Invalid(field, message);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.RoutingRules.AnyAsync(r => r.Name == input.Name && r.Id != input.Id, ct))
            return Outcome<RoutingRuleDefinition>.Invalid(nameof(input.Name), "Another rule has this name.");
        if (input.TeamId is { } team && !(await TeamsAsync(ct)).Any(t => t.Id == team))
            return Outcome<RoutingRuleDefinition>.Invalid(nameof(input.TeamId), "Choose a team that serves this brand.");
        var existing = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == input.Id, ct);
        if (existing is null)
        {
            input.Order = (await db.RoutingRules.Select(r => (int?)r.Order).MaxAsync(ct) ?? 0) + 1;
            db.RoutingRules.Add(input);
        }
        else
        {
            input.Order = existing.Order;
            input.AgencyId = existing.AgencyId;
            input.BrandId = existing.BrandId;
            db.Entry(existing).CurrentValues.SetValues(input);
            existing.Networks = input.Networks;
            existing.Departments = input.Departments;
            existing.Intents = input.Intents;
            existing.Sentiments = input.Sentiments;
            existing.Keywords = input.Keywords;
            existing.Languages = input.Languages;
            existing.AddTags = input.AddTags;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<RoutingRuleDefinition>.Success(existing ?? input);
    }

    public Task DeleteRuleAsync(Guid id, CancellationToken ct = default) => dbs.DeleteRowAsync(db => db.RoutingRules, id, ct);

    public async Task MoveRuleAsync(Guid id, bool up, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        if (Domain.Common.Ordering.Move(rules, r => r.Id, id, up, (r, order) => r.Order = order))
            await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs the rule, on its own, over the brand's last 1,000 customer posts: nothing is changed.</summary>
    public async Task<Outcome<RulePreview>> PreviewAsync(RoutingRuleDefinition rule, CancellationToken ct = default)
    {
        if (rule.ToCondition().Validate() is { } problem)
            return Outcome<RulePreview>.Invalid(nameof(rule.Regex), problem);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brand = await db.Brands.AsNoTracking().SingleAsync(b => b.Id == db.Tenant.BrandId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZoneId);
        var departments = await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Network, a.Department), ct);
        var posts = await db
            .Posts.AsNoTracking()
            .Where(p => p.Direction == Direction.Inbound)
            .OrderByDescending(p => p.CreatedAt)
            .Take(PreviewPosts)
            .ToListAsync(ct);
        var asRule = rule.ToRule() with { Order = 0 };
        var defaultTeam = (await TeamsAsync(ct)).Select(t => (Guid?)t.Id).FirstOrDefault(); // as routing does: the brand's service team
        int matched = 0,
            forward = 0;
        var examples = new List<(Post, RoutingDecision)>();
        foreach (var p in posts)
        {
            var (network, department) = departments[p.ChannelAccountId];
            var input = new RoutingInput(
                network,
                department,
                p.Intent,
                p.Sentiment,
                p.Text,
                p.Language,
                p.PersonalData,
                p.AuthorFollowers,
                p.CreatedAt,
                zone,
                p.Urgency
            );
            if (!Router.Matches(asRule.When, input))
                continue;
            matched++;
            var decision = Router.Route(input, [asRule], defaultTeam);
            if (decision.ForwardedFromMarketing)
                forward++;
            if (examples.Count < 8)
                examples.Add((p, decision));
        }
        return Outcome<RulePreview>.Success(new RulePreview(posts.Count, matched, forward, examples));
    }
}
