using Agency.Domain.Channels;
using Agency.Domain.Staff;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Staff;

public sealed class StaffInput
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? UserId { get; set; }
    public IReadOnlyCollection<Guid> BrandIds { get; set; } = [];
    public IReadOnlyCollection<Network> Channels { get; set; } = [];
    public IReadOnlyCollection<string> Languages { get; set; } = ["en"];
    public int MaxConcurrentConversations { get; set; } = 5;
    public bool IsActive { get; set; } = true;

    public static StaffInput From(StaffMember s) =>
        new()
        {
            Id = s.Id,
            Name = s.Name,
            Email = s.Email,
            UserId = s.UserId,
            BrandIds = s.BrandIds.ToList(),
            Channels = s.Channels.ToList(),
            Languages = s.Languages.ToList(),
            MaxConcurrentConversations = s.MaxConcurrentConversations,
            IsActive = s.IsActive,
        };
}

public sealed class StaffInputValidator : AbstractValidator<StaffInput>
{
    public StaffInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage("Enter the person's name.")
            .MaximumLength(120)
            .WithMessage("Keep the name to 120 characters.");
        RuleFor(x => x.Email)
            .NotEmpty()
            .WithMessage("Enter a work email address.")
            .EmailAddress()
            .WithMessage("Enter a valid email address.")
            .MaximumLength(256);
        RuleFor(x => x.Languages).Must(l => l.Any()).WithMessage("Choose at least one language this person answers in.");
        RuleFor(x => x.MaxConcurrentConversations)
            .InclusiveBetween(1, 50)
            .WithMessage("Concurrent conversations must be between 1 and 50.");
    }
}

/// <summary>Creates or updates a member of the agency's staff pool, with the brands, channels and languages they serve.</summary>
public sealed class SaveStaffMember(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock, ILogger<SaveStaffMember> log)
{
    private static readonly StaffInputValidator Validator = new();

    public async Task<Outcome<StaffMember>> HandleAsync(StaffInput input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        input.Email = input.Email.Trim().ToLowerInvariant();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<StaffMember>.Invalid(validation);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.StaffMembers.AnyAsync(s => s.Email == input.Email && s.Id != input.Id, ct))
            return Outcome<StaffMember>.Invalid(nameof(StaffInput.Email), "Another staff member already has this email address.");

        var brandIds = input.BrandIds.Distinct().ToList();
        // Only this agency's brands can be chosen; the filter hides the rest, so a count tells.
        if (await db.Brands.CountAsync(b => brandIds.Contains(b.Id), ct) != brandIds.Count)
            return Outcome<StaffMember>.Invalid(nameof(StaffInput.BrandIds), "One of the chosen brands does not exist.");
        if (input.UserId is { } userId && await db.FindInAgencyAsync(userId, ct) is null)
            return Outcome<StaffMember>.Invalid(nameof(StaffInput.UserId), "The chosen user does not exist in this agency.");

        StaffMember? staff;
        if (input.Id is { } id)
        {
            staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (staff is null)
                return Outcome<StaffMember>.Invalid("", "This staff member no longer exists.");
        }
        else
        {
            staff = new StaffMember
            {
                Name = input.Name,
                Email = input.Email,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.StaffMembers.Add(staff);
        }
        staff.Name = input.Name;
        staff.Email = input.Email;
        staff.UserId = input.UserId;
        staff.BrandIds = brandIds;
        staff.Channels = input.Channels.Distinct().Order().ToList();
        staff.Languages = input.Languages.Select(l => l.ToLowerInvariant()).Distinct().Order().ToList();
        staff.MaxConcurrentConversations = input.MaxConcurrentConversations;
        staff.IsActive = input.IsActive;
        return await db.SaveAsync(staff, nameof(StaffInput.Email), "Another staff member already has this email address.", log, ct);
    }
}
