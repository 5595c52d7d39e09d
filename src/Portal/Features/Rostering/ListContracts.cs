using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Rostering;

/// <summary>Every active person with their work contract (the default one where none is set), by name.</summary>
public sealed class ListContracts(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<(StaffMember Person, WorkContract Contract)>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var contracts = await db.WorkContracts.AsNoTracking().ToDictionaryAsync(c => c.StaffMemberId, ct);
        return (await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct))
            .Select(s => (s, contracts.GetValueOrDefault(s.Id) ?? WorkContract.Default(s.Id)))
            .ToList();
    }
}
