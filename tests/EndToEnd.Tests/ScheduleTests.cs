using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class ScheduleTests(AppServer app)
{
    [Fact]
    public async Task An_agent_sees_their_shifts_asks_for_time_off_and_a_scheduler_approves_it()
    {
        var agent = await app.NewPageAsync();
        await Pages.SignInAsync(agent, "agent@northbeam.example");
        await Pages.GoAsync(agent, "/my-shifts");
        await Assertions.Expect(agent.GetByLabel("My shifts").GetByText("on now")).ToBeVisibleAsync();
        var day = DateTime.UtcNow.Date.AddDays(20);
        await agent.GetByLabel("First day").FillAsync(day.ToString("yyyy-MM-dd"));
        await agent.GetByLabel("First day").PressAsync("Tab");
        await agent.GetByLabel("Last day").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd"));
        await agent.GetByLabel("Last day").PressAsync("Tab");
        await agent.GetByLabel("Reason").FillAsync("Family wedding");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel("Ask for time off")).ToContainTextAsync("requested");
        await Pages.ScreenshotAsync(agent, "my-shifts");
        await agent.Context.CloseAsync();

        var scheduler = await app.NewPageAsync();
        await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
        await Pages.GoAsync(scheduler, "/shifts");
        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Approve time off of Sofia Lindqvist" }).ClickAsync();
        await Assertions.Expect(scheduler.GetByLabel("Time off", new() { Exact = true })).ToContainTextAsync("approved");
        await Pages.ScreenshotAsync(scheduler, "shifts-scheduler");
        await scheduler.Context.CloseAsync();
    }
}
