using System.Security.Claims;
using Agency.Domain.PublicApi;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.PublicApi;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.PublicApi;

public sealed class ApiAccessPageTests : ComponentTestBase
{
    private Brand brand = default!;

    public ApiAccessPageTests()
    {
        Services.AddScoped<ApiKeys>();
        Services.AddLogging();
    }

    protected override async Task SeedAsync() => brand = await AddBrandAsync();

    private IRenderedComponent<CascadingValue<PortalContext>> RenderPage() => RenderBrandPageAsAdmin<ApiAccess>(brand);

    [Fact]
    public async Task Making_a_key_shows_it_once_and_lists_it_without_its_secret()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No keys yet", cut.Markup));
        InputLabelled(cut, "What the key is for").Input("CRM sync");
        Button(cut, "Make key").Click();
        cut.WaitForAssertion(() => Assert.Contains("Copy it now: it is not shown again", cut.Markup));
        var secret = cut.Find("[data-testid=new-api-key]").TextContent.Trim();
        Assert.StartsWith("agk_", secret, StringComparison.Ordinal);

        await using var db = Setup.Create(Tenant.Current);
        var stored = await db.ApiKeys.SingleAsync();
        Assert.True(stored.Accepts(secret));
        Assert.Equal("Test Admin", stored.CreatedBy);
        var table = cut.Find("[aria-label='API keys']");
        Assert.Contains("CRM sync", table.TextContent);
        Assert.Contains(stored.Display, table.TextContent);
        Assert.DoesNotContain(secret, table.TextContent);
        Assert.Contains("never", table.TextContent);
    }

    [Fact]
    public async Task An_empty_name_and_a_name_already_active_are_refused_with_field_messages()
    {
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.ApiKeys.Add(ApiKey.Issue("CRM sync", DateTime.UtcNow, "Someone").Key);
            await db.SaveChangesAsync();
        }
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("CRM sync", cut.Markup));
        Button(cut, "Make key").Click();
        cut.WaitForAssertion(() => Assert.Contains("Say what the key is for", cut.Markup));
        InputLabelled(cut, "What the key is for").Input("CRM sync");
        Button(cut, "Make key").Click();
        cut.WaitForAssertion(() => Assert.Contains("An active key of this brand already has this name", cut.Markup));
        await using var check = Setup.Create(Tenant.Current);
        Assert.Equal(1, await check.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task Revoking_asks_first_and_then_marks_the_key_revoked()
    {
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.ApiKeys.Add(ApiKey.Issue("BI export", DateTime.UtcNow, "Someone").Key);
            await db.SaveChangesAsync();
        }
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("BI export", cut.Markup));
        Button(cut, "Revoke").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("stops working at once", Dialogs.Markup));
        Button(Dialogs, "Keep it").Click();
        await using (var db = Setup.Create(Tenant.Current))
            Assert.Null((await db.ApiKeys.SingleAsync()).RevokedAt);

        Button(cut, "Revoke").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("stops working at once", Dialogs.Markup));
        Button(Dialogs, "Revoke key").Click();
        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("[aria-label='API keys']").TextContent));
        await using var after = Setup.Create(Tenant.Current);
        var key = await after.ApiKeys.SingleAsync();
        Assert.NotNull(key.RevokedAt);
        Assert.Equal("Test Admin", key.RevokedBy);
    }
}
