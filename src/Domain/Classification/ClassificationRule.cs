using Agency.Domain.Common;

namespace Agency.Domain.Classification;

/// <summary>A brand's own labelling rule (keywords or a regular expression to an intent), applied in order.</summary>
public class ClassificationRule : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public required string Pattern { get; set; }
    public bool IsRegex { get; set; }
    public Intent Intent { get; set; }
    public int Order { get; set; }

    public BrandRule ToRule() => new(Name, Pattern, Intent, IsRegex);
}

/// <summary>A brand's pattern for identifiers that count as personal data (order or account numbers).</summary>
public class SensitivePattern : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required string Name { get; set; }
    public required string Regex { get; set; }

    public BrandPattern ToPattern() => new(Name, Regex);
}
