using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Home;

public sealed record AgencyCounts(int Brands, int Staff, int Teams, int PendingInvitations);

/// <summary>What an agency admin sees first: active brands, staff, teams and open invitations.</summary>
public sealed class CountAgency(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock)
{
    public async Task<AgencyCounts> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new AgencyCounts(
            await db.Brands.CountAsync(b => !b.IsArchived, ct),
            await db.StaffMembers.CountAsync(s => s.IsActive, ct),
            await db.Teams.CountAsync(ct),
            await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct)
        );
    }
}
