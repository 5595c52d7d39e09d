using Agency.Domain.Common;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tenancy;

/// <summary>
/// Creates a new agency and an invitation for its first admin: the way a production installation
/// (no demo data) gets its first user. Used by the command line.
/// </summary>
public sealed class CreateAgency(DatabaseSetup database, TimeProvider clock)
{
    public sealed record Created(Guid AgencyId, string InvitationToken);

    public async Task<Created> HandleAsync(
        string name,
        string slug,
        string adminEmail,
        string adminName,
        string timeZone,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("The agency needs a name.");
        if (!Slug.IsValid(slug))
            throw new DomainException($"'{slug}' is not a valid slug: use lower-case letters, digits and dashes.");
        if (!Brand.IsKnownTimeZone(timeZone))
            throw new DomainException($"'{timeZone}' is not a known IANA time zone.");
        if (!adminEmail.Contains('@', StringComparison.Ordinal))
            throw new DomainException($"'{adminEmail}' is not an email address.");
        if (string.IsNullOrWhiteSpace(adminName))
            throw new DomainException("The first admin needs a name.");

        var now = clock.GetUtcNow().UtcDateTime;
        var agency = new AgencyAccount
        {
            Name = name.Trim(),
            Slug = slug,
            DefaultTimeZone = timeZone,
            CreatedAt = now,
        };
        await using (var db = database.Create(TenantScope.None))
        {
            if (await db.Agencies.AnyAsync(a => a.Slug == slug, ct))
                throw new DomainException($"An agency with slug '{slug}' already exists.");
            var normalized = adminEmail.Trim().ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
                throw new DomainException($"{adminEmail} already has an account.");
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
        }

        var token = Invitation.NewToken();
        await using (var db = database.Create(TenantScope.ForAgency(agency.Id, TenantSource.System, userName: "Command line")))
        {
            db.Invitations.Add(
                new Invitation
                {
                    Email = adminEmail.Trim().ToLowerInvariant(),
                    DisplayName = adminName.Trim(),
                    Role = UserRole.AgencyAdmin,
                    TokenHash = Invitation.Hash(token),
                    CreatedAt = now,
                    ExpiresAt = now + Invitation.Lifetime,
                    InvitedBy = "Command line",
                }
            );
            await db.SaveChangesAsync(ct);
        }
        return new Created(agency.Id, token);
    }
}
