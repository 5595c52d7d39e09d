using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Shifts;

/// <summary>Shifts by hand, contracts and time off on a real database, inside one agency.</summary>
public abstract class ShiftBookSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Monday = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private TenantScope agency = default!,
        other = default!;
    private Guid ana;
    private ShiftBook Book => new(db.Setup, new ManualClock(Monday.AddDays(-3)));

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var a = new AgencyAccount
        {
            Name = "A",
            Slug = "a",
            DefaultTimeZone = "Europe/London",
        };
        var b = new AgencyAccount { Name = "B", Slug = "b" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.AddRange(a, b);
            await g.SaveChangesAsync();
        }
        agency = TenantScope.ForAgency(a.Id, TenantSource.User, "u1", "Hannah");
        other = TenantScope.ForAgency(b.Id, TenantSource.User, "u2", "Rita");
        var staff = new StaffMember { Name = "Ana", Email = "ana@a.example" };
        await using (var x = db.As(agency))
        {
            x.StaffMembers.Add(staff);
            await x.SaveChangesAsync();
        }
        ana = staff.Id;
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_shift_breaking_the_contract_is_refused_with_the_reasons_and_nothing_is_stored()
    {
        Assert.True(
            (
                await Book.SaveContractAsync(
                    agency,
                    new WorkContract
                    {
                        StaffMemberId = ana,
                        MaxShiftHours = 8,
                        MinRestHours = 12,
                    }
                )
            ).Ok
        );
        Assert.True((await Book.AddShiftAsync(agency, ana, Monday.AddHours(14), Monday.AddHours(22))).Ok);
        var refused = await Book.AddShiftAsync(agency, ana, Monday.AddDays(1).AddHours(6), Monday.AddDays(1).AddHours(16));
        Assert.False(refused.Ok);
        Assert.Contains("longest shift is 8 h", refused.Error);
        Assert.Contains("Only 8 h of rest", refused.Error);
        await using var x = db.As(agency);
        Assert.Equal(1, await x.Shifts.CountAsync());
    }

    [Fact]
    public async Task Approved_time_off_is_never_rostered_and_approval_waits_for_shifts_to_move()
    {
        Assert.True((await Book.RequestTimeOffAsync(agency, ana, Monday.AddDays(2), Monday.AddDays(4), "Dentist")).Ok);
        Assert.Equal("Start", (await Book.RequestTimeOffAsync(agency, ana, Monday.AddDays(3), Monday.AddDays(5), null)).Field); // overlaps the first request
        Guid id;
        await using (var x = db.As(agency))
            id = (await x.TimeOff.SingleAsync()).Id;

        Assert.True((await Book.AddShiftAsync(agency, ana, Monday.AddDays(2).AddHours(9), Monday.AddDays(2).AddHours(17))).Ok); // only asked for: may still be planned
        var clash = (await Book.DecideTimeOffAsync(agency, id, approve: true)).Error;
        Assert.Contains("delete or move them first", clash);
        Assert.Contains("Wed 2 Dec 09:00–17:00, Europe/London", clash); // names the shift in the agency's zone
        await using (var x = db.As(agency))
        {
            x.Shifts.RemoveRange(x.Shifts);
            await x.SaveChangesAsync();
        }
        Assert.True((await Book.DecideTimeOffAsync(agency, id, approve: true)).Ok);
        var refused = await Book.AddShiftAsync(agency, ana, Monday.AddDays(3).AddHours(9), Monday.AddDays(3).AddHours(17));
        Assert.Contains("approved time off", refused.Error);
        Assert.Equal("The request was already decided.", (await Book.DecideTimeOffAsync(agency, id, approve: false)).Error);
    }

    [Fact]
    public async Task A_person_s_preferred_hours_are_saved_without_touching_the_contract_and_bad_times_store_nothing()
    {
        // No contract yet: the default one is stored with the wish.
        Assert.True((await Book.SavePreferredHoursAsync(agency, ana, new TimeOnly(22, 0), new TimeOnly(6, 0))).Ok);
        await using (var x = db.As(agency))
            Assert.Equal(new PreferredHours(new TimeOnly(22, 0), new TimeOnly(6, 0)), (await x.WorkContracts.SingleAsync()).Preferred);

        Assert.True(
            (
                await Book.SaveContractAsync(
                    agency,
                    new WorkContract
                    {
                        StaffMemberId = ana,
                        MaxShiftHours = 8,
                        PreferredFrom = new TimeOnly(7, 0),
                        PreferredTo = new TimeOnly(15, 0),
                    }
                )
            ).Ok
        );
        Assert.True((await Book.SavePreferredHoursAsync(agency, ana, new TimeOnly(8, 0), new TimeOnly(16, 0))).Ok);
        var halfEmpty = await Book.SavePreferredHoursAsync(agency, ana, new TimeOnly(9, 0), null);
        Assert.Equal(("PreferredTo", "Enter both times, or leave both empty for any time."), (halfEmpty.Field, halfEmpty.Error));
        Assert.Equal("PreferredTo", (await Book.SavePreferredHoursAsync(agency, ana, new TimeOnly(9, 0), new TimeOnly(9, 30))).Field);
        await using (var x = db.As(agency))
        {
            var contract = await x.WorkContracts.SingleAsync();
            Assert.Equal(8, contract.MaxShiftHours); // the scheduler's rules stay
            Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0)), (contract.PreferredFrom, contract.PreferredTo));
        }
        // A scheduler's contract form that leaves a time out is refused too.
        Assert.Equal(
            "PreferredFrom",
            (await Book.SaveContractAsync(agency, new WorkContract { StaffMemberId = ana, PreferredTo = new TimeOnly(12, 0) })).Field
        );

        Assert.True((await Book.SavePreferredHoursAsync(agency, ana, null, null)).Ok);
        await using (var x = db.As(agency))
            Assert.Null((await x.WorkContracts.SingleAsync()).Preferred);
    }

    [Fact]
    public async Task Another_agency_cannot_plan_decide_or_change_contracts_for_this_agency_s_staff()
    {
        Assert.Equal(
            "The member of staff was not found.",
            (await Book.SavePreferredHoursAsync(other, ana, new TimeOnly(8, 0), new TimeOnly(16, 0))).Error
        );
        await using (var x = db.As(agency))
            Assert.Equal(0, await x.WorkContracts.CountAsync());
        Assert.Equal("StaffId", (await Book.AddShiftAsync(other, ana, Monday.AddHours(9), Monday.AddHours(17))).Field);
        Assert.Equal(
            "The member of staff was not found.",
            (await Book.SaveContractAsync(other, new WorkContract { StaffMemberId = ana })).Error
        );
        Assert.True((await Book.RequestTimeOffAsync(agency, ana, Monday.AddDays(2), Monday.AddDays(3), null)).Ok);
        Guid id;
        await using (var x = db.As(agency))
            id = (await x.TimeOff.SingleAsync()).Id;
        Assert.Equal("The request was not found.", (await Book.DecideTimeOffAsync(other, id, approve: true)).Error);
    }
}

public sealed class SqliteShiftBook() : ShiftBookSuite(DatabaseProvider.Sqlite);

public sealed class PostgresShiftBook() : ShiftBookSuite(DatabaseProvider.Postgres);
