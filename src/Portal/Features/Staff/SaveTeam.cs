using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Staff;

public sealed class TeamInput
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid? LeadStaffMemberId { get; set; }
    public IReadOnlyCollection<Guid> BrandIds { get; set; } = [];
    public IReadOnlyCollection<Guid> MemberIds { get; set; } = [];
}

public sealed class TeamInputValidator : AbstractValidator<TeamInput>
{
    public TeamInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage("Enter the team's name.")
            .MaximumLength(120)
            .WithMessage("Keep the name to 120 characters.");
        RuleFor(x => x.Description).MaximumLength(500).WithMessage("Keep the description to 500 characters.");
        RuleFor(x => x.BrandIds).Must(b => b.Any()).WithMessage("Choose at least one brand this team serves.");
        RuleFor(x => x)
            .Must(x => x.LeadStaffMemberId is null || x.MemberIds.Contains(x.LeadStaffMemberId.Value))
            .WithName(nameof(TeamInput.LeadStaffMemberId))
            .WithMessage("The lead must be a member of the team.")
            .OverridePropertyName(nameof(TeamInput.LeadStaffMemberId));
    }
}

/// <summary>Creates or updates a team: its brands, members and lead.</summary>
public sealed class SaveTeam(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock, ILogger<SaveTeam> log)
{
    private static readonly TeamInputValidator Validator = new();

    public async Task<Outcome<Team>> HandleAsync(TeamInput input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<Team>.Invalid(validation);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Teams.AnyAsync(t => t.Name == input.Name && t.Id != input.Id, ct))
            return Outcome<Team>.Invalid(nameof(TeamInput.Name), "Another team already has this name.");
        var brandIds = input.BrandIds.Distinct().ToList();
        var memberIds = input.MemberIds.Distinct().ToList();
        if (await db.Brands.CountAsync(b => brandIds.Contains(b.Id), ct) != brandIds.Count)
            return Outcome<Team>.Invalid(nameof(TeamInput.BrandIds), "One of the chosen brands does not exist.");
        if (await db.StaffMembers.CountAsync(s => memberIds.Contains(s.Id), ct) != memberIds.Count)
            return Outcome<Team>.Invalid(nameof(TeamInput.MemberIds), "One of the chosen people does not exist.");

        Team? team;
        if (input.Id is { } id)
        {
            team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, ct);
            if (team is null)
                return Outcome<Team>.Invalid("", "This team no longer exists.");
        }
        else
        {
            team = new Team { Name = input.Name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Teams.Add(team);
        }
        team.Name = input.Name;
        team.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        team.BrandIds = brandIds;
        team.LeadStaffMemberId = input.LeadStaffMemberId;
        team.Members.RemoveAll(m => !memberIds.Contains(m.StaffMemberId));
        foreach (var add in memberIds.Where(m => team.Members.All(x => x.StaffMemberId != m)))
            team.Members.Add(new TeamMember { StaffMemberId = add });
        return await db.SaveAsync(team, nameof(TeamInput.Name), "Another team already has this name.", log, ct);
    }
}
