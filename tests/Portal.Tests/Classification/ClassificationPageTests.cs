using System.Security.Claims;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.Classification;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Classification;

public sealed class ClassificationPageTests : ComponentTestBase
{
    private Brand brand = default!;

    public ClassificationPageTests()
    {
        Services.AddScoped<ClassificationSettings>();
        Services.AddSingleton<Infrastructure.Classification.IntentModels>();
        Services.AddSingleton<Infrastructure.Classification.RetrainIntentModel>();
    }

    protected override async Task SeedAsync() => brand = await AddBrandAsync();

    private IRenderedComponent<CascadingValue<PortalContext>> RenderPage() => RenderBrandPageAsAdmin<ClassificationPage>(brand);

    [Fact]
    public async Task A_bad_regular_expression_is_refused_at_save_with_the_reason()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No rules yet", cut.Markup));
        InputLabelled(cut, "Rule name").Change("Broken");
        InputLabelled(cut, "Keywords or regex").Change("([unclosed");
        cut.FindAll("input[type=checkbox]").Last().Change(true);
        Button(cut, "Add rule").Click();
        cut.WaitForAssertion(() => Assert.Contains("This regular expression cannot be used", cut.Markup));
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(0, await db.ClassificationRules.CountAsync());
    }

    [Fact]
    public async Task A_keyword_rule_is_saved_in_the_brand_and_the_preview_shows_it_winning()
    {
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.ClassificationRules.Add(
                new Domain.Classification.ClassificationRule
                {
                    Name = "Recall",
                    Pattern = "recall, airbag",
                    Intent = Domain.Classification.Intent.Complaint,
                    Order = 1,
                }
            );
            await db.SaveChangesAsync();
        }
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("Recall", cut.Markup));
        cut.Find("textarea").Input("Is my car in the airbag recall? thanks, great service");
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("<b>Complaint</b> (Rule,", cut.Markup);
            Assert.Contains(", Recall)", cut.Markup);
        });
    }

    [Fact]
    public async Task Retraining_from_the_page_trains_the_brand_s_model_and_shows_its_accuracy()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("Baseline model", cut.Markup), TimeSpan.FromSeconds(30));
        Button(cut, "Retrain now").Click();
        cut.WaitForAssertion(() => Assert.Contains("Brand model", cut.Markup), TimeSpan.FromSeconds(60));
        Assert.Contains("with 0 correction(s)", cut.Markup);
        await using var db = Setup.Create(Tenant.Current);
        var stored = await db.BrandIntentModels.SingleAsync();
        Assert.Equal(brand.Id, stored.BrandId);
        Assert.True(stored.Model.Length > 1000);
    }
}
