using Agency.Domain.Classification;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Classification;

public sealed class RuleInput
{
    public string Name { get; set; } = "";
    public string Pattern { get; set; } = "";
    public bool IsRegex { get; set; }
    public Intent? Intent { get; set; }
}

public sealed class PatternInput
{
    public string Name { get; set; } = "";
    public string Regex { get; set; } = "";
}

/// <summary>The current brand's own labelling rules and personal-data patterns.</summary>
public sealed record ModelStatus(
    bool Trained,
    DateTime? TrainedAt,
    int Corrections,
    int PendingCorrections,
    double ModelAccuracy,
    double RuleAccuracy,
    int HeldOut
)
{
    public bool ModelLabels => ModelAccuracy > RuleAccuracy;
}

public sealed class ClassificationSettings(
    IDbContextFactory<AgencyDbContext> dbs,
    Infrastructure.Classification.IntentModels models,
    Infrastructure.Classification.RetrainIntentModel retrain,
    Infrastructure.Tenancy.TenantContext tenant
)
{
    public async Task<(List<ClassificationRule> Rules, List<SensitivePattern> Patterns)> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (
            await db.ClassificationRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct),
            await db.SensitivePatterns.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)
        );
    }

    /// <summary>How the brand's model and the rules do on the held-out labelled set, and how many corrections wait for the next training.</summary>
    public async Task<ModelStatus> ModelStatusAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var corrections = await db.LabelCorrections.CountAsync(ct);
        var stored = await db
            .BrandIntentModels.AsNoTracking()
            .Select(m => new
            {
                m.TrainedAt,
                m.Corrections,
                m.ModelAccuracy,
                m.RuleAccuracy,
                m.HeldOutExamples,
            })
            .SingleOrDefaultAsync(ct);
        if (stored is not null)
            return new ModelStatus(
                true,
                stored.TrainedAt,
                stored.Corrections,
                corrections - stored.Corrections,
                stored.ModelAccuracy,
                stored.RuleAccuracy,
                stored.HeldOutExamples
            );
        var (model, rules) = await Task.Run(() => models.BaselineAccuracy, ct);
        return new ModelStatus(false, null, 0, corrections, model, rules, Infrastructure.Classification.LabelledSet.HeldOut.Count());
    }

    public Task RetrainAsync(CancellationToken ct = default) => retrain.HandleAsync(tenant.Current, ct);

    public async Task<Outcome<ClassificationRule>> AddRuleAsync(RuleInput input, CancellationToken ct = default)
    {
        var name = input.Name.Trim();
        var pattern = input.Pattern.Trim();
        if (name.Length is 0 or > 120)
            return Outcome<ClassificationRule>.Invalid(nameof(input.Name), "Name the rule (at most 120 characters).");
        if (pattern.Length is 0 or > 1000)
            return Outcome<ClassificationRule>.Invalid(
                nameof(input.Pattern),
                "Enter keywords separated by commas, or a regular expression."
            );
        if (input.IsRegex && PersonalDataDetector.ValidatePattern(pattern) is { } problem)
            return Outcome<ClassificationRule>.Invalid(nameof(input.Pattern), $"This regular expression cannot be used: {problem}");
        if (input.Intent is not { } intent || !Enum.IsDefined(intent))
            return Outcome<ClassificationRule>.Invalid(nameof(input.Intent), "Choose the intent the rule sets.");

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ClassificationRules.AnyAsync(r => r.Name == name, ct))
            return Outcome<ClassificationRule>.Invalid(nameof(input.Name), "Another rule has this name.");
        var order = await db.ClassificationRules.Select(r => (int?)r.Order).MaxAsync(ct) ?? 0;
        var rule = new ClassificationRule
        {
            Name = name,
            Pattern = pattern,
            IsRegex = input.IsRegex,
            Intent = intent,
            Order = order + 1,
        };
        db.ClassificationRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Outcome<ClassificationRule>.Success(rule);
    }

    public async Task DeleteRuleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ClassificationRules.SingleOrDefaultAsync(r => r.Id == id, ct) is { } rule)
        {
            db.ClassificationRules.Remove(rule);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Moves a rule one place earlier (up) or later; rules apply in order and the first match wins.</summary>
    public async Task MoveRuleAsync(Guid id, bool up, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await db.ClassificationRules.OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        if (Domain.Common.Ordering.Move(rules, r => r.Id, id, up, (r, order) => r.Order = order))
            await db.SaveChangesAsync(ct);
    }

    public async Task<Outcome<SensitivePattern>> AddPatternAsync(PatternInput input, CancellationToken ct = default)
    {
        var name = input.Name.Trim();
        var regex = input.Regex.Trim();
        if (name.Length is 0 or > 120)
            return Outcome<SensitivePattern>.Invalid(nameof(input.Name), "Name what the pattern finds, e.g. 'Order number'.");
        if (regex.Length is 0 or > 500)
            return Outcome<SensitivePattern>.Invalid(nameof(input.Regex), "Enter a regular expression, e.g. \\bA-\\d{5}\\b.");
        if (PersonalDataDetector.ValidatePattern(regex) is { } problem)
            return Outcome<SensitivePattern>.Invalid(nameof(input.Regex), $"This regular expression cannot be used: {problem}");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SensitivePatterns.AnyAsync(p => p.Name == name, ct))
            return Outcome<SensitivePattern>.Invalid(nameof(input.Name), "Another pattern has this name.");
        var pattern = new SensitivePattern { Name = name, Regex = regex };
        db.SensitivePatterns.Add(pattern);
        await db.SaveChangesAsync(ct);
        return Outcome<SensitivePattern>.Success(pattern);
    }

    public async Task DeletePatternAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SensitivePatterns.SingleOrDefaultAsync(p => p.Id == id, ct) is { } pattern)
        {
            db.SensitivePatterns.Remove(pattern);
            await db.SaveChangesAsync(ct);
        }
    }
}
