using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Common;

public static class TenantRows
{
    /// <summary>Deletes one row of the current tenant; the filters make another tenant's id simply not found.</summary>
    public static async Task DeleteRowAsync<T>(
        this IDbContextFactory<AgencyDbContext> dbs,
        Func<AgencyDbContext, DbSet<T>> set,
        Guid id,
        CancellationToken ct
    )
        where T : class, Domain.Common.IAudited
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await set(db).SingleOrDefaultAsync(x => x.Id == id, ct) is { } row)
        {
            set(db).Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }
}
