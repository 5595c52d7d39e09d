using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Agency.Domain.Classification;
using Agency.Domain.Intake;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Agency.Infrastructure.Classification;

public sealed record LabelledText(string Text, Intent Intent);

/// <summary>The shipped, hand-labelled set of real customer tweets; 30% is held out (by a hash of the text) and never trained on.</summary>
public static class LabelledSet
{
    private static readonly Lazy<IReadOnlyList<LabelledText>> Rows = new(Load);

    public static IReadOnlyList<LabelledText> All => Rows.Value;
    public static IEnumerable<LabelledText> Training => All.Where(r => !IsHeldOut(r.Text));
    public static IEnumerable<LabelledText> HeldOut => All.Where(r => IsHeldOut(r.Text));

    public static bool IsHeldOut(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text))[0] % 10 < 3;

    private static IReadOnlyList<LabelledText> Load()
    {
        using var stream = typeof(LabelledSet).Assembly.GetManifestResourceStream("Agency.Classification.labelled-intents.csv")
            ?? throw new InvalidOperationException("The labelled intent set is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Csv.Read(reader)
            .Skip(1)
            .Where(r => r.Fields.Count == 2)
            .Select(r => new LabelledText(r.Fields[0], Enum.Parse<Intent>(r.Fields[1])))
            .ToList();
    }
}

/// <summary>
/// An ML.NET text classifier for intents (n-gram features, maximum-entropy trainer). Thread-safe:
/// predictions take a lock around ML.NET's single-threaded prediction engine.
/// </summary>
public sealed class IntentModel
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    private static readonly MLContext Ml = new(seed: 1);
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly PredictionEngine<Row, Prediction> _engine;
    private readonly Lock _gate = new();

    private IntentModel(ITransformer model, DataViewSchema schema)
    {
        _model = model;
        _schema = schema;
        _engine = Ml.Model.CreatePredictionEngine<Row, Prediction>(model, schema);
    }

    public static IntentModel Train(IEnumerable<LabelledText> examples)
    {
        var data = Ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Text = Clean(e.Text), Label = e.Intent.ToString() }).ToList());
        var pipeline = Ml
            .Transforms.Conversion.MapValueToKey("Label")
            .Append(Ml.Transforms.Text.FeaturizeText("Features", nameof(Row.Text)))
            .Append(Ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(Ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new IntentModel(pipeline.Fit(data), data.Schema);
    }

    public static IntentModel Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var model = Ml.Model.Load(stream, out var schema);
        return new IntentModel(model, schema);
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        Ml.Model.Save(_model, _schema, stream);
        return stream.ToArray();
    }

    public (Intent Intent, double Confidence) Predict(string text)
    {
        Prediction p;
        lock (_gate)
            p = _engine.Predict(new Row { Text = Clean(text) });
        return (Enum.Parse<Intent>(p.PredictedLabel), p.Score.Length == 0 ? 0 : p.Score.Max());
    }

    public double Accuracy(IEnumerable<LabelledText> heldOut)
    {
        var list = heldOut.ToList();
        return list.Count == 0 ? 0 : list.Count(e => Predict(e.Text).Intent == e.Intent) / (double)list.Count;
    }

    public static double RuleAccuracy(IEnumerable<LabelledText> heldOut, IReadOnlyList<BrandRule>? rules = null)
    {
        var list = heldOut.ToList();
        return list.Count == 0 ? 0 : list.Count(e => RuleClassifier.Classify(e.Text, rules).Intent == e.Intent) / (double)list.Count;
    }

    // The model reads what people wrote, as the rules do: no @handles, no links.
    private static string Clean(string text) =>
        string.Join(
            ' ',
            text.ToLowerInvariant()
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w[0] != '@' && !w.StartsWith("http", StringComparison.Ordinal))
        );
}

/// <summary>Loaded intent models: the shipped baseline, and each brand's latest (cached until it is retrained).</summary>
public sealed class IntentModels
{
    private readonly Lazy<IntentModel> _baseline = new(() => IntentModel.Train(LabelledSet.Training));
    private readonly ConcurrentDictionary<Guid, (DateTime TrainedAt, IntentModel Model)> _brands = new();

    private readonly Lazy<(double Model, double Rules)> _baselineAccuracy;

    public IntentModels() =>
        _baselineAccuracy = new(() => (Baseline.Accuracy(LabelledSet.HeldOut), IntentModel.RuleAccuracy(LabelledSet.HeldOut)));

    public IntentModel Baseline => _baseline.Value;

    /// <summary>Held-out accuracy of the baseline model and of the rules.</summary>
    public (double Model, double Rules) BaselineAccuracy => _baselineAccuracy.Value;

    /// <summary>
    /// The model that labels a brand's posts: its own when trained, else the baseline; null when the
    /// measured accuracy says the rules do better, so the rules keep labelling.
    /// </summary>
    public async Task<IntentModel?> ForBrandAsync(Persistence.AgencyDbContext db, CancellationToken ct)
    {
        var latest = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.BrandIntentModels.Select(m => new
            {
                m.BrandId,
                m.TrainedAt,
                m.ModelAccuracy,
                m.RuleAccuracy,
            }),
            ct
        );
        if (latest is null)
            return BaselineAccuracy.Model > BaselineAccuracy.Rules ? Baseline : null;
        if (latest.ModelAccuracy <= latest.RuleAccuracy)
            return null;
        if (_brands.TryGetValue(latest.BrandId, out var cached) && cached.TrainedAt == latest.TrainedAt)
            return cached.Model;
        var bytes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.BrandIntentModels.Where(m => m.BrandId == latest.BrandId).Select(m => m.Model),
            ct
        );
        var model = IntentModel.Load(bytes);
        _brands[latest.BrandId] = (latest.TrainedAt, model);
        return model;
    }

    public void Forget(Guid brandId) => _brands.TryRemove(brandId, out _);
}
