using System.Security.Claims;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Tenancy;

namespace Agency.Portal.Components.Shared;

/// <summary>What the portal knows about the person and the brand on screen; cascaded to every page.</summary>
public sealed record PortalContext(
    ClaimsPrincipal User,
    IReadOnlyList<UserRole> Roles,
    IReadOnlyList<BrandAccess> Brands,
    BrandAccess? Brand
)
{
    public static readonly PortalContext Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()), [], [], null);

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;
    public string DisplayName => User.FindFirstValue(AgencyClaims.DisplayName) ?? User.Identity?.Name ?? "";

    public bool Has(UserRole role) => Roles.Contains(role);

    public bool IsAgencyAdmin => Has(UserRole.AgencyAdmin);

    /// <summary>A person whose only roles are per brand (brand manager, marketing owner) has no agency-wide pages.</summary>
    public bool IsBrandOnly => Roles.Count > 0 && Roles.All(Agency.Domain.Tenancy.Roles.IsBrandScoped);
}
