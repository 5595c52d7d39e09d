using Agency.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Agency.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Global to the model because sign-in happens before any tenant is known;
/// every query of users by feature code goes through <c>AgencyUsers</c>, which filters by agency.
/// </summary>
[GlobalEntity("Identity looks users up before a tenant exists; feature reads go through AgencyUsers.")]
public class ApplicationUser : IdentityUser
{
    public Guid AgencyId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

public static class AgencyClaims
{
    public const string AgencyId = "agency";
    public const string DisplayName = "display_name";
}
