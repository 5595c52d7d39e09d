using System.Text.RegularExpressions;
using Agency.Domain.Rostering;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Rostering;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task An_agent_states_the_hours_they_prefer_and_the_scheduler_s_contracts_and_next_roster_take_them_in()
    {
        var agent = await app.NewPageAsync();
        await Pages.SignInAsync(agent, "agent@northbeam.example");
        await Pages.GoAsync(agent, "/my-shifts");
        var card = agent.GetByLabel("Hours I prefer");
        await Assertions.Expect(card.GetByLabel("Preferred hours now")).ToContainTextAsync("any time");
        // A time that is not one gets its field's message, and nothing is saved.
        await card.GetByLabel("Preferred from").FillAsync("25:00");
        await card.GetByLabel("Preferred to").FillAsync("16:00");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save my hours" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Enter a time as HH:mm, e.g. 08:00.")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByLabel("Preferred hours now")).ToContainTextAsync("any time");
        await card.GetByLabel("Preferred from").FillAsync("08:00");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save my hours" }).ClickAsync();
        await Assertions.Expect(card.GetByLabel("Preferred hours now")).ToContainTextAsync("08:00–16:00");
        await card.GetByLabel("Preferred to").PressAsync("Tab");
        await Pages.ScreenshotAsync(agent, "my-shifts-preferred-hours");
        await agent.Context.CloseAsync();

        var scheduler = await app.NewPageAsync();
        await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
        await Pages.GoAsync(scheduler, "/shifts/contracts");
        var sofia = scheduler.GetByLabel("Contracts").Locator("tr", new() { HasText = "Sofia Lindqvist" });
        await Assertions.Expect(sofia).ToContainTextAsync("08:00–16:00");
        await Pages.ScreenshotAsync(scheduler, "contracts");
        // The scheduler can change it too; half a window is refused with the field's message.
        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Edit contract of Sofia Lindqvist" }).ClickAsync();
        var form = scheduler.GetByLabel("Contract", new() { Exact = true });
        await form.GetByLabel("Preferred to").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save contract" }).ClickAsync();
        await Assertions.Expect(form.GetByText("Enter both times, or leave both empty for any time.")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(scheduler, "contract-preferred-hours-error");
        await form.GetByLabel("Preferred to").FillAsync("17:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save contract" }).ClickAsync();
        await Assertions.Expect(sofia).ToContainTextAsync("08:00–17:00");

        // A roster made now shows how much of the week's work falls in the hours people prefer.
        await Pages.GoAsync(scheduler, "/shifts/roster");
        await scheduler.GetByLabel("Weeks").FillAsync("1");
        await scheduler.GetByLabel("Time limit").FillAsync("5");
        await scheduler.GetByLabel("Time limit").PressAsync("Tab");
        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Generate roster" }).ClickAsync();
        var kept = scheduler.Locator("[data-preferred-kept]");
        await Assertions.Expect(kept).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var share = double.Parse((await kept.GetAttributeAsync("data-preferred-kept"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(share, 0, 1);
        await Pages.ScreenshotAsync(scheduler, "roster-preferred-hours");
        await scheduler.Context.CloseAsync();
    }

    [Fact]
    public async Task A_scheduler_generates_a_roster_sees_coverage_improve_publishes_it_and_an_agent_sees_their_shifts()
    {
        var agent = await app.NewPageAsync();
        await Pages.SignInAsync(agent, "agent@northbeam.example");
        await Pages.GoAsync(agent, "/my-shifts");
        var rows = agent.GetByLabel("My shifts").Locator("tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();

        var scheduler = await app.NewPageAsync();
        await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
        await Pages.GoAsync(scheduler, "/shifts/roster");
        await scheduler.GetByLabel("Weeks").FillAsync("1");
        await scheduler.GetByLabel("Time limit").FillAsync("8");
        await scheduler.GetByLabel("Time limit").PressAsync("Tab");
        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Generate roster" }).ClickAsync();
        await Assertions.Expect(scheduler.GetByLabel("Roster progress")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(scheduler, "roster-running");

        // When the run ends the page opens its draft: coverage per brand, against the published shifts.
        var draft = scheduler.Locator("[data-draft-covered]");
        await Assertions.Expect(draft).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var covered = double.Parse(
            (await draft.GetAttributeAsync("data-draft-covered"))!,
            System.Globalization.CultureInfo.InvariantCulture
        );
        var published = double.Parse(
            (await scheduler.Locator("[data-published-covered]").GetAttributeAsync("data-published-covered"))!,
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.True(covered > published, $"draft covers {covered}, published {published}");
        // The demo's history is on X alone, so each brand is one line (a brand with need on channels some of its people do not work
        // is covered per channel: RosterSuite and DemandSeriesTests).
        await Assertions.Expect(scheduler.GetByLabel("Coverage of Apple Support", new() { Exact = true })).ToBeVisibleAsync();
        // What the draft's people would achieve on the week's forecast posts, by simulation.
        await Assertions
            .Expect(scheduler.GetByLabel("Simulated service of Apple Support", new() { Exact = true }))
            .ToContainTextAsync("Simulated on X / Twitter:");
        await Assertions
            .Expect(scheduler.GetByLabel("Simulated service of Apple Support", new() { Exact = true }).Locator("[data-service-level]"))
            .ToHaveCountAsync(1);
        // Amazon Help has posts forecast this week: the strip under its days shows where the simulated service stands.
        await Assertions
            .Expect(scheduler.GetByLabel("Coverage of Amazon Help", new() { Exact = true }).Locator("rect[class^='service-']"))
            .Not.ToHaveCountAsync(0);
        await Assertions.Expect(scheduler.GetByLabel("How the search went")).ToContainTextAsync("hours short of the best roster found");
        await Pages.ScreenshotAsync(scheduler, "roster-draft");

        await scheduler.GetByRole(AriaRole.Button, new() { Name = "Publish roster" }).ClickAsync();
        await Assertions.Expect(scheduler.GetByText("Roster published")).ToBeVisibleAsync();
        await Assertions
            .Expect(scheduler.GetByLabel("Roster", new() { Exact = true }).Locator(".mud-chip"))
            .ToContainTextAsync("published");
        await scheduler.Context.CloseAsync();

        await agent.ReloadAsync();
        await Pages.WaitForCircuitAsync(agent);
        await Assertions.Expect(rows).Not.ToHaveCountAsync(before);
        Assert.True(await rows.CountAsync() > before);
        await Pages.ScreenshotAsync(agent, "my-shifts-after-roster");
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task A_roster_waits_while_another_holds_the_optimiser_and_a_scheduler_can_cancel_it()
    {
        // Another agency's roster holds every turn of the server.
        var turns = app.Services.GetRequiredService<RosterTurns>();
        var held = new List<IDisposable>();
        while (turns.TryTake() is { } turn)
            held.Add(turn);
        try
        {
            var scheduler = await app.NewPageAsync();
            await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
            await Pages.GoAsync(scheduler, "/shifts/roster");
            await scheduler.GetByLabel("Weeks").FillAsync("1");
            await scheduler.GetByLabel("Weeks").PressAsync("Tab");
            await scheduler.GetByRole(AriaRole.Button, new() { Name = "Generate roster" }).ClickAsync();
            await Assertions.Expect(scheduler.GetByText("Waiting for another roster to finish")).ToBeVisibleAsync();
            await Assertions.Expect(scheduler.GetByRole(AriaRole.Button, new() { Name = "Generate roster" })).ToBeDisabledAsync();
            await Pages.ScreenshotAsync(scheduler, "roster-waiting");

            await scheduler.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            var roster = scheduler.GetByLabel("Roster", new() { Exact = true });
            await Assertions.Expect(roster.Locator(".mud-chip")).ToContainTextAsync("cancelled");
            await Assertions.Expect(roster).ToContainTextAsync("nothing was built");
            await Assertions.Expect(roster.GetByRole(AriaRole.Button, new() { Name = "Publish roster" })).ToHaveCountAsync(0);
            await Assertions.Expect(roster.GetByLabel("Roster figures")).ToHaveCountAsync(0);
            // The cancelled run is listed without a coverage figure (other tests' finished runs may share the list).
            await scheduler.WaitForURLAsync(new Regex(@"run=[0-9a-f-]{36}"));
            var runId = Regex.Match(scheduler.Url, @"run=([0-9a-f-]{36})").Groups[1].Value;
            var listed = scheduler.GetByLabel("Roster runs").Locator($"[data-run='{runId}']");
            await Assertions.Expect(listed).ToContainTextAsync("cancelled");
            await Assertions.Expect(listed).Not.ToContainTextAsync("covered");
            await Pages.ScreenshotAsync(scheduler, "roster-cancelled-while-waiting");
            await scheduler.Context.CloseAsync();
        }
        finally
        {
            foreach (var turn in held)
                turn.Dispose();
        }
    }

    [Fact]
    public async Task A_roster_built_on_another_server_shows_its_progress_and_a_scheduler_stops_it_from_here()
    {
        // Server "node-b", sharing the database, is building Northbeam's roster and stored its progress with its last heartbeat.
        var setup = app.Services.GetRequiredService<DatabaseSetup>();
        Guid agencyId;
        await using (var db = setup.Create(TenantScope.None))
            agencyId = (await db.Agencies.SingleAsync(a => a.Slug == "northbeam")).Id;
        var northbeam = TenantScope.ForAgency(agencyId, TenantSource.System);
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 - ((int)DateTime.UtcNow.DayOfWeek + 6) % 7);
        var run = new RosterRun
        {
            FirstDay = monday,
            Weeks = 2,
            TimeLimitSeconds = 120,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Sam Scheduler",
            Node = "node-b",
            HeartbeatAt = DateTime.UtcNow,
            Step = "Improving",
            ElapsedSeconds = 48,
            Trace = "0.8:1460 3:1210 9:1100 20:1010 48:964",
            Solutions = 5,
            UnderCoverageIntervals = 964,
            LowerBoundIntervals = 900,
            DemandIntervals = 5200,
        };
        await using (var db = setup.Create(northbeam))
        {
            db.RosterRuns.Add(run);
            await db.SaveChangesAsync();
        }
        try
        {
            var scheduler = await app.NewPageAsync();
            await Pages.SignInAsync(scheduler, "scheduler@northbeam.example");
            await Pages.GoAsync(scheduler, "/shifts/roster");
            var progress = scheduler.GetByLabel("Roster progress");
            await Assertions.Expect(progress).ToContainTextAsync("Built on server node-b");
            await Assertions.Expect(progress).ToContainTextAsync("482 h short");
            await Assertions.Expect(progress).ToContainTextAsync("48 of 120 s");
            await Assertions.Expect(scheduler.GetByRole(AriaRole.Button, new() { Name = "Generate roster" })).ToBeDisabledAsync();
            await Pages.ScreenshotAsync(scheduler, "roster-running-elsewhere");

            await progress.GetByRole(AriaRole.Button, new() { Name = "Stop and keep the best" }).ClickAsync();
            await Assertions.Expect(scheduler.GetByText("Asked server node-b to stop")).ToBeVisibleAsync();
            await Assertions.Expect(progress.GetByRole(AriaRole.Button, new() { Name = "Stop and keep the best" })).ToBeDisabledAsync();
            await using (var db = setup.Create(northbeam))
            {
                var asked = await db.RosterRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
                Assert.NotNull(asked.StopRequestedAt);
                Assert.False(string.IsNullOrEmpty(asked.StopRequestedBy));
            }

            // Server "node-b" saves its best roster at its next heartbeat: the page opens the run.
            await using (var db = setup.Create(northbeam))
                await db
                    .RosterRuns.Where(r => r.Id == run.Id)
                    .ExecuteUpdateAsync(u =>
                        u.SetProperty(r => r.Status, RosterRunStatus.Stopped)
                            .SetProperty(r => r.Message, "Stopped by Sam Scheduler; this is the best roster found by then.")
                            .SetProperty(r => r.FinishedAt, DateTime.UtcNow)
                    );
            var roster = scheduler.GetByLabel("Roster", new() { Exact = true });
            await Assertions.Expect(roster.Locator(".mud-chip")).ToContainTextAsync("stopped", new() { Timeout = 15_000 });
            await Assertions.Expect(roster).ToContainTextAsync("Stopped by");
            await Assertions.Expect(progress).ToHaveCountAsync(0);
            await scheduler.Context.CloseAsync();
        }
        finally
        {
            await using var db = setup.Create(northbeam);
            await db.RosterRuns.Where(r => r.Id == run.Id).ExecuteDeleteAsync();
        }
    }
}
