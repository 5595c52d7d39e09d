using Agency.Domain.Classification;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Classification;

/// <summary>
/// Trains a brand's intent model from the shipped labelled examples plus the brand's own corrections
/// (each correction counts three times: the brand's agents know its customers), measures it and the
/// rules on the held-out set, and stores it.
/// </summary>
public sealed class RetrainIntentModel(DatabaseSetup database, IntentModels models, TimeProvider clock)
{
    public const int CorrectionWeight = 3;

    public async Task<BrandIntentModel> HandleAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var corrections = await db
            .LabelCorrections.AsNoTracking()
            .OrderBy(c => c.CorrectedAt)
            .Select(c => new LabelledText(c.Text, c.ToIntent))
            .ToListAsync(ct);
        var rules = await db.ClassificationRules.AsNoTracking().OrderBy(r => r.Order).Select(r => r.ToRule()).ToListAsync(ct);
        // Held-out texts are never trained on, even when an agent corrected the same text.
        var brandExamples = corrections.Where(c => !LabelledSet.IsHeldOut(c.Text)).ToList();
        var examples = LabelledSet.Training.Concat(Enumerable.Repeat(brandExamples, CorrectionWeight).SelectMany(x => x)).ToList();
        var held = LabelledSet.HeldOut.ToList();

        var model = await Task.Run(() => IntentModel.Train(examples), ct);
        var stored = await db.BrandIntentModels.SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            stored = new BrandIntentModel { Model = [] };
            db.BrandIntentModels.Add(stored);
        }
        stored.Model = model.Save();
        stored.TrainedAt = clock.GetUtcNow().UtcDateTime;
        stored.TrainingExamples = examples.Count;
        stored.Corrections = corrections.Count;
        stored.ModelAccuracy = model.Accuracy(held);
        stored.RuleAccuracy = IntentModel.RuleAccuracy(held, rules);
        stored.HeldOutExamples = held.Count;
        await db.SaveChangesAsync(ct);
        models.Forget(brand.BrandId!.Value);
        return stored;
    }
}

/// <summary>Nightly: retrains every brand's intent model with the day's corrections, one brand at a time.</summary>
[DisallowConcurrentExecution]
public sealed class RetrainIntentModelsJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("retrain-intent-models", "classification");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        await fanOut.RunForJobAsync(
            "Retraining the intent model",
            (sp, tenant, token) => sp.GetRequiredService<RetrainIntentModel>().HandleAsync(tenant, token),
            ct
        );
    }
}
