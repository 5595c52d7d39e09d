using Agency.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

/// <summary>Small page objects: what a person does on the sign-in page and in the portal's shell.</summary>
public static class Pages
{
    public static async Task SignInAsync(IPage page, string email, string password = DemoData.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Interactive pages answer clicks only once the Blazor circuit is up.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new() { State = WaitForSelectorState.Attached });

    public static async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    public static async Task<IReadOnlyList<string>> NavigationAsync(IPage page)
    {
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await nav.WaitForAsync();
        return (await nav.GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.Screenshots, name + ".png"), FullPage = true });
}
