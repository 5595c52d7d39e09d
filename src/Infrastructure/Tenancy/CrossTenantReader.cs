using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>
/// The one place where reads cross tenants, each for a stated reason. Everything here bypasses the
/// tenant filters by name and returns only what the caller needs to then act inside one tenant.
/// </summary>
public sealed class CrossTenantReader(DatabaseSetup database)
{
    private static readonly string[] TenantFilters = [TenantModel.AgencyFilter, TenantModel.BrandFilter];

    public sealed record BrandRef(Guid AgencyId, Guid BrandId, string Slug);

    /// <summary>For jobs that fan out over brands: every active brand of every agency.</summary>
    public async Task<IReadOnlyList<BrandRef>> ActiveBrandsAsync(CancellationToken ct = default)
    {
        await using var db = database.Create(TenantScope.None);
        return await db.Brands.IgnoreQueryFilters(TenantFilters).AsNoTracking()
            .Where(b => !b.IsArchived)
            .OrderBy(b => b.AgencyId).ThenBy(b => b.Slug)
            .Select(b => new BrandRef(b.AgencyId, b.Id, b.Slug))
            .ToListAsync(ct);
    }

    /// <summary>For accepting an invitation: the invitee is not signed in, so the token names the agency.</summary>
    public async Task<Invitation?> InvitationByTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = Invitation.Hash(token);
        await using var db = database.Create(TenantScope.None);
        return await db.Invitations.IgnoreQueryFilters(TenantFilters).AsNoTracking()
            .SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }
}
