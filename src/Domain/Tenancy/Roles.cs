namespace Agency.Domain.Tenancy;

/// <summary>The roles a person can hold. The first four are agency-wide; the last two are held per brand.</summary>
public enum UserRole
{
    AgencyAdmin = 1,
    TeamLead = 2,
    Agent = 3,
    Scheduler = 4,
    MarketingOwner = 5,
    BrandManager = 6,
}

/// <summary>What a person does for one brand.</summary>
public enum BrandRole
{
    /// <summary>Answers or leads service work for the brand (agents, team leads).</summary>
    Service = 1,

    /// <summary>Owns some of the brand's social accounts in marketing or PR.</summary>
    MarketingOwner = 2,

    /// <summary>The agency's client: reviews this brand only.</summary>
    BrandManager = 3,
}

public static class Roles
{
    public const string AgencyAdmin = nameof(UserRole.AgencyAdmin);
    public const string TeamLead = nameof(UserRole.TeamLead);
    public const string Agent = nameof(UserRole.Agent);
    public const string Scheduler = nameof(UserRole.Scheduler);
    public const string MarketingOwner = nameof(UserRole.MarketingOwner);
    public const string BrandManager = nameof(UserRole.BrandManager);

    public static readonly IReadOnlyList<UserRole> All = Enum.GetValues<UserRole>();

    /// <summary>Roles that see every brand of their agency without a membership.</summary>
    public static bool SeesAllBrands(UserRole role) => role is UserRole.AgencyAdmin or UserRole.Scheduler;

    public static bool IsBrandScoped(UserRole role) => role is UserRole.MarketingOwner or UserRole.BrandManager;

    /// <summary>The brand role that a user of this role holds for the brands they are given.</summary>
    public static BrandRole BrandRoleFor(UserRole role) =>
        role switch
        {
            UserRole.MarketingOwner => BrandRole.MarketingOwner,
            UserRole.BrandManager => BrandRole.BrandManager,
            _ => BrandRole.Service,
        };

    public static string Describe(UserRole role) =>
        role switch
        {
            UserRole.AgencyAdmin => "Agency admin",
            UserRole.TeamLead => "Team lead",
            UserRole.Agent => "Agent",
            UserRole.Scheduler => "Staff scheduler",
            UserRole.MarketingOwner => "Marketing / PR owner",
            UserRole.BrandManager => "Brand manager",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
        };

    public static UserRole Parse(string value) =>
        Enum.TryParse<UserRole>(value, ignoreCase: false, out var role) && Enum.IsDefined(role)
            ? role
            : throw new ArgumentException($"Unknown role '{value}'.", nameof(value));
}
