using System.Security.Claims;
using Agency.Domain.OutgoingWebhooks;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.OutgoingWebhooks;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.OutgoingWebhooks;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Agency.Portal.Tests.OutgoingWebhooks;

public sealed class WebhooksPageTests : ComponentTestBase
{
    private Brand brand = default!;
    private readonly WebhookSecrets secrets = new(new EphemeralDataProtectionProvider());

    public WebhooksPageTests()
    {
        Services.AddScoped<Webhooks>();
        Services.AddSingleton(secrets);
        Services.AddSingleton<WebhookSignal>();
        Services.AddSingleton(Options.Create(new WebhookOptions { AllowInsecure = false }));
        Services.AddLogging();
    }

    protected override async Task SeedAsync() => brand = await AddBrandAsync();

    private IRenderedComponent<CascadingValue<PortalContext>> RenderPage() => RenderBrandPageAsAdmin<WebhooksPage>(brand);

    [Fact]
    public async Task A_missing_name_and_an_address_without_https_are_refused_with_field_messages()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No endpoints yet", cut.Markup));
        InputLabelled(cut, "Address to call").Input("http://crm.example.com/hooks");
        Button(cut, "Add endpoint").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Say which system this is", cut.Markup);
            Assert.Contains("The address must start with https://.", cut.Markup);
        });
        InputLabelled(cut, "Address to call").Input("https://admin:pw@crm.example.com/hooks");
        Button(cut, "Add endpoint").Click();
        cut.WaitForAssertion(() => Assert.Contains("Leave user names and passwords out of the address", cut.Markup));
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(0, await db.WebhookEndpoints.CountAsync());
    }

    [Fact]
    public async Task An_endpoint_is_added_with_its_events_and_its_secret_is_shown_once()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No endpoints yet", cut.Markup));
        InputLabelled(cut, "System").Input("CRM");
        InputLabelled(cut, "Address to call").Input("https://crm.example.com/hooks/agency");
        cut.FindAll("input[type=checkbox]")[2].Change(true); // sla.breached, besides conversation.changed
        Button(cut, "Add endpoint").Click();
        cut.WaitForAssertion(() => Assert.Contains("it is not shown again", cut.Markup));
        var secret = cut.Find("[data-testid=webhook-secret]").TextContent.Trim();

        await using var db = Setup.Create(Tenant.Current);
        var endpoint = await db.WebhookEndpoints.SingleAsync();
        Assert.Equal(("CRM", "https://crm.example.com/hooks/agency"), (endpoint.Name, endpoint.Url));
        Assert.Equal([WebhookEvents.ConversationChanged, WebhookEvents.SlaBreached], endpoint.Events);
        Assert.Equal(secret, secrets.Unprotect(endpoint.SecretProtected));
        Assert.DoesNotContain(secret, endpoint.SecretProtected, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("No calls yet", cut.Find("[aria-label='Endpoint CRM']").TextContent));
    }

    [Fact]
    public async Task Choosing_no_event_is_refused()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No endpoints yet", cut.Markup));
        InputLabelled(cut, "System").Input("CRM");
        InputLabelled(cut, "Address to call").Input("https://crm.example.com/hooks");
        cut.FindAll("input[type=checkbox]")[0].Change(false);
        Button(cut, "Add endpoint").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose at least one thing to be told about.", cut.Markup));
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(0, await db.WebhookEndpoints.CountAsync());
    }

    [Fact]
    public async Task A_test_call_is_queued_and_listed_and_a_paused_endpoint_cannot_be_tested()
    {
        await using (var db = Setup.Create(Tenant.Current))
        {
            var e = new WebhookEndpoint
            {
                Name = "BI",
                Url = "https://bi.example.com/in",
                Events = [WebhookEvents.ConversationChanged],
                SecretProtected = secrets.Protect("s"),
                CreatedAt = DateTime.UtcNow,
            };
            e.FollowFrom(DateTime.UtcNow);
            db.WebhookEndpoints.Add(e);
            await db.SaveChangesAsync();
        }
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("BI", cut.Markup));
        Button(cut, "Send test").Click();
        cut.WaitForAssertion(() => Assert.Contains("Sending", cut.Find("[aria-label='Recent calls to BI']").TextContent));
        await using (var db = Setup.Create(Tenant.Current))
            Assert.Equal(WebhookEvents.Ping, (await db.WebhookDeliveries.SingleAsync()).Event);

        Button(cut, "Pause").Click();
        cut.WaitForAssertion(() => Assert.Contains("Paused", cut.Find("[aria-label='Endpoint BI']").TextContent));
        Assert.True(Button(cut, "Send test").HasAttribute("disabled"));
        await using var check = Setup.Create(Tenant.Current);
        Assert.False((await check.WebhookEndpoints.SingleAsync()).IsActive);
    }

    [Fact]
    public async Task Rotating_asks_first_and_shows_the_new_secret()
    {
        await using (var db = Setup.Create(Tenant.Current))
        {
            var e = new WebhookEndpoint
            {
                Name = "BI",
                Url = "https://bi.example.com/in",
                Events = [WebhookEvents.ConversationChanged],
                SecretProtected = secrets.Protect("old"),
                CreatedAt = DateTime.UtcNow,
            };
            db.WebhookEndpoints.Add(e);
            await db.SaveChangesAsync();
        }
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("BI", cut.Markup));
        Button(cut, "Rotate secret").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("signed with a new secret", Dialogs.Markup));
        Button(Dialogs, "Rotate secret").Click();
        cut.WaitForAssertion(() => Assert.Contains("it is not shown again", cut.Markup));
        var secret = cut.Find("[data-testid=webhook-secret]").TextContent.Trim();
        await using var check = Setup.Create(Tenant.Current);
        Assert.Equal(secret, secrets.Unprotect((await check.WebhookEndpoints.SingleAsync()).SecretProtected));
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
    }
}
