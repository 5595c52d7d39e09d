using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Staff;

/// <summary>The staff pool, people still working first.</summary>
public sealed class ListStaff(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<StaffMember>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.StaffMembers.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
    }
}

/// <summary>One person of the pool as the form shows it; null when not the agency's.</summary>
public sealed class GetStaffMember(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<StaffInput?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return staff is null ? null : StaffInput.From(staff);
    }
}

/// <summary>The agency's teams with their members.</summary>
public sealed class ListTeams(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<Team>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct);
    }
}

/// <summary>One team as the form shows it; null when not the agency's.</summary>
public sealed class GetTeam(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<TeamInput?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var team = await db.Teams.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, ct);
        return team is null
            ? null
            : new TeamInput
            {
                Id = team.Id,
                Name = team.Name,
                Description = team.Description,
                LeadStaffMemberId = team.LeadStaffMemberId,
                BrandIds = team.BrandIds.ToList(),
                MemberIds = team.Members.Select(m => m.StaffMemberId).ToList(),
            };
    }
}
