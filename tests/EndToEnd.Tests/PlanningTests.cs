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
        await Assertions.Expect(x.GetByLabel("Staffing summary")).ToContainTextAsync("carrying unanswered work into later intervals"); // within the hour: the backlog model
        await Assertions.Expect(x.GetByLabel("Forecast chart").Locator("svg")).ToBeVisibleAsync();
        // The forecast's band is drawn, and the chart says in words what it shows.
        await Assertions
            .Expect(x.Locator("path.forecast-band"))
            .ToHaveAttributeAsync("d", new System.Text.RegularExpressions.Regex("^M.+Z$"));
        await Assertions.Expect(x.GetByLabel("Forecast summary")).ToContainTextAsync("posts expected");
        await Assertions.Expect(x.GetByLabel("Forecast summary")).ToContainTextAsync("Last week the model forecast");
        await Assertions.Expect(x.Locator("path.forecast-backtest")).ToHaveAttributeAsync("data-backtest-hours", "168");
        await Assertions.Expect(x.GetByLabel("Staff needed chart").Locator("[data-peak]")).ToBeVisibleAsync();
        // The languages the customers write in, which the roster covers apart where someone does not speak one.
        await Assertions.Expect(x.GetByLabel("Languages of the posts").Locator(".language-keys")).ToContainTextAsync("English");
        await Assertions.Expect(x.GetByLabel("Languages of the posts").Locator(".language-bar > span").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "planning-forecast");

        // A plan that cannot be right is refused with the field's message.
        await x.GetByLabel("Conversations at once").FillAsync("0");
        await x.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(x.GetByText("Between 1 and 20 conversations at once.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_marketing_owner_puts_a_launch_on_the_calendar_and_the_scheduler_s_forecast_expects_it()
    {
        var owner = await app.NewPageAsync();
        await Pages.SignInAsync(owner, "marketing@northbeam.example");
        await Pages.GoAsync(owner, "/b/apple/calendar");
        var day = DateTime.UtcNow.Date.AddDays(3);
        await owner.GetByLabel("Event name").FillAsync("iPhone launch");
        await owner.GetByLabel("First day").FillAsync(day.ToString("yyyy-MM-dd"));
        await owner.GetByLabel("First day").PressAsync("Tab");
        await owner.GetByLabel("Last day").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd"));
        await owner.GetByLabel("Last day").PressAsync("Tab");
        await owner.GetByLabel("Expected uplift").FillAsync("150");
        await owner.GetByLabel("Expected uplift").PressAsync("Tab");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add event" }).ClickAsync();
        await Assertions.Expect(owner.GetByLabel("Marketing events")).ToContainTextAsync("iPhone launch");
        await Pages.ScreenshotAsync(owner, "marketing-calendar");
        await owner.Context.CloseAsync();

        var scheduler = await app.NewPageAsync();
        await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
        await Pages.GoAsync(scheduler, "/b/apple/planning");
        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Recompute now" }).ClickAsync();
        var x = scheduler.GetByLabel("X / Twitter", new() { Exact = true });
        await Assertions.Expect(x.GetByLabel("Events ahead")).ToContainTextAsync("iPhone launch ×2.5", new() { Timeout = 60_000 });
        await scheduler.Context.CloseAsync();
    }
}
