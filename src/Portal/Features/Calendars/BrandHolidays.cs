using Agency.Domain.Calendars;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Calendars;

/// <summary>Adds a holiday to the current brand's service calendar.</summary>
public sealed class AddBrandHoliday(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<Outcome<BrandHoliday>> HandleAsync(DateOnly? date, string? name, CancellationToken ct = default)
    {
        if (date is null)
            return Outcome<BrandHoliday>.Invalid("Date", "Choose the date.");
        if (!BrandHoliday.IsValidName(name))
            return Outcome<BrandHoliday>.Invalid("Name", "Name the holiday (at most 120 characters).");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.BrandHolidays.AnyAsync(h => h.Date == date, ct))
            return Outcome<BrandHoliday>.Invalid("Date", $"{date:yyyy-MM-dd} is already a holiday of this brand.");
        var holiday = new BrandHoliday { Date = date.Value, Name = name!.Trim() };
        db.BrandHolidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return Outcome<BrandHoliday>.Success(holiday);
    }
}

/// <summary>Removes a holiday from the current brand's calendar.</summary>
public sealed class RemoveBrandHoliday(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<bool> HandleAsync(Guid holidayId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var holiday = await db.BrandHolidays.SingleOrDefaultAsync(h => h.Id == holidayId, ct);
        if (holiday is null)
            return false;
        db.BrandHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>A brand's holidays, by date.</summary>
public sealed class ListBrandHolidays(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<BrandHoliday>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.BrandHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
    }
}
