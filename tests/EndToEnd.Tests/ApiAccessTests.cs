using System.Text.Json;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class ApiAccessTests(AppServer app)
{
    [Fact]
    public async Task An_admin_makes_a_key_the_brand_s_system_reads_conversations_with_it_and_after_revoking_it_cannot()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/b/delta/api");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API access" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Say what the key is for")).ToBeVisibleAsync();
        await page.GetByLabel("What the key is for").FillAsync("CRM sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copy it now: it is not shown again.")).ToBeVisibleAsync();
        var key = (await page.GetByTestId("new-api-key").TextContentAsync() ?? "").Trim();
        Assert.StartsWith("agk_", key, StringComparison.Ordinal);
        await Pages.ScreenshotAsync(page, "api-access");

        // The brand's own system, with the key and no cookie of anyone's.
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key };
        var system = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var client = system.APIRequest;
        var list = await client.GetAsync("/api/v1/conversations?limit=5", new() { Headers = headers });
        Assert.Equal(200, list.Status);
        using (var json = JsonDocument.Parse(await list.TextAsync()))
        {
            var items = json.RootElement.GetProperty("items");
            Assert.Equal(5, items.GetArrayLength());
            var first = items[0].GetProperty("id").GetString();
            var one = await client.GetAsync($"/api/v1/conversations/{first}", new() { Headers = headers });
            Assert.Equal(200, one.Status);
            Assert.Contains("\"messages\"", await one.TextAsync(), StringComparison.Ordinal);
        }

        // The page shows it in use, then revoking it (after saying what that does) refuses the system's next call.
        await page.ReloadAsync();
        await Pages.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "CRM sync" })).ToContainTextAsync("just now");
        await page.GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "CRM sync" })
            .GetByRole(AriaRole.Button, new() { Name = "Revoke" })
            .ClickAsync();
        await Assertions.Expect(page.GetByText("stops working at once")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "api-access-revoke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "CRM sync" })).ToContainTextAsync("Revoked");
        var refused = await client.GetAsync("/api/v1/conversations?limit=5", new() { Headers = headers });
        Assert.Equal(401, refused.Status);
        Assert.Equal(200, (await client.GetAsync("/openapi/v1.json")).Status);
        await system.CloseAsync();
        await page.Context.CloseAsync();
    }
}
