using Agency.Domain.Auditing;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Identity;

public sealed class UserAccessInput
{
    public required string UserId { get; init; }
    public UserRole? Role { get; set; }
    public IReadOnlyCollection<Guid> BrandIds { get; set; } = [];
}

/// <summary>Changes a user's role and the brands they may enter; every change goes to the audit log.</summary>
public sealed class ChangeUserAccess(OperationScopes scopes, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(UserAccessInput input, CancellationToken ct = default)
    {
        if (input.Role is not { } role || !Enum.IsDefined(role))
            return Outcome<bool>.Invalid(nameof(input.Role), "Choose a role.");
        var brandIds = input.BrandIds.Distinct().ToList();
        if (role == UserRole.BrandManager && brandIds.Count != 1)
            return Outcome<bool>.Invalid(nameof(input.BrandIds), "A brand manager belongs to exactly one brand.");
        if (role == UserRole.MarketingOwner && brandIds.Count == 0)
            return Outcome<bool>.Invalid(nameof(input.BrandIds), "Choose the brands this person owns accounts for.");

        await using var scope = scopes.Begin();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AgencyDbContext>();
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await db.FindInAgencyAsync(input.UserId, ct);
        if (user is null)
            return Outcome<bool>.Invalid("", "This user does not exist in your agency.");
        if (await db.Brands.CountAsync(b => brandIds.Contains(b.Id), ct) != brandIds.Count)
            return Outcome<bool>.Invalid(nameof(input.BrandIds), "One of the chosen brands does not exist.");
        if (user.Id == db.Tenant.UserId && role != UserRole.AgencyAdmin)
            return Outcome<bool>.Invalid(nameof(input.Role), "You cannot take the agency admin role from yourself.");

        var oldRoles = await users.GetRolesAsync(user);
        if (!oldRoles.SequenceEqual([role.ToString()]))
        {
            await users.RemoveFromRolesAsync(user, oldRoles);
            await users.AddToRoleAsync(user, role.ToString());
            // Signs the user's other sessions out at the next revalidation so the new role applies.
            await users.UpdateSecurityStampAsync(user);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var brandRole = Roles.BrandRoleFor(role);
        var memberships = await db.BrandMemberships.Where(m => m.UserId == user.Id).ToListAsync(ct);
        db.BrandMemberships.RemoveRange(memberships.Where(m => !brandIds.Contains(m.BrandId) || m.Role != brandRole));
        foreach (var brandId in brandIds.Where(b => !memberships.Any(m => m.BrandId == b && m.Role == brandRole)))
            db.BrandMemberships.Add(
                new BrandMembership
                {
                    BrandId = brandId,
                    UserId = user.Id,
                    Role = brandRole,
                    CreatedAt = now,
                }
            );
        if (!oldRoles.SequenceEqual([role.ToString()]))
            AuditLog.Record(
                db,
                now,
                "UserRole",
                user.Id,
                AuditAction.Updated,
                new { Roles = string.Join(", ", oldRoles), user.Email },
                new { Roles = role.ToString(), user.Email }
            );
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }
}

/// <summary>Locks a user out (for example when they leave) or lifts a lockout.</summary>
public sealed class SetUserLock(OperationScopes scopes, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(string userId, bool locked, CancellationToken ct = default)
    {
        await using var scope = scopes.Begin();
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await db.FindInAgencyAsync(userId, ct);
        if (user is null)
            return Outcome<bool>.Invalid("", "This user does not exist in your agency.");
        if (user.Id == db.Tenant.UserId)
            return Outcome<bool>.Invalid("", "You cannot lock yourself out.");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
            await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        AuditLog.Record(
            db,
            clock.GetUtcNow().UtcDateTime,
            "UserLockout",
            user.Id,
            AuditAction.Updated,
            new { user.Email, Locked = !locked },
            new { user.Email, Locked = locked }
        );
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }
}
