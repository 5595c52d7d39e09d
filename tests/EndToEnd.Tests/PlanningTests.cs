using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class PlanningTests(AppServer app)
{
    [Fact]
    public async Task A_scheduler_recomputes_a_brand_s_forecast_and_sees_accuracy_and_staff_needed()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "scheduler@northbeam.example");
        await Pages.GoAsync(page, "/b/amazon/planning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recompute now" }).ClickAsync();
        var x = page.GetByLabel("X / Twitter", new() { Exact = true });
        await Assertions.Expect(x.GetByLabel("Accuracy")).ToContainTextAsync("(chosen)", new() { Timeout = 60_000 });
        await Assertions.Expect(x.GetByLabel("Accuracy")).ToContainTextAsync("Seasonal naive (baseline)");
        await Assertions.Expect(x.GetByLabel("Staffing summary")).ToContainTextAsync("people on duty");
        await Assertions.Expect(x.GetByLabel("Forecast chart").Locator("svg")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "planning-forecast");

        // A plan that cannot be right is refused with the field's message.
        await x.GetByLabel("Conversations at once").FillAsync("0");
        await x.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(x.GetByText("Between 1 and 20 conversations at once.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
