using Agency.Domain.Shifts;
using Agency.Domain.Staff;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Shifts;

/// <summary>
/// Shifts entered by hand, time off and contracts, inside one agency. A shift that breaks a labour
/// rule of the person's contract (length, rest, weekly hours, days in a row, weekends, approved time
/// off, overlap) is refused with every reason.
/// </summary>
public sealed class ShiftBook(DatabaseSetup database, TimeProvider clock)
{
    public async Task<TimeZoneInfo> ZoneAsync(AgencyDbContext db, CancellationToken ct)
    {
        var id = await db
            .Agencies.AsNoTracking()
            .Where(a => a.Id == db.Tenant.AgencyId)
            .Select(a => a.DefaultTimeZone)
            .SingleOrDefaultAsync(ct);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>Adds a shift by hand to the published shift table or, with a roster run, to that run's draft.</summary>
    public async Task<WorkResult> AddShiftAsync(
        TenantScope agency,
        Guid? staffId,
        DateTime? startsAt,
        DateTime? endsAt,
        CancellationToken ct = default,
        Guid? rosterRunId = null
    )
    {
        if (staffId is null)
            return WorkResult.Invalid("StaffId", "Choose who works the shift.");
        if (Times(startsAt, endsAt) is { } invalid)
            return invalid;
        await using var db = database.Create(agency);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == staffId && s.IsActive, ct))
            return WorkResult.Invalid("StaffId", "Choose an active member of staff.");
        if (
            rosterRunId is { } run
            && !await db.RosterRuns.AnyAsync(r => r.Id == run && r.Status != Domain.Rostering.RosterRunStatus.Published, ct)
        )
            return WorkResult.Refused("That roster is published or gone; change the shift table instead.");
        if (await BrokenRulesAsync(db, staffId.Value, startsAt!.Value, endsAt!.Value, rosterRunId, null, ct) is { } broken)
            return broken;
        db.Shifts.Add(
            new Shift
            {
                StaffMemberId = staffId.Value,
                StartsAt = startsAt.Value,
                EndsAt = endsAt.Value,
                RosterRunId = rosterRunId,
                Source = rosterRunId is null ? ShiftSource.Manual : ShiftSource.Roster,
                IsPublished = rosterRunId is null,
            }
        );
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    /// <summary>Moves a shift (published or of a draft) to new times, with every labour rule checked against the same schedule.</summary>
    public async Task<WorkResult> MoveShiftAsync(
        TenantScope agency,
        Guid shiftId,
        DateTime? startsAt,
        DateTime? endsAt,
        CancellationToken ct = default
    )
    {
        if (Times(startsAt, endsAt) is { } invalid)
            return invalid;
        await using var db = database.Create(agency);
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null)
            return WorkResult.Refused("The shift was not found; it may have been deleted.");
        var draft = shift.IsPublished ? null : shift.RosterRunId;
        if (await BrokenRulesAsync(db, shift.StaffMemberId, startsAt!.Value, endsAt!.Value, draft, shift.Id, ct) is { } broken)
            return broken;
        shift.StartsAt = startsAt.Value;
        shift.EndsAt = endsAt.Value;
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    private static WorkResult? Times(DateTime? startsAt, DateTime? endsAt)
    {
        if (startsAt is not { } start)
            return WorkResult.Invalid("Start", "Enter when the shift starts.");
        if (endsAt is not { } end)
            return WorkResult.Invalid("End", "Enter when the shift ends.");
        return Shift.Validate(start, end) is { } problem ? WorkResult.Invalid("End", problem) : null;
    }

    /// <summary>
    /// The person's contract checked against the schedule the shift belongs to: the published shifts,
    /// or a draft's shifts with the published manual ones. Four weeks either side cover every rule.
    /// </summary>
    private async Task<WorkResult?> BrokenRulesAsync(
        AgencyDbContext db,
        Guid staffId,
        DateTime start,
        DateTime end,
        Guid? draft,
        Guid? except,
        CancellationToken ct
    )
    {
        var contract = await db.WorkContracts.AsNoTracking().SingleOrDefaultAsync(c => c.StaffMemberId == staffId, ct)
            ?? WorkContract.Default(staffId);
        var from = start.AddDays(-28);
        var to = end.AddDays(28);
        var shifts = db
            .Shifts.AsNoTracking()
            .Where(s => s.StaffMemberId == staffId && s.EndsAt > from && s.StartsAt < to && s.Id != except);
        shifts = draft is { } run
            ? shifts.Where(s => s.RosterRunId == run || (s.IsPublished && s.Source == ShiftSource.Manual))
            : shifts.Where(s => s.IsPublished);
        var others = (await shifts.Select(s => new { s.StartsAt, s.EndsAt }).ToListAsync(ct)).Select(s => (s.StartsAt, s.EndsAt)).ToList();
        var timeOff = await db
            .TimeOff.AsNoTracking()
            .Where(t => t.StaffMemberId == staffId && t.EndsAt > from && t.StartsAt < to)
            .ToListAsync(ct);
        var broken = LabourRules.Check(contract, start, end, others, timeOff, await ZoneAsync(db, ct));
        return broken.Count > 0 ? WorkResult.Invalid("Start", string.Join(" ", broken)) : null;
    }

    public async Task<WorkResult> RequestTimeOffAsync(
        TenantScope agency,
        Guid staffId,
        DateTime? startsAt,
        DateTime? endsAt,
        string? reason,
        CancellationToken ct = default
    )
    {
        if (startsAt is not { } start || endsAt is not { } end)
            return WorkResult.Invalid("Start", "Enter the first and the last day.");
        if (end <= start)
            return WorkResult.Invalid("End", "The time off must end after it starts.");
        if (end - start > TimeSpan.FromDays(60))
            return WorkResult.Invalid("End", "Ask for at most 60 days at a time.");
        if (start < clock.GetUtcNow().UtcDateTime.Date)
            return WorkResult.Invalid("Start", "Time off cannot start in the past.");
        if (reason?.Length > 300)
            return WorkResult.Invalid("Reason", "At most 300 characters.");
        await using var db = database.Create(agency);
        if (
            await db.TimeOff.AnyAsync(
                t => t.StaffMemberId == staffId && t.Status != TimeOffStatus.Rejected && t.StartsAt < end && start < t.EndsAt,
                ct
            )
        )
            return WorkResult.Invalid("Start", "You already asked for time off that overlaps these days.");
        db.TimeOff.Add(
            new TimeOff
            {
                StaffMemberId = staffId,
                StartsAt = start,
                EndsAt = end,
                Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    /// <summary>Approving time off that collides with shifts already planned is refused until those shifts are moved.</summary>
    public async Task<WorkResult> DecideTimeOffAsync(TenantScope agency, Guid id, bool approve, CancellationToken ct = default)
    {
        await using var db = database.Create(agency);
        var request = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (request is null)
            return WorkResult.Refused("The request was not found.");
        if (request.Status != TimeOffStatus.Requested)
            return WorkResult.Refused("The request was already decided.");
        if (approve)
        {
            var clashing = await db
                .Shifts.AsNoTracking()
                .Where(s =>
                    s.IsPublished && s.StaffMemberId == request.StaffMemberId && s.StartsAt < request.EndsAt && request.StartsAt < s.EndsAt
                )
                .OrderBy(s => s.StartsAt)
                .Select(s => new { s.StartsAt, s.EndsAt })
                .ToListAsync(ct);
            if (clashing.Count > 0)
            {
                // Named in the agency's zone, as shifts are entered, so the lead can find them.
                var zone = await ZoneAsync(db, ct);
                string Local(DateTime utc, string format) =>
                    TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
                var listed = string.Join(", ", clashing.Select(s => $"{Local(s.StartsAt, "ddd d MMM HH:mm")}–{Local(s.EndsAt, "HH:mm")}"));
                return WorkResult.Refused(
                    $"This person has shifts in that time ({listed}, {zone.Id}): delete or move them first, then approve."
                );
            }
        }
        request.Status = approve ? TimeOffStatus.Approved : TimeOffStatus.Rejected;
        request.DecidedBy = db.Tenant.UserName;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    public async Task<WorkResult> SaveContractAsync(TenantScope agency, WorkContract input, CancellationToken ct = default)
    {
        if (input.Validate().FirstOrDefault() is { Key: { } field, Value: { } message })
            return WorkResult.Invalid(field, message);
        await using var db = database.Create(agency);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == input.StaffMemberId, ct))
            return WorkResult.Refused("The member of staff was not found.");
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
        (existing.PreferredFrom, existing.PreferredTo) = (input.PreferredFrom, input.PreferredTo);
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }

    /// <summary>
    /// A person states the hours they would rather work (both empty: any time). Only the preference changes; the rest of the
    /// contract stays the scheduler's. Rosters made afterwards keep shifts inside it where coverage allows.
    /// </summary>
    public async Task<WorkResult> SavePreferredHoursAsync(
        TenantScope agency,
        Guid staffId,
        TimeOnly? from,
        TimeOnly? to,
        CancellationToken ct = default
    )
    {
        if (PreferredHours.Validate(from, to) is { } problem)
            return WorkResult.Invalid(problem.Field, problem.Message);
        await using var db = database.Create(agency);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == staffId, ct))
            return WorkResult.Refused("The member of staff was not found.");
        var contract = await db.WorkContracts.SingleOrDefaultAsync(c => c.StaffMemberId == staffId, ct);
        if (contract is null)
        {
            contract = WorkContract.Default(staffId);
            db.WorkContracts.Add(contract);
        }
        (contract.PreferredFrom, contract.PreferredTo) = (from, to);
        await db.SaveChangesAsync(ct);
        return WorkResult.Done(0);
    }
}
