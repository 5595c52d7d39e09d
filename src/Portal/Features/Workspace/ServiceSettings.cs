using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Workspace;

/// <summary>What a rule would have done to recent posts: how many it matched, and examples.</summary>
public sealed record RulePreview(int Examined, int Matched, int WouldForward, IReadOnlyList<(Post Post, RoutingDecision Decision)> Examples);

/// <summary>The current brand's routing rules, SLA policies, service hours and saved replies; and the agency's shifts.</summary>
public sealed class ServiceSettings(IDbContextFactory<AgencyDbContext> dbs, Agency.Infrastructure.Work.ShiftBook shifts, Agency.Infrastructure.Tenancy.TenantContext tenant, TimeProvider clock)
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
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.BrandIds }).ToListAsync(ct);
        return teams.Where(t => brand is null || t.BrandIds.Contains(brand.Value)).Select(t => (t.Id, t.Name)).ToList();
    }

    /// <summary>Saves a new or changed rule; a bad regular expression or a rule with nothing to do is refused with the field's message.</summary>
    public async Task<Outcome<RoutingRuleDefinition>> SaveRuleAsync(RoutingRuleDefinition input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        input.Keywords = input.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        input.AddTags = input.AddTags.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (string.IsNullOrWhiteSpace(input.Regex)) input.Regex = null;
        if (input.Validate().FirstOrDefault() is { Key: { } field, Value: { } message }) return Outcome<RoutingRuleDefinition>.Invalid(field, message);

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
            existing.Networks = input.Networks; existing.Departments = input.Departments; existing.Intents = input.Intents;
            existing.Sentiments = input.Sentiments; existing.Keywords = input.Keywords; existing.Languages = input.Languages; existing.AddTags = input.AddTags;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<RoutingRuleDefinition>.Success(existing ?? input);
    }

    public Task DeleteRuleAsync(Guid id, CancellationToken ct = default) => DeleteAsync(db => db.RoutingRules, id, ct);

    public async Task MoveRuleAsync(Guid id, bool up, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        if (Domain.Common.Ordering.Move(rules, r => r.Id, id, up, (r, order) => r.Order = order)) await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs the rule, on its own, over the brand's last 1,000 customer posts: nothing is changed.</summary>
    public async Task<Outcome<RulePreview>> PreviewAsync(RoutingRuleDefinition rule, CancellationToken ct = default)
    {
        if (rule.ToCondition().Validate() is { } problem) return Outcome<RulePreview>.Invalid(nameof(rule.Regex), problem);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brand = await db.Brands.AsNoTracking().SingleAsync(b => b.Id == db.Tenant.BrandId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZoneId);
        var departments = await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Network, a.Department), ct);
        var posts = await db.Posts.AsNoTracking().Where(p => p.Direction == Direction.Inbound)
            .OrderByDescending(p => p.CreatedAt).Take(PreviewPosts).ToListAsync(ct);
        var asRule = rule.ToRule() with { Order = 0 };
        var defaultTeam = (await TeamsAsync(ct)).Select(t => (Guid?)t.Id).FirstOrDefault(); // as routing does: the brand's service team
        int matched = 0, forward = 0;
        var examples = new List<(Post, RoutingDecision)>();
        foreach (var p in posts)
        {
            var (network, department) = departments[p.ChannelAccountId];
            var input = new RoutingInput(network, department, p.Intent, p.Sentiment, p.Text, p.Language, p.PersonalData, p.AuthorFollowers, p.CreatedAt, zone, p.Urgency);
            if (!Router.Matches(asRule.When, input)) continue;
            matched++;
            var decision = Router.Route(input, [asRule], defaultTeam);
            if (decision.ForwardedFromMarketing) forward++;
            if (examples.Count < 8) examples.Add((p, decision));
        }
        return Outcome<RulePreview>.Success(new RulePreview(posts.Count, matched, forward, examples));
    }

    // --- SLA policies and service hours ---

    public async Task<(List<SlaPolicy> Policies, List<ServiceHours> Hours)> SlaAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct),
                (await db.ServiceHours.AsNoTracking().ToListAsync(ct)).OrderBy(h => h.Day).ThenBy(h => h.Start).ToList()); // SQLite cannot order by TimeSpan
    }

    public async Task<Outcome<SlaPolicy>> SavePolicyAsync(SlaPolicy input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        if (input.Validate() is { } problem)
            return Outcome<SlaPolicy>.Invalid(problem.StartsWith("Name", StringComparison.Ordinal) ? nameof(input.Name) : problem.Contains("Warn", StringComparison.Ordinal) ? nameof(input.WarnAtShare) : nameof(input.FirstResponseMinutes), problem);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SlaPolicies.AnyAsync(p => p.Name == input.Name && p.Id != input.Id, ct)) return Outcome<SlaPolicy>.Invalid(nameof(input.Name), "Another policy has this name.");
        if (await db.SlaPolicies.AnyAsync(p => p.Id != input.Id && p.Network == input.Network && p.Intent == input.Intent && p.Priority == input.Priority, ct))
            return Outcome<SlaPolicy>.Invalid(nameof(input.Network), "Another policy already covers exactly this network, intent and priority.");
        db.SlaPolicies.Add(input);
        await db.SaveChangesAsync(ct);
        return Outcome<SlaPolicy>.Success(input);
    }

    public Task DeletePolicyAsync(Guid id, CancellationToken ct = default) => DeleteAsync(db => db.SlaPolicies, id, ct);

    /// <summary>Replaces the hours of one weekday from text such as "08:00-12:00, 13:00-20:00" (empty = closed).</summary>
    public async Task<Outcome<bool>> SetHoursAsync(DayOfWeek day, string text, CancellationToken ct = default)
    {
        var intervals = new List<OpeningInterval>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end) || !new OpeningInterval(start, end).IsValid)
                return Outcome<bool>.Invalid(day.ToString(), $"'{part}' is not an interval like 09:00-17:30 (end after start, at most 24:00).");
            intervals.Add(new OpeningInterval(start, end));
        }
        var sorted = intervals.OrderBy(i => i.Start).ToList();
        for (var k = 1; k < sorted.Count; k++)
            if (sorted[k].Start < sorted[k - 1].End) return Outcome<bool>.Invalid(day.ToString(), "The intervals overlap.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ServiceHours.RemoveRange(await db.ServiceHours.Where(h => h.Day == day).ToListAsync(ct));
        db.ServiceHours.AddRange(sorted.Select(i => new ServiceHours { Day = day, Start = i.Start, End = i.End }));
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }

    private static bool TryTime(string s, out TimeSpan t)
    {
        if (s == "24:00") { t = TimeSpan.FromHours(24); return true; }
        return TimeSpan.TryParseExact(s, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out t) && t < TimeSpan.FromHours(24);
    }

    // --- saved replies ---

    public async Task<List<SavedReply>> RepliesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SavedReplies.AsNoTracking().OrderBy(r => r.Purpose).ThenBy(r => r.Title).ToListAsync(ct);
    }

    public async Task<Outcome<SavedReply>> AddReplyAsync(SavedReply input, CancellationToken ct = default)
    {
        input.Title = input.Title.Trim();
        input.Text = input.Text.Trim();
        if (SavedReply.Validate(input.Title, input.Text) is { } problem)
            return Outcome<SavedReply>.Invalid(problem.Contains("title", StringComparison.Ordinal) ? nameof(input.Title) : nameof(input.Text), problem);
        // Templates that go out in public unedited must fit the network's public limit.
        if (input.Network is { } n && input.Purpose != SavedReplyPurpose.Reply && ReplyLimits.Check(n, false, input.Text) is { } tooLong)
            return Outcome<SavedReply>.Invalid(nameof(input.Text), tooLong);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SavedReplies.AnyAsync(r => r.Title == input.Title, ct)) return Outcome<SavedReply>.Invalid(nameof(input.Title), "Another saved reply has this title.");
        db.SavedReplies.Add(input);
        await db.SaveChangesAsync(ct);
        return Outcome<SavedReply>.Success(input);
    }

    public Task DeleteReplyAsync(Guid id, CancellationToken ct = default) => DeleteAsync(db => db.SavedReplies, id, ct);

    // --- shifts (agency-wide) ---

    public sealed record ShiftRow(Shift Shift, string StaffName);

    public async Task<(List<ShiftRow> Shifts, List<StaffMember> Staff)> ShiftsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        var names = staff.ToDictionary(s => s.Id, s => s.Name);
        var shifts = await db.Shifts.AsNoTracking().Where(s => s.IsPublished && s.EndsAt > fromUtc && s.StartsAt < toUtc).OrderBy(s => s.StartsAt).ToListAsync(ct);
        return (shifts.Select(s => new ShiftRow(s, names.GetValueOrDefault(s.StaffMemberId, "(left)"))).ToList(), staff);
    }

    public async Task<Outcome<Shift>> AddShiftAsync(Guid? staffId, DateTime? startsAt, DateTime? endsAt, CancellationToken ct = default)
    {
        var result = await shifts.AddShiftAsync(tenant.Current, staffId, startsAt, endsAt, ct);
        return result.Ok ? Outcome<Shift>.Success(new Shift()) : Outcome<Shift>.Invalid(result.Field ?? "", result.Error ?? "Not saved.");
    }

    public sealed record TimeOffRow(TimeOff Request, string StaffName);

    public async Task<List<TimeOffRow>> TimeOffAsync(DateTime fromUtc, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return (await db.TimeOff.AsNoTracking().Where(t => t.EndsAt > fromUtc).OrderBy(t => t.Status).ThenBy(t => t.StartsAt).ToListAsync(ct))
            .Select(t => new TimeOffRow(t, names.GetValueOrDefault(t.StaffMemberId, "(left)"))).ToList();
    }

    public Task<Agency.Infrastructure.Work.WorkResult> DecideTimeOffAsync(Guid id, bool approve, CancellationToken ct = default) => shifts.DecideTimeOffAsync(tenant.Current, id, approve, ct);

    public Task DeleteShiftAsync(Guid id, CancellationToken ct = default) => DeleteAsync(db => db.Shifts, id, ct);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Deletes one row of the current tenant (the filters make another tenant's id simply not found).
    private async Task DeleteAsync<T>(Func<AgencyDbContext, DbSet<T>> set, Guid id, CancellationToken ct) where T : class, Domain.Common.IAudited
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await set(db).SingleOrDefaultAsync(x => x.Id == id, ct) is { } row)
        {
            set(db).Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Shifts are entered and shown in the agency's home time zone.</summary>
    public async Task<TimeZoneInfo> AgencyZoneAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await shifts.ZoneAsync(db, ct);
    }
}
