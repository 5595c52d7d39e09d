using Agency.Domain.Common;

namespace Agency.Domain.Tenancy;

/// <summary>An outsourcing agency: the hard boundary around staff, teams, rosters and brands.</summary>
[GlobalEntity("An agency is the tenant itself; rows are found by id from the signed-in user's claim.")]
public class AgencyAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string DefaultTimeZone { get; set; } = "Europe/London";
    public DateTime CreatedAt { get; set; }
}
