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
        // Signed in once the browser leaves the sign-in page (the landing page's first bytes; its figures may still be coming).
        try
        {
            await page.WaitForURLAsync(
                url => !url.Contains("/Account/Login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.Commit }
            );
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator(".validation-message, .text-danger, .alert, .mud-alert")
                .Filter(new() { Visible = true })
                .AllInnerTextsAsync();
            throw new TimeoutException(
                $"{email} was not signed in: still at {page.Url}; the page shows: {(shown.Count == 0 ? "no message" : string.Join(" | ", shown.Select(t => t.Trim())))}",
                e
            );
        }
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

    /// <summary>
    /// Picks <paramref name="option"/> in the select labelled <paramref name="label"/> and waits until the select shows it: the
    /// server has then taken the choice and drawn the form again. Typing into another field before that can race the redraw,
    /// which brings back the field's old value (one run in a few lost the handle typed right after choosing the network).
    /// </summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        var select = page.GetByLabel(label);
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(select).ToHaveValueAsync(option);
    }

    /// <summary>
    /// Waits for the page to reach <paramref name="url"/> (a glob). When it does not, the failure says what the page shows instead:
    /// field messages, alerts and snackbars, or Blazor's reconnect dialog, so a failed run explains itself.
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, string url)
    {
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator(
                    ".mud-input-error .mud-input-helper-text, .mud-alert, .mud-snackbar, #components-reconnect-modal, #blazor-error-ui"
                )
                .Filter(new() { Visible = true })
                .AllInnerTextsAsync();
            throw new TimeoutException(
                $"Still at {page.Url} instead of {url}; the page shows: {(shown.Count == 0 ? "no message" : string.Join(" | ", shown.Select(t => t.Trim())))}",
                e
            );
        }
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.Screenshots, name + ".png"), FullPage = fullPage });
}
