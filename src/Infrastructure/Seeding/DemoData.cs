using Agency.Domain.Channels;
using Agency.Domain.Tenancy;

namespace Agency.Infrastructure.Seeding;

/// <summary>
/// The demo agency seeded on a fresh development database. Brands are the support accounts of the
/// public "Customer Support on Twitter" sample in shared/data, so imported real tweets fit them.
/// </summary>
public static class DemoData
{
    public const string AgencyName = "Northbeam Social Care";
    public const string AgencySlug = "northbeam";
    public const string Password = "Northbeam-demo-2026";

    public sealed record DemoBrand(string Name, string Slug, string TimeZoneId, string Color, string Handle);

    public sealed record DemoUser(string Email, string Name, UserRole Role, string[] BrandSlugs);

    public sealed record DemoStaff(string Name, string Email, string[] BrandSlugs, Network[] Channels, string[] Languages, int Capacity);

    public static readonly DemoBrand[] Brands =
    [
        new("Apple Support", "apple", "America/Los_Angeles", "#555555", "AppleSupport"),
        new("Amazon Help", "amazon", "America/Los_Angeles", "#FF9900", "AmazonHelp"),
        new("Delta Air Lines", "delta", "America/New_York", "#C8102E", "Delta"),
        new("British Airways", "british-airways", "Europe/London", "#075AAA", "British_Airways"),
    ];

    public static readonly DemoUser[] Users =
    [
        new("admin@northbeam.example", "Priya Raman", UserRole.AgencyAdmin, []),
        new("lead@northbeam.example", "Marcus Oyelaran", UserRole.TeamLead, ["apple", "amazon"]),
        new("agent@northbeam.example", "Sofia Lindqvist", UserRole.Agent, ["apple", "amazon"]),
        new("scheduler@northbeam.example", "Hannah Becker", UserRole.Scheduler, []),
        new("marketing@northbeam.example", "Jordan Ellis", UserRole.MarketingOwner, ["apple"]),
        new("brandmanager@northbeam.example", "Olivia Chen", UserRole.BrandManager, ["delta"]),
    ];

    public static readonly DemoStaff[] Staff =
    [
        new(
            "Marcus Oyelaran",
            "lead@northbeam.example",
            ["apple", "amazon"],
            [Network.X, Network.Facebook, Network.Instagram],
            ["en", "fr"],
            6
        ),
        new("Sofia Lindqvist", "agent@northbeam.example", ["apple", "amazon"], [Network.X, Network.Facebook], ["en", "sv"], 5),
        new(
            "Tomás Herrera",
            "tomas.herrera@northbeam.example",
            ["delta", "british-airways"],
            [Network.X, Network.Facebook, Network.Instagram],
            ["en", "es"],
            5
        ),
        new("Aisha Bello", "aisha.bello@northbeam.example", ["delta"], [Network.X, Network.Instagram], ["en"], 4),
        new("Liam O'Connor", "liam.oconnor@northbeam.example", ["british-airways", "amazon"], [Network.X, Network.Facebook], ["en"], 5),
        new("Mei Tanaka", "mei.tanaka@northbeam.example", ["apple"], [Network.X, Network.Instagram], ["en", "ja"], 5),
        new("Lukas Novak", "lukas.novak@northbeam.example", ["amazon", "delta"], [Network.X, Network.Facebook], ["en", "de"], 6),
        new(
            "Chloé Martin",
            "chloe.martin@northbeam.example",
            ["british-airways", "apple"],
            [Network.X, Network.Facebook, Network.Instagram],
            ["en", "fr"],
            5
        ),
        new("Daniel Okafor", "daniel.okafor@northbeam.example", ["delta", "british-airways"], [Network.X], ["en"], 4),
        new(
            "Ana Sousa",
            "ana.sousa@northbeam.example",
            ["amazon"],
            [Network.X, Network.Facebook, Network.Instagram],
            ["en", "pt", "es"],
            5
        ),
    ];

    /// <summary>The demo secret of every seeded account, so webhook deliveries can be signed by hand in a demo.</summary>
    public const string WebhookSecret = "northbeam-demo-webhook-secret";

    /// <summary>The demo accounts' access token; replies go to the built-in platform stand-in in development.</summary>
    public const string AccessToken = "northbeam-demo-access-token";

    public sealed record DemoAccount(
        string BrandSlug,
        Network Network,
        string Handle,
        string ExternalId,
        Domain.Channels.Department Department
    );

    /// <summary>Each brand's service handle from the data set, plus marketing-owned accounts where service questions land by mistake.</summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("apple", Network.X, "AppleSupport", "458015800", Domain.Channels.Department.Service),
        new("apple", Network.X, "Apple", "380749300", Domain.Channels.Department.Marketing),
        new("apple", Network.Instagram, "apple", "17841400000000001", Domain.Channels.Department.Marketing),
        new("amazon", Network.X, "AmazonHelp", "85741735", Domain.Channels.Department.Service),
        new("delta", Network.X, "Delta", "5920532", Domain.Channels.Department.Service),
        new("delta", Network.Facebook, "Delta", "104520178829391", Domain.Channels.Department.Marketing),
        new("british-airways", Network.X, "British_Airways", "18332190", Domain.Channels.Department.Marketing),
    ];

    /// <summary>Public holidays of each brand's home market around the demo period.</summary>
    public static readonly (string BrandSlug, DateOnly Date, string Name)[] Holidays =
    [
        ("apple", new DateOnly(2026, 11, 26), "Thanksgiving Day"),
        ("apple", new DateOnly(2026, 12, 25), "Christmas Day"),
        ("amazon", new DateOnly(2026, 11, 26), "Thanksgiving Day"),
        ("amazon", new DateOnly(2026, 12, 25), "Christmas Day"),
        ("delta", new DateOnly(2026, 11, 26), "Thanksgiving Day"),
        ("delta", new DateOnly(2026, 12, 25), "Christmas Day"),
        ("british-airways", new DateOnly(2026, 12, 25), "Christmas Day"),
        ("british-airways", new DateOnly(2026, 12, 28), "Boxing Day (substitute day)"),
    ];

    public static readonly (string Name, string Description, string[] BrandSlugs, string LeadEmail, string[] MemberEmails)[] Teams =
    [
        (
            "Tech & Retail Care",
            "Devices, orders and deliveries",
            ["apple", "amazon"],
            "lead@northbeam.example",
            [
                "lead@northbeam.example",
                "agent@northbeam.example",
                "mei.tanaka@northbeam.example",
                "ana.sousa@northbeam.example",
                "lukas.novak@northbeam.example",
            ]
        ),
        (
            "Travel Care",
            "Flights, baggage and loyalty",
            ["delta", "british-airways"],
            "tomas.herrera@northbeam.example",
            [
                "tomas.herrera@northbeam.example",
                "aisha.bello@northbeam.example",
                "liam.oconnor@northbeam.example",
                "chloe.martin@northbeam.example",
                "daniel.okafor@northbeam.example",
            ]
        ),
    ];
}
