using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Identity;

/// <summary>
/// Users are global to the model (Identity finds them before a tenant exists), so feature code
/// reads them only through here, always within the context's agency.
/// </summary>
public static class AgencyUsers
{
    public static IQueryable<ApplicationUser> OfAgency(this AgencyDbContext db)
    {
        var agency = db.Tenant.AgencyId ?? throw new Tenancy.TenantException("No agency is set; users cannot be listed.");
        return db.Users.Where(u => u.AgencyId == agency);
    }

    public static Task<ApplicationUser?> FindInAgencyAsync(this AgencyDbContext db, string userId, CancellationToken ct = default) =>
        db.OfAgency().SingleOrDefaultAsync(u => u.Id == userId, ct);
}
