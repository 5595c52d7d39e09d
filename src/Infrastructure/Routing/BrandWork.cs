using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Routing;

/// <summary>Everything about one brand that routing, SLA and assignment need, read once per batch.</summary>
public sealed class BrandWork
{
    public required Brand Brand { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required IReadOnlyList<RoutingRule> Rules { get; init; }
    public required IReadOnlyList<SlaPolicy> Policies { get; init; }
    public required BusinessCalendar ServiceCalendar { get; init; }
    public required BusinessCalendar AllHours { get; init; }

    /// <summary>The brand's service team: forwarded and unrouted service work goes here.</summary>
    public Guid? DefaultTeamId { get; init; }
    public required IReadOnlyDictionary<Guid, SavedReply> Replies { get; init; }

    public BusinessCalendar CalendarFor(SlaPolicy policy) => policy.BusinessHoursOnly ? ServiceCalendar : AllHours;

    public SlaPolicy? PolicyById(Guid? id) => id is null ? null : Policies.FirstOrDefault(p => p.Id == id);

    public static async Task<BrandWork> LoadAsync(AgencyDbContext db, CancellationToken ct)
    {
        var brandId = db.Tenant.BrandId ?? throw new InvalidOperationException("Brand work is read inside a brand.");
        var brand = await db.Brands.AsNoTracking().SingleAsync(b => b.Id == brandId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZoneId);
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsEnabled).OrderBy(r => r.Order).ToListAsync(ct);
        var hours = await db.ServiceHours.AsNoTracking().ToListAsync(ct);
        var holidays = await db.BrandHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        // Teams are agency-wide; the brand's default is the first team (by name) that serves it.
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.BrandIds }).ToListAsync(ct);
        return new BrandWork
        {
            Brand = brand,
            Zone = zone,
            Rules = rules.Select(r => r.ToRule()).ToList(),
            Policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct),
            ServiceCalendar = ServiceHours.CalendarOf(zone, hours, holidays),
            AllHours = BusinessCalendar.AlwaysOpen(zone),
            DefaultTeamId = teams.FirstOrDefault(t => t.BrandIds.Contains(brandId))?.Id,
            Replies = await db.SavedReplies.AsNoTracking().ToDictionaryAsync(r => r.Id, ct),
        };
    }
}
