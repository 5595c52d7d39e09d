using Agency.Domain.Common;

namespace Agency.Domain.Classification;

/// <summary>
/// A person's correction of an item's intent. Kept with the text as it was, so the brand's model can
/// learn from its own agents and its accuracy can be checked against people's judgement.
/// </summary>
public class LabelCorrection : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Guid PostId { get; set; }
    public required string Text { get; set; }
    public Intent? FromIntent { get; set; }
    public LabelSource? FromSource { get; set; }
    public Intent ToIntent { get; set; }
    public string? CorrectedBy { get; set; }
    public DateTime CorrectedAt { get; set; }
}
