using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Shifts;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Shifts;

/// <summary>The agency's published shifts and time-off requests, entered and shown in the agency's home zone.</summary>
public sealed class ShiftDesk(
    IDbContextFactory<AgencyDbContext> dbs,
    Agency.Infrastructure.Shifts.ShiftBook shifts,
    Agency.Infrastructure.Tenancy.TenantContext tenant,
    TimeProvider clock
)
{
    public sealed record ShiftRow(Shift Shift, string StaffName);

    public async Task<(List<ShiftRow> Shifts, List<StaffMember> Staff)> ShiftsAsync(
        DateTime fromUtc,
        DateTime toUtc,
        CancellationToken ct = default
    )
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        var names = staff.ToDictionary(s => s.Id, s => s.Name);
        var shifts = await db
            .Shifts.AsNoTracking()
            .Where(s => s.IsPublished && s.EndsAt > fromUtc && s.StartsAt < toUtc)
            .OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
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
        return (
            await db.TimeOff.AsNoTracking().Where(t => t.EndsAt > fromUtc).OrderBy(t => t.Status).ThenBy(t => t.StartsAt).ToListAsync(ct)
        )
            .Select(t => new TimeOffRow(t, names.GetValueOrDefault(t.StaffMemberId, "(left)")))
            .ToList();
    }

    public Task<Agency.Infrastructure.Conversations.WorkResult> DecideTimeOffAsync(Guid id, bool approve, CancellationToken ct = default) =>
        shifts.DecideTimeOffAsync(tenant.Current, id, approve, ct);

    public Task DeleteShiftAsync(Guid id, CancellationToken ct = default) => dbs.DeleteRowAsync(db => db.Shifts, id, ct);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Shifts are entered and shown in the agency's home time zone.</summary>
    public async Task<TimeZoneInfo> AgencyZoneAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await shifts.ZoneAsync(db, ct);
    }
}
