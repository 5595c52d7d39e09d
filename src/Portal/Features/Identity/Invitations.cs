using Agency.Domain.Auditing;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Identity;

public sealed class InvitationInput
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public UserRole? Role { get; set; }
    public IReadOnlyCollection<Guid> BrandIds { get; set; } = [];
}

public sealed class InvitationInputValidator : AbstractValidator<InvitationInput>
{
    public InvitationInputValidator()
    {
        RuleFor(x => x.Email)
            .NotEmpty()
            .WithMessage("Enter the person's email address.")
            .EmailAddress()
            .WithMessage("Enter a valid email address.")
            .MaximumLength(256);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(120);
        RuleFor(x => x.Role).NotNull().WithMessage("Choose a role.").IsInEnum().WithMessage("Choose a role from the list.");
        RuleFor(x => x.BrandIds)
            .Must(b => b.Count() == 1)
            .When(x => x.Role == UserRole.BrandManager)
            .WithMessage("A brand manager belongs to exactly one brand.");
        RuleFor(x => x.BrandIds)
            .Must(b => b.Any())
            .When(x => x.Role is UserRole.MarketingOwner or UserRole.Agent or UserRole.TeamLead)
            .WithMessage("Choose the brands this person works on.");
    }
}

public sealed record CreatedInvitation(Invitation Invitation, string Token, bool Mailed);

/// <summary>Invites a person by link. The link carries a secret token; only its hash is stored.</summary>
public sealed class CreateInvitation(
    IDbContextFactory<AgencyDbContext> dbs,
    IMailSender mail,
    TimeProvider clock,
    ILogger<CreateInvitation> logger
)
{
    private static readonly InvitationInputValidator Validator = new();

    public async Task<Outcome<CreatedInvitation>> HandleAsync(InvitationInput input, string baseUri, CancellationToken ct = default)
    {
        input.Email = input.Email.Trim().ToLowerInvariant();
        input.DisplayName = input.DisplayName.Trim();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<CreatedInvitation>.Invalid(validation);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var normalized = input.Email.ToUpperInvariant();
        // Emails are unique across agencies (Identity signs in by email before any tenant is known).
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
            return Outcome<CreatedInvitation>.Invalid(
                nameof(InvitationInput.Email),
                "Someone with this email address already has an account."
            );
        var now = clock.GetUtcNow().UtcDateTime;
        if (
            await db.Invitations.AnyAsync(
                i => i.Email == input.Email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
                ct
            )
        )
            return Outcome<CreatedInvitation>.Invalid(
                nameof(InvitationInput.Email),
                "This person already has an open invitation; revoke it to send a new one."
            );
        var brandIds = input.BrandIds.Distinct().ToList();
        if (await db.Brands.CountAsync(b => brandIds.Contains(b.Id), ct) != brandIds.Count)
            return Outcome<CreatedInvitation>.Invalid(nameof(InvitationInput.BrandIds), "One of the chosen brands does not exist.");

        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            Email = input.Email,
            DisplayName = input.DisplayName,
            Role = input.Role!.Value,
            BrandIds = brandIds,
            TokenHash = Invitation.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedBy = db.Tenant.UserName,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var link = LinkFor(baseUri, token);
        logger.LogInformation("Invitation for {Email} created; link: {Link}", input.Email, link);
        var agencyName = await db.Agencies.Where(a => a.Id == db.Tenant.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var brandNames = await db.Brands.Where(b => brandIds.Contains(b.Id)).OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(ct);
        var (subject, body) = InvitationMail.Compose(agencyName, db.Tenant.UserName, input.DisplayName, invitation.Role, brandNames, link);
        await mail.SendAsync(input.Email, subject, body, ct);
        return Outcome<CreatedInvitation>.Success(new CreatedInvitation(invitation, token, mail.Delivers));
    }

    public static string LinkFor(string baseUri, string token) =>
        $"{baseUri.TrimEnd('/')}/Account/Invitation?token={Uri.EscapeDataString(token)}";
}

/// <summary>Withdraws an open invitation; its link stops working.</summary>
public sealed class RevokeInvitation(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Guid invitationId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null || invitation.StateAt(clock.GetUtcNow().UtcDateTime) != InvitationState.Pending)
            return false;
        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed class AcceptInput
{
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Turns a pending invitation into a user of the inviting agency, with its role and brands.</summary>
public sealed class AcceptInvitation(
    CrossTenantReader crossTenant,
    DatabaseSetup database,
    UserManager<ApplicationUser> users,
    TimeProvider clock
)
{
    public async Task<Outcome<ApplicationUser>> HandleAsync(string token, AcceptInput input, CancellationToken ct = default)
    {
        var invitation = await crossTenant.InvitationByTokenAsync(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null || invitation.StateAt(now) != InvitationState.Pending)
            return Outcome<ApplicationUser>.Invalid("", "This invitation link is not valid any more. Ask your agency admin for a new one.");
        if (input.Password != input.ConfirmPassword)
            return Outcome<ApplicationUser>.Invalid(nameof(AcceptInput.ConfirmPassword), "The two passwords do not match.");

        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.DisplayName,
            AgencyId = invitation.AgencyId,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? nameof(AcceptInput.Password)
                : "";
            return Outcome<ApplicationUser>.Invalid(field, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, invitation.Role.ToString());

        // The invitee acts inside the inviting agency from here on.
        await using var db = database.Create(TenantScope.ForAgency(invitation.AgencyId, TenantSource.User, user.Id, user.DisplayName));
        var tracked = await db.Invitations.SingleAsync(i => i.Id == invitation.Id, ct);
        tracked.AcceptedAt = now;
        var brandRole = Roles.BrandRoleFor(invitation.Role);
        foreach (var brandId in invitation.BrandIds)
            db.BrandMemberships.Add(
                new BrandMembership
                {
                    BrandId = brandId,
                    UserId = user.Id,
                    Role = brandRole,
                    CreatedAt = now,
                }
            );
        AuditLog.Record(
            db,
            now,
            "User",
            user.Id,
            AuditAction.Created,
            null,
            new
            {
                user.Email,
                user.DisplayName,
                Role = invitation.Role.ToString(),
            }
        );
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationUser>.Success(user);
    }
}

/// <summary>The invitation e-mail: it names the agency that invites (the person may never have heard of the product).</summary>
public static class InvitationMail
{
    public static (string Subject, string Body) Compose(
        string agency,
        string? inviter,
        string invitee,
        UserRole role,
        IReadOnlyList<string> brands,
        string link
    )
    {
        var who = string.IsNullOrWhiteSpace(inviter) ? agency : $"{inviter} of {agency}";
        var forBrands = brands.Count == 0 ? "" : $" for {string.Join(", ", brands)}";
        return (
            $"{agency} invites you to work with them",
            $"Hello {invitee},\n\n{who} invited you to join {agency} as {Roles.Describe(role)}{forBrands}.\n"
                + $"Accept within {Invitation.Lifetime.TotalDays:0} days: {link}\n\n"
                + $"{agency} answers its clients' customers with Agency, the tool this link opens.\n"
        );
    }
}
