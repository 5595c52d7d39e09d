using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Identity;

/// <summary>Adds the user's agency and display name to the sign-in cookie's claims.</summary>
public sealed class AgencyClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options
) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AgencyClaims.AgencyId, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(AgencyClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
