using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Shifts;

public sealed record MyShiftsView(TimeZoneInfo Zone, Guid? StaffId, List<Shift> Shifts, List<TimeOff> Requests, PreferredHours? Preferred);

/// <summary>The signed-in person's published shifts for four weeks, their time-off requests and preferred hours, in the agency's zone.</summary>
public sealed class ReadMyShifts(IDbContextFactory<AgencyDbContext> dbs, ShiftBook book, TenantContext tenant)
{
    public const int DaysAhead = 28;

    public async Task<MyShiftsView> HandleAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var zone = await book.ZoneAsync(db, ct);
        var userId = tenant.Current.UserId;
        var staffId = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (staffId is null)
            return new MyShiftsView(zone, null, [], [], null);
        var shifts = await db
            .Shifts.AsNoTracking()
            .Where(s => s.StaffMemberId == staffId && s.IsPublished && s.EndsAt > nowUtc && s.StartsAt < nowUtc.AddDays(DaysAhead))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
        var requests = await db
            .TimeOff.AsNoTracking()
            .Where(t => t.StaffMemberId == staffId && t.EndsAt > nowUtc)
            .OrderBy(t => t.StartsAt)
            .ToListAsync(ct);
        var preferred = (await db.WorkContracts.AsNoTracking().SingleOrDefaultAsync(c => c.StaffMemberId == staffId, ct))?.Preferred;
        return new MyShiftsView(zone, staffId, shifts, requests, preferred);
    }
}
