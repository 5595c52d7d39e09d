using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Work;

/// <summary>
/// Shifts entered by hand, time off and contracts, inside one agency. A shift that breaks a labour
/// rule of the person's contract (length, rest, weekly hours, days in a row, weekends, approved time
/// off, overlap) is refused with every reason.
/// </summary>
public sealed class ShiftBook(DatabaseSetup database, TimeProvider clock)
{
    public async Task<TimeZoneInfo> ZoneAsync(AgencyDbContext db, CancellationToken ct)
    {
        var id = await db.Agencies.AsNoTracking().Where(a => a.Id == db.Tenant.AgencyId).Select(a => a.DefaultTimeZone).SingleOrDefaultAsync(ct);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public async Task<WorkResult> AddShiftAsync(TenantScope agency, Guid? staffId, DateTime? startsAt, DateTime? endsAt, CancellationToken ct = default)
    {
        if (staffId is null) return WorkResult.Invalid("StaffId", "Choose who works the shift.");
        if (startsAt is not { } start) return WorkResult.Invalid("Start", "Enter when the shift starts.");
        if (endsAt is not { } end) return WorkResult.Invalid("End", "Enter when the shift ends.");
        if (Shift.Validate(start, end) is { } problem) return WorkResult.Invalid("End", problem);
        await using var db = database.Create(agency);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == staffId && s.IsActive, ct)) return WorkResult.Invalid("StaffId", "Choose an active member of staff.");
        var contract = await db.WorkContracts.AsNoTracking().SingleOrDefaultAsync(c => c.StaffMemberId == staffId, ct) ?? WorkContract.Default(staffId.Value);
        // Four weeks either side cover every rule (weekends in four weeks, runs of days, rest, the week).
        var from = start.AddDays(-28);
        var to = end.AddDays(28);
        var others = (await db.Shifts.AsNoTracking().Where(s => s.StaffMemberId == staffId && s.EndsAt > from && s.StartsAt < to)
            .Select(s => new { s.StartsAt, s.EndsAt }).ToListAsync(ct)).Select(s => (s.StartsAt, s.EndsAt)).ToList();
        var timeOff = await db.TimeOff.AsNoTracking().Where(t => t.StaffMemberId == staffId && t.EndsAt > from && t.StartsAt < to).ToListAsync(ct);
        var broken = LabourRules.Check(contract, start, end, others, timeOff, await ZoneAsync(db, ct));
        if (broken.Count > 0) return WorkResult.Invalid("Start", string.Join(" ", broken));
        db.Shifts.Add(new Shift { StaffMemberId = staffId.Value, StartsAt = start, EndsAt = end, Source = ShiftSource.Manual });
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    public async Task<WorkResult> RequestTimeOffAsync(TenantScope agency, Guid staffId, DateTime? startsAt, DateTime? endsAt, string? reason, CancellationToken ct = default)
    {
        if (startsAt is not { } start || endsAt is not { } end) return WorkResult.Invalid("Start", "Enter the first and the last day.");
        if (end <= start) return WorkResult.Invalid("End", "The time off must end after it starts.");
        if (end - start > TimeSpan.FromDays(60)) return WorkResult.Invalid("End", "Ask for at most 60 days at a time.");
        if (start < clock.GetUtcNow().UtcDateTime.Date) return WorkResult.Invalid("Start", "Time off cannot start in the past.");
        if (reason?.Length > 300) return WorkResult.Invalid("Reason", "At most 300 characters.");
        await using var db = database.Create(agency);
        if (await db.TimeOff.AnyAsync(t => t.StaffMemberId == staffId && t.Status != TimeOffStatus.Rejected && t.StartsAt < end && start < t.EndsAt, ct))
            return WorkResult.Invalid("Start", "You already asked for time off that overlaps these days.");
        db.TimeOff.Add(new TimeOff { StaffMemberId = staffId, StartsAt = start, EndsAt = end, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    /// <summary>Approving time off that collides with shifts already planned is refused until those shifts are moved.</summary>
    public async Task<WorkResult> DecideTimeOffAsync(TenantScope agency, Guid id, bool approve, CancellationToken ct = default)
    {
        await using var db = database.Create(agency);
        var request = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (request is null) return WorkResult.Refused("The request was not found.");
        if (request.Status != TimeOffStatus.Requested) return WorkResult.Refused("The request was already decided.");
        if (approve && await db.Shifts.AnyAsync(s => s.StaffMemberId == request.StaffMemberId && s.StartsAt < request.EndsAt && request.StartsAt < s.EndsAt, ct))
            return WorkResult.Refused("This person has shifts in that time: delete or move them first, then approve.");
        request.Status = approve ? TimeOffStatus.Approved : TimeOffStatus.Rejected;
        request.DecidedBy = db.Tenant.UserName;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    public async Task<WorkResult> SaveContractAsync(TenantScope agency, WorkContract input, CancellationToken ct = default)
    {
        if (input.Validate().FirstOrDefault() is { Key: { } field, Value: { } message }) return WorkResult.Invalid(field, message);
        await using var db = database.Create(agency);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == input.StaffMemberId, ct)) return WorkResult.Refused("The member of staff was not found.");
        var existing = await db.WorkContracts.SingleOrDefaultAsync(c => c.StaffMemberId == input.StaffMemberId, ct);
        if (existing is null)
        {
            existing = new WorkContract { StaffMemberId = input.StaffMemberId };
            db.WorkContracts.Add(existing);
        }
        existing.MinHoursPerWeek = input.MinHoursPerWeek;
        existing.MaxHoursPerWeek = input.MaxHoursPerWeek;
        existing.MinShiftHours = input.MinShiftHours;
        existing.MaxShiftHours = input.MaxShiftHours;
        existing.MaxConsecutiveDays = input.MaxConsecutiveDays;
        existing.MinRestHours = input.MinRestHours;
        existing.MaxWeekendsPer4Weeks = input.MaxWeekendsPer4Weeks;
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }
}
