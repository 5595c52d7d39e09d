using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class RoleNavigationTests(AppServer app)
{
    [Theory]
    [InlineData(
        "admin@northbeam.example",
        "agency-admin",
        new[] { "Start", "Brands", "Staff", "Teams", "Users & invitations", "Audit log" },
        new string[0]
    )]
    [InlineData("lead@northbeam.example", "team-lead", new[] { "Start", "Account & security" }, new[] { "Brands", "Audit log" })]
    [InlineData("agent@northbeam.example", "agent", new[] { "Start", "Account & security" }, new[] { "Staff", "Users & invitations" })]
    [InlineData("scheduler@northbeam.example", "scheduler", new[] { "Start" }, new[] { "Brands", "Audit log" })]
    [InlineData("marketing@northbeam.example", "marketing-owner", new[] { "Brand overview" }, new[] { "Start", "Brands" })]
    [InlineData("brandmanager@northbeam.example", "brand-manager", new[] { "Brand overview" }, new[] { "Start", "Brands", "Staff" })]
    public async Task Each_role_signs_in_and_sees_its_own_navigation(string email, string shot, string[] sees, string[] doesNotSee)
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, email);
        var links = await Pages.NavigationAsync(page);
        foreach (var item in sees)
            Assert.Contains(item, links);
        foreach (var item in doesNotSee)
            Assert.DoesNotContain(item, links);
        await Pages.ScreenshotAsync(page, $"start-{shot}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_brand_manager_lands_in_their_brand_and_cannot_tamper_into_another()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "brandmanager@northbeam.example");
        await Pages.WaitForUrlAsync(page, "**/b/delta");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delta Air Lines" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "brand-overview-brand-manager");

        var response = await page.GotoAsync("/b/apple");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByText("Page not found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Apple Support")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "not-found-tampered-brand");

        await page.GotoAsync("/admin/brands");
        await Assertions.Expect(page.GetByText("Access denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agent_switches_between_their_brands()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "agent@northbeam.example");
        await Pages.GoAsync(page, "/b/apple");
        await page.GetByLabel("Switch brand").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Amazon Help" }).ClickAsync();
        await Pages.WaitForUrlAsync(page, "**/b/amazon");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amazon Help" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "brand-overview-agent");
        await page.Context.CloseAsync();
    }
}
