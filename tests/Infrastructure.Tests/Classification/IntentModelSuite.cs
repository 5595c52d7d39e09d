using Agency.Domain.Classification;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Classification;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Classification;

public class IntentModelTests
{
    [Fact]
    public void The_labelled_set_is_split_once_and_for_all()
    {
        Assert.Equal(240, LabelledSet.All.Count);
        Assert.Equal(LabelledSet.All.Count, LabelledSet.Training.Count() + LabelledSet.HeldOut.Count());
        Assert.InRange(LabelledSet.HeldOut.Count(), 50, 90);
        Assert.Empty(LabelledSet.Training.Select(t => t.Text).Intersect(LabelledSet.HeldOut.Select(h => h.Text)));
    }

    [Fact]
    public void A_trained_model_learns_its_examples_and_survives_save_and_load()
    {
        var model = IntentModel.Train(LabelledSet.Training);
        Assert.True(model.Accuracy(LabelledSet.Training) > 0.8, "a model should fit its own training data");
        var loaded = IntentModel.Load(model.Save());
        foreach (var sample in LabelledSet.HeldOut.Take(10))
            Assert.Equal(model.Predict(sample.Text).Intent, loaded.Predict(sample.Text).Intent);
        var (_, confidence) = loaded.Predict("@AcmeCare where is my parcel?");
        Assert.InRange(confidence, 0.0, 1.0);
    }
}

public abstract class RetrainSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;
    private TenantScope acme = default!,
        globex = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var world = await TenantWorld.SeedAsync(db);
        (acme, globex) = (world.XAcmeScope, world.XGlobexScope);
        await using var ctx = db.As(acme);
        ctx.BrandIntentModels.RemoveRange(ctx.BrandIntentModels);
        await ctx.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Retraining_learns_the_brand_s_corrections_and_stores_its_measured_accuracy_in_that_brand_only()
    {
        const string jargon = "zorblax widget refused to frobnicate again";
        await using (var ctx = db.As(acme))
        {
            var post = await ctx.Posts.FirstAsync();
            for (var i = 0; i < 4; i++)
                ctx.LabelCorrections.Add(
                    new LabelCorrection
                    {
                        PostId = post.Id,
                        Text = $"{jargon} {i}",
                        ToIntent = Intent.Spam,
                        CorrectedAt = DateTime.UtcNow,
                    }
                );
            await ctx.SaveChangesAsync();
        }
        var models = new IntentModels();
        var stored = await new RetrainIntentModel(db.Setup, models, TimeProvider.System).HandleAsync(acme);
        Assert.Equal(5, stored.Corrections); // four here plus the world's one
        Assert.Equal(LabelledSet.HeldOut.Count(), stored.HeldOutExamples);
        Assert.InRange(stored.ModelAccuracy, 0.2, 1.0);
        Assert.InRange(stored.RuleAccuracy, 0.2, 1.0);
        Assert.Equal(Intent.Spam, IntentModel.Load(stored.Model).Predict(jargon).Intent);

        await using var other = db.As(globex);
        Assert.Equal([1, 2, 3], (await other.BrandIntentModels.SingleAsync()).Model); // the other brand's model is untouched
    }
}

public sealed class SqliteRetrain() : RetrainSuite(DatabaseProvider.Sqlite);

public sealed class PostgresRetrain() : RetrainSuite(DatabaseProvider.Postgres);
