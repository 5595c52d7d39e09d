using System.Security.Claims;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>A brand the signed-in user may enter, and in which capacity.</summary>
public sealed record BrandAccess(
    Guid AgencyId,
    Guid BrandId,
    string Slug,
    string Name,
    string Color,
    string TimeZoneId,
    bool HasLogo,
    BrandRole? Role
);

/// <summary>
/// Decides which agency and brands a signed-in user may act for: the agency from the user's claim,
/// brands from the user's memberships (agency admins and schedulers see every brand of their agency).
/// </summary>
public sealed class TenantAccessResolver(DatabaseSetup database)
{
    public static Guid? AgencyOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(AgencyClaims.AgencyId), out var id) ? id : null;

    public static IReadOnlyList<UserRole> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<UserRole>(c.Value, out var r) ? r : (UserRole?)null)
            .Where(r => r is not null)
            .Select(r => r!.Value)
            .Distinct()
            .ToList();

    public static TenantScope ScopeFor(ClaimsPrincipal user) =>
        AgencyOf(user) is { } agency
            ? TenantScope.ForAgency(
                agency,
                TenantSource.User,
                user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.FindFirstValue(AgencyClaims.DisplayName) ?? user.Identity?.Name
            )
            : TenantScope.None;

    public async Task<IReadOnlyList<BrandAccess>> AccessibleBrandsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        await QueryAsync(user, slug: null, ct);

    /// <summary>The brand with this slug in the user's agency, or null when it does not exist or the user may not enter it.</summary>
    public async Task<BrandAccess?> FindAsync(ClaimsPrincipal user, string slug, CancellationToken ct = default) =>
        (await QueryAsync(user, slug, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<BrandAccess>> QueryAsync(ClaimsPrincipal user, string? slug, CancellationToken ct)
    {
        var scope = ScopeFor(user);
        if (scope.AgencyId is null)
            return [];
        var userId = scope.UserId;
        var allBrands = RolesOf(user).Any(Roles.SeesAllBrands);

        await using var db = database.Create(scope);
        var brands = db.Brands.AsNoTracking().Where(b => !b.IsArchived);
        if (slug is not null)
            brands = brands.Where(b => b.Slug == slug);

        var rows = await brands
            .Select(b => new
            {
                b.AgencyId,
                b.Id,
                b.Slug,
                b.Name,
                b.Color,
                b.TimeZoneId,
                HasLogo = b.Logo != null,
                Role = db
                    .BrandMemberships.Where(m => m.BrandId == b.Id && m.UserId == userId)
                    .Select(m => (BrandRole?)m.Role)
                    .FirstOrDefault(),
            })
            .OrderBy(b => b.Name)
            .ToListAsync(ct);

        return rows.Where(r => allBrands || r.Role is not null)
            .Select(r => new BrandAccess(r.AgencyId, r.Id, r.Slug, r.Name, r.Color, r.TimeZoneId, r.HasLogo, r.Role))
            .ToList();
    }
}
