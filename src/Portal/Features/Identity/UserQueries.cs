using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Identity;

public sealed record UserRow(
    string Id,
    string Name,
    string Email,
    List<string> Roles,
    List<string> Brands,
    bool TwoFactor,
    DateTime? LastSignIn,
    bool Locked
);

public sealed record UsersAndInvitations(List<UserRow> Users, List<Invitation> Invitations);

/// <summary>The agency's users with their roles, brands and lock state, and every invitation, newest first.</summary>
public sealed class ListUsers(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock)
{
    public async Task<UsersAndInvitations> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var memberships = await db.BrandMemberships.AsNoTracking().ToListAsync(ct);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            join u in db.OfAgency() on ur.UserId equals u.Id
            select new { ur.UserId, r.Name }
        ).ToListAsync(ct);
        var rows = await db.OfAgency().AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var users = rows.Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").ToList(),
                memberships.Where(m => m.UserId == u.Id).Select(m => brands.GetValueOrDefault(m.BrandId, "?")).Order().ToList(),
                u.TwoFactorEnabled,
                u.LastSignInAt,
                u.LockoutEnd is { } end && end > now
            ))
            .ToList();
        var invitations = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return new UsersAndInvitations(users, invitations);
    }
}

public sealed record UserToEdit(string Name, string Email, UserAccessInput Access);

/// <summary>One user's role and brands as the access form shows them; null when not of this agency.</summary>
public sealed class GetUserAccess(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<UserToEdit?> HandleAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.FindInAgencyAsync(userId, ct);
        if (user is null)
            return null;
        var role = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == user.Id
            select r.Name
        ).FirstOrDefaultAsync(ct);
        var access = new UserAccessInput
        {
            UserId = user.Id,
            Role = Enum.TryParse<UserRole>(role, out var parsed) ? parsed : null,
            BrandIds = await db.BrandMemberships.Where(m => m.UserId == user.Id).Select(m => m.BrandId).ToListAsync(ct),
        };
        return new UserToEdit(user.DisplayName, user.Email ?? "", access);
    }
}
