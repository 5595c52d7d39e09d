using System.Text.RegularExpressions;
using Agency.Domain.Common;

namespace Agency.Domain.Tenancy;

/// <summary>A client brand of the agency: the tenant that accounts, posts, conversations and reports belong to.</summary>
public partial class Brand : IAgencyOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>IANA time zone id; days and hours of week are computed in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Brand colour as #RRGGBB, used in the portal and reports.</summary>
    public string Color { get; set; } = "#1E88E5";
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();

    public static bool IsValidColor(string? value) => value is not null && ColorPattern().IsMatch(value);

    public static bool IsKnownTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
