using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class AdministrationTests(AppServer app)
{
    [Fact]
    public async Task An_admin_gets_field_errors_for_a_bad_brand_then_creates_it()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/admin/brands/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save brand" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the brand's name.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter a short address name")).ToBeVisibleAsync();

        await page.GetByLabel("Name").First.FillAsync("Tesco");
        await page.GetByLabel("Address name (slug)").FillAsync("delta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save brand" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Another brand of this agency already uses 'delta'.")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "brand-form-errors");

        await page.GetByLabel("Address name (slug)").FillAsync("tesco");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save brand" }).ClickAsync();
        await Pages.WaitForUrlAsync(page, "**/admin/brands");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Tesco", Exact = true })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "brands");

        await Pages.GoAsync(page, "/admin/audit");
        await Assertions.Expect(page.GetByText("Tesco").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "audit-log");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_invites_an_agent_who_accepts_and_lands_in_the_portal()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/admin/users/invite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the person's email address.")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "invite-errors");

        await page.GetByLabel("Name").First.FillAsync("Grace Hopper");
        await page.GetByLabel("Email").FillAsync("grace@northbeam.example");
        await Pages.ChooseAsync(page, "Role", "Agent");
        await page.GetByLabel("Brands").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "British Airways" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        // The brand list must be closed before the button below it can be clicked.
        var option = page.GetByRole(AriaRole.Option, new() { Name = "British Airways" });
        for (var i = 0; i < 10 && await option.IsVisibleAsync(); i++)
        {
            // A click outside the open list closes it, as a person would.
            await page.Mouse.ClickAsync(700, 880);
            await page.WaitForTimeoutAsync(300);
        }
        await Assertions.Expect(option).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        var link = page.GetByLabel("Invitation link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var url = await link.InputValueAsync();
        await Pages.ScreenshotAsync(page, "invite-created");

        var invitee = await app.NewPageAsync();
        await invitee.GotoAsync(new Uri(url).PathAndQuery);
        await Assertions.Expect(invitee.GetByText("Welcome, Grace Hopper")).ToBeVisibleAsync();
        await invitee.GetByLabel("Password", new() { Exact = true }).FillAsync("Grace-pass-2026");
        await invitee.GetByLabel("Confirm password").FillAsync("Grace-pass-2026");
        await Pages.ScreenshotAsync(invitee, "accept-invitation");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Pages.WaitForCircuitAsync(invitee);
        await Assertions.Expect(invitee.GetByText("Hello, Grace Hopper")).ToBeVisibleAsync();
        await Assertions.Expect(invitee.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToHaveCountAsync(1);

        await Pages.GoAsync(page, "/admin/users");
        await Assertions.Expect(page.GetByText("grace@northbeam.example").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "users");
        await page.Context.CloseAsync();
        await invitee.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/admin/staff", "Staff", "staff")]
    [InlineData("/admin/staff/new", "Add a person to the staff pool", "staff-new")]
    [InlineData("/admin/teams", "Teams", "teams")]
    [InlineData("/admin/teams/new", "New team", "team-new")]
    [InlineData("/b/british-airways", "British Airways", "brand-overview-admin")]
    [InlineData("/Account/Manage", "Your account", "account")]
    [InlineData("/b/apple/classification", "How posts are labelled", "labels-and-rules")]
    [InlineData("/b/delta/accounts", "Social accounts", "accounts-delta")]
    public async Task Admin_pages_render_for_a_person(string path, string heading, string shot)
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, shot);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_form_explains_what_is_missing()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/admin/staff/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the person's name.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter a work email address.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_demo_users()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByText("Demo users (development only)")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "sign-in");
        await page.GetByLabel("Email").FillAsync("admin@northbeam.example");
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The email or password is not correct.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
