using Agency.Domain.Common;

namespace Agency.Domain.Classification;

/// <summary>A brand's trained intent model (the shipped baseline plus its agents' corrections) and how well it did.</summary>
public class BrandIntentModel : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public required byte[] Model { get; set; }
    public DateTime TrainedAt { get; set; }
    public int TrainingExamples { get; set; }
    public int Corrections { get; set; }

    /// <summary>Share of the held-out labelled set this model gets right.</summary>
    public double ModelAccuracy { get; set; }

    /// <summary>The same measure for the transparent rules, for comparison.</summary>
    public double RuleAccuracy { get; set; }
    public int HeldOutExamples { get; set; }

    /// <summary>The model labels posts only where it has shown itself better than the rules.</summary>
    public bool BeatsRules => ModelAccuracy > RuleAccuracy;
}
