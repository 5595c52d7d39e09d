using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

/// <summary>Agents and leads check their queues on a phone: the shell and their pages fit 390 px, with sign-out in reach.</summary>
[Collection(AppCollection.Name)]
public sealed class PhoneTests(AppServer app)
{
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        // Charts size themselves after the first render: give the layout a moment to settle before measuring.
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.documentElement.scrollWidth <= window.innerWidth + 1",
                null,
                new() { Timeout = 10_000 }
            );
        }
        catch (TimeoutException) { }
        var (scroll, inner) = (
            await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => window.innerWidth")
        );
        Assert.True(scroll <= inner + 1, $"{what}: the page is {scroll} px wide on a {inner} px screen.");
        foreach (var name in new[] { "Sign out", "Account menu" })
        {
            var box = await page.GetByRole(AriaRole.Button, new() { Name = name }).First.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= inner + 1, $"{what}: '{name}' is off the screen.");
        }
        var bell = await page.Locator("[data-testid=notification-bell] button, button[aria-label^='Notifications']")
            .First.BoundingBoxAsync();
        Assert.True(bell is not null && bell.X + bell.Width <= inner + 1, $"{what}: the notification bell is off the screen.");
    }

    [Fact]
    public async Task A_team_lead_works_the_queue_the_console_and_a_dashboard_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844, touch: true);
        await Pages.SignInAsync(page, "lead@northbeam.example");

        await Pages.GoAsync(page, "/workspace");
        await Assertions.Expect(page.GetByText("conversation(s)")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "workspace");
        await Pages.ScreenshotAsync(page, "phone-workspace");
        await Pages.ScreenshotAsync(page, "phone-workspace-screen", fullPage: false);

        await Pages.GoAsync(page, "/console");
        // Each brand's Overdue and Breaches are on the screen, not in a table scrolled sideways out of sight.
        var card = page.Locator("[data-brand-card]").First;
        foreach (var label in new[] { "Overdue", "Breaches today" })
        {
            var box = await card.GetByText(label, new() { Exact = true }).BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"console: '{label}' is not on the screen.");
        }
        await AssertFitsAsync(page, "console");
        await Pages.ScreenshotAsync(page, "phone-console");
        await Pages.ScreenshotAsync(page, "phone-console-screen", fullPage: false);

        await Pages.GoAsync(page, "/b/apple/dashboard");
        await Assertions.Expect(page.GetByLabel("Headline figures")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "phone-dashboard");
        await Pages.ScreenshotAsync(page, "phone-dashboard-screen", fullPage: false);
        await AssertFitsAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }
}
