using Agency.Domain.Tenancy;
using Agency.Portal.Features.Brands;
using Agency.Portal.Features.Common;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Brands;

public sealed class BrandFormTests : ComponentTestBase
{
    public BrandFormTests() => Services.AddScoped<SaveBrand>();

    protected override async Task SeedAsync()
    {
        await using var db = Setup.Create(Tenant.Current);
        db.Brands.Add(
            new Brand
            {
                Name = "Apple Support",
                Slug = "apple",
                TimeZoneId = "America/Los_Angeles",
            }
        );
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<BrandForm> RenderForm(BrandInput input, Action<Brand>? saved = null)
    {
        Render<MudPopoverProvider>();
        return Render<BrandForm>(p =>
            p.Add(x => x.Input, input).Add(x => x.OnSaved, EventCallback.Factory.Create<Brand>(this, b => saved?.Invoke(b)))
        );
    }

    [Fact]
    public void An_empty_form_shows_what_each_field_needs()
    {
        var cut = RenderForm(new BrandInput { Color = "blue" });
        Button(cut, "Save brand").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the brand's name.", cut.Markup);
            Assert.Contains("Enter a short address name", cut.Markup);
            Assert.Contains("Enter a colour as #RRGGBB", cut.Markup);
        });
    }

    [Fact]
    public void A_new_brand_s_slug_follows_its_name_until_one_is_typed()
    {
        var cut = RenderForm(new BrandInput());
        InputLabelled(cut, "Name").Input("Globex Corp");
        cut.WaitForAssertion(() => Assert.Equal("globex-corp", InputLabelled(cut, "Address name (slug)").GetAttribute("value")));

        InputLabelled(cut, "Address name (slug)").Input("gx");
        InputLabelled(cut, "Name").Input("Globex Corporation");
        cut.WaitForAssertion(() => Assert.Equal("gx", InputLabelled(cut, "Address name (slug)").GetAttribute("value")));
    }

    [Fact]
    public void A_malformed_slug_is_explained()
    {
        var cut = RenderForm(new BrandInput());
        InputLabelled(cut, "Name").Input("Globex");
        InputLabelled(cut, "Address name (slug)").Input("Globex Corp!");
        Button(cut, "Save brand").Click();
        cut.WaitForAssertion(() => Assert.Contains("Use lower-case letters, digits and dashes", cut.Markup));
    }

    [Fact]
    public async Task A_slug_already_used_in_the_agency_is_refused_at_the_field()
    {
        Brand? saved = null;
        var cut = RenderForm(new BrandInput(), b => saved = b);
        InputLabelled(cut, "Name").Input("Apple Retail");
        InputLabelled(cut, "Address name (slug)").Input("apple");
        Button(cut, "Save brand").Click();
        cut.WaitForAssertion(() => Assert.Contains("Another brand of this agency already uses 'apple'.", cut.Markup));
        Assert.Null(saved);
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(1, await db.Brands.CountAsync());
    }

    [Fact]
    public async Task A_database_busy_past_its_timeout_keeps_the_form_and_says_nothing_was_saved()
    {
        Brand? saved = null;
        var cut = RenderForm(new BrandInput(), b => saved = b);
        InputLabelled(cut, "Name").Input("Globex");
        InputLabelled(cut, "Address name (slug)").Input("globex");
        await using (await HoldWritesAsync())
        {
            Button(cut, "Save brand").Click();
            // The message, and the button free again once the save has ended.
            cut.WaitForAssertion(
                () =>
                {
                    Assert.Contains(SaveOutcomes.NotSaved, cut.Markup);
                    Assert.False(Button(cut, "Save brand").HasAttribute("disabled"));
                },
                TimeSpan.FromSeconds(10)
            );
        }
        Assert.Null(saved);
        Assert.DoesNotContain("already uses", cut.Markup);
        // What was typed is still there: saving again, once the database is free, stores the brand.
        Button(cut, "Save brand").Click();
        cut.WaitForAssertion(() => Assert.NotNull(saved), TimeSpan.FromSeconds(10));
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(1, await db.Brands.CountAsync(b => b.Slug == "globex"));
    }

    [Fact]
    public async Task A_valid_brand_is_saved_in_the_agency()
    {
        Brand? saved = null;
        var cut = RenderForm(new BrandInput(), b => saved = b);
        InputLabelled(cut, "Name").Input("Globex");
        InputLabelled(cut, "Address name (slug)").Input("globex");
        Button(cut, "Save brand").Click();
        cut.WaitForAssertion(() => Assert.NotNull(saved));
        await using var db = Setup.Create(Tenant.Current);
        var stored = await db.Brands.SingleAsync(b => b.Slug == "globex");
        Assert.Equal(AgencyId, stored.AgencyId);
        Assert.Equal("Europe/London", stored.TimeZoneId);
    }

    [Fact]
    public async Task A_new_time_zone_has_the_brands_reports_counted_again_and_a_new_name_does_not()
    {
        Brand brand;
        await using (var db = Setup.Create(Tenant.Current))
            brand = await db.Brands.SingleAsync(b => b.Slug == "apple");
        var inBrand = Tenant.Current.WithBrand(brand.Id);
        await using (var db = Setup.Create(inBrand))
        {
            db.RollupStates.Add(
                new Agency.Domain.Reporting.RollupState
                {
                    BrandId = brand.Id,
                    PostsThrough = DateTime.UtcNow,
                    ConversationsThrough = DateTime.UtcNow,
                }
            );
            await db.SaveChangesAsync();
        }
        var save = Services.GetRequiredService<SaveBrand>();
        var renamed = BrandInput.From(brand);
        renamed.Name = "Apple Care";
        Assert.True((await save.HandleAsync(renamed)).Succeeded);
        await using (var db = Setup.Create(inBrand))
            Assert.Equal((1, 0), (await db.RollupStates.CountAsync(), (await db.RollupStates.SingleAsync()).Rebuilds));

        var moved = BrandInput.From(brand);
        moved.TimeZoneId = "Europe/London";
        Assert.True((await save.HandleAsync(moved)).Succeeded);
        // The watermarks go back to their start: the next refresh counts every day again, in the new zone.
        await using (var db = Setup.Create(inBrand))
        {
            var state = await db.RollupStates.SingleAsync();
            Assert.Equal((DateTime.MinValue, DateTime.MinValue, 1), (state.PostsThrough, state.ConversationsThrough, state.Rebuilds));
        }
    }
}
