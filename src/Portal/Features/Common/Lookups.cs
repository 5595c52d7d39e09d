using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Common;

/// <summary>Names by id for pickers and lists: the agency's brands, staff and users.</summary>
public sealed class Lookups(IDbContextFactory<AgencyDbContext> dbs)
{
    /// <summary>Brand names, A to Z; without the archived ones when <paramref name="activeOnly"/>.</summary>
    public async Task<Dictionary<Guid, string>> BrandsAsync(bool activeOnly, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db
            .Brands.AsNoTracking()
            .Where(b => !activeOnly || !b.IsArchived)
            .OrderBy(b => b.Name)
            .ToDictionaryAsync(b => b.Id, b => b.Name, ct);
    }

    /// <summary>Staff names, A to Z; without those who left when <paramref name="activeOnly"/>.</summary>
    public async Task<Dictionary<Guid, string>> StaffAsync(bool activeOnly, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db
            .StaffMembers.AsNoTracking()
            .Where(s => !activeOnly || s.IsActive)
            .OrderBy(s => s.Name)
            .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
    }

    /// <summary>The agency's users as "Name (email)", by name.</summary>
    public async Task<Dictionary<string, string>> UsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.OfAgency()
            .AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Email})", ct);
    }
}
