using Agency.Domain.Calendars;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Calendars;

/// <summary>The current brand's marketing calendar: events that move service volume, used by the forecasts.</summary>
public sealed class MarketingCalendar(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock)
{
    public async Task<List<MarketingEvent>> EventsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MarketingEvents.AsNoTracking().OrderByDescending(e => e.FirstDay).ToListAsync(ct);
    }

    public async Task<Outcome<MarketingEvent>> AddAsync(
        string? name,
        MarketingEventKind kind,
        DateOnly? first,
        DateOnly? last,
        double? upliftPercent,
        CancellationToken ct = default
    )
    {
        var uplift = upliftPercent is { } pct ? 1 + pct / 100 : (double?)null;
        if (MarketingEvent.Validate(name, first, last, uplift).FirstOrDefault() is { Key: { } field, Value: { } message })
            return Outcome<MarketingEvent>.Invalid(field == nameof(MarketingEvent.ExpectedUplift) ? "Uplift" : field, message);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = new MarketingEvent
        {
            Name = name!.Trim(),
            Kind = kind,
            FirstDay = first!.Value,
            LastDay = last!.Value,
            ExpectedUplift = uplift,
            CreatedBy = db.Tenant.UserName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MarketingEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return Outcome<MarketingEvent>.Success(e);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.MarketingEvents.SingleOrDefaultAsync(e => e.Id == id, ct) is not { } e)
            return;
        db.MarketingEvents.Remove(e);
        await db.SaveChangesAsync(ct);
    }

    public static string Describe(MarketingEventKind kind) =>
        kind switch
        {
            MarketingEventKind.Recall => "Product recall",
            _ => kind.ToString(),
        };
}
