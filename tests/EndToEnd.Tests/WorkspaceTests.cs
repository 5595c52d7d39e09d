using System.Net.Http.Headers;
using System.Text.Json;
using Agency.Domain.Intake;
using Agency.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class WorkspaceTests(AppServer app)
{
    private const string AppleMarketingX = "380749300";

    /// <summary>The platform delivers a signed mention of the brand's marketing-owned X account.</summary>
    private async Task MentionAsync(string id, string handle, string name, string text, DateTime at)
    {
        var accountId = await AccountIdAsync();
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                for_user_id = AppleMarketingX,
                tweet_create_events = new[]
                {
                    new
                    {
                        created_at = at.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", System.Globalization.CultureInfo.InvariantCulture),
                        id_str = id,
                        text,
                        user = new
                        {
                            id_str = id[^6..],
                            screen_name = handle,
                            name,
                            followers_count = 312,
                        },
                    },
                },
            }
        );
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/x/{accountId}") { Content = content };
        request.Headers.Add("x-twitter-webhooks-signature", WebhookSignatures.X(DemoData.WebhookSecret, body));
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
    }

    private async Task<string> AccountIdAsync()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/b/apple/accounts");
        var href = await page.GetByRole(AriaRole.Row)
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("X / Twitter.*@Apple(?!Support)") })
            .GetByRole(AriaRole.Link, new() { Name = "Stream" })
            .GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return href!.Split('/')[^2];
    }

    private static async Task OpenFromTeamQueueAsync(IPage page, string handle, string tab = "Team queues")
    {
        await Pages.GoAsync(page, "/workspace");
        await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        await page.GetByLabel("Customer").FillAsync(handle);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "@" + handle });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The filter reloads the table after a short debounce: wait until only the header and this customer's rows remain.
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasNotText = "@" + handle })).ToHaveCountAsync(1);
        // The inbox reloads live (the escalation job runs every minute): a click can land on a row being replaced.
        for (var attempt = 0; attempt < 3 && !page.Url.Contains("/conversations/", StringComparison.Ordinal); attempt++)
        {
            await row.First.ClickAsync();
            try
            {
                await page.WaitForURLAsync("**/conversations/**", new() { Timeout = 7_000 });
            }
            catch (TimeoutException)
            { /* clicked a replaced row: try again */
            }
        }
        await Pages.WaitForUrlAsync(page, "**/conversations/**");
        await Pages.WaitForCircuitAsync(page);
    }

    [Fact]
    public async Task An_agent_answers_a_forwarded_mention_moves_it_to_private_and_the_marketing_owner_sees_it_answered()
    {
        await MentionAsync(
            "1930000000000000101",
            "rivka_m",
            "Rivka M",
            "@Apple my iPhone has been stuck on the logo since this morning's update, what do I do?",
            DateTime.UtcNow.AddMinutes(-3)
        );

        var agent = await app.NewPageAsync();
        await Pages.SignInAsync(agent, "agent@northbeam.example");
        await OpenFromTeamQueueAsync(agent, "rivka_m");
        await Pages.ScreenshotAsync(agent, "workspace-conversation");
        await Assertions.Expect(agent.GetByLabel("Forwarded")).ToContainTextAsync("Forwarded from the marketing account automatically");

        // Personal data in a public reply is caught before it goes out.
        await agent.GetByLabel("Your answer").FillAsync("Hi Rivka, email us at care@apple.example with your serial number");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel("Confirm sending")).ToContainTextAsync("personal data");
        await Pages.ScreenshotAsync(agent, "workspace-personal-data-warning");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await agent
            .GetByLabel("Your answer")
            .FillAsync("Hi Rivka, sorry about that! Hold the side and volume-down buttons for 10 seconds. Did that help?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel("Thread").GetByText("Hold the side and volume-down")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByLabel("Reply being sent")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

        await agent.GetByRole(AriaRole.Button, new() { Name = "Move to private" }).First.ClickAsync();
        await agent.GetByLabel("Private message text").FillAsync("Could you send us the serial number of the phone here, please?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Move to private and send" }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel("Thread").GetByText("we've sent you a DM")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions
            .Expect(agent.GetByLabel("Thread").GetByText("serial number of the phone here"))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(agent.GetByLabel("Thread").GetByText("private").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(agent, "workspace-moved-to-private");
        await agent.Context.CloseAsync();

        var owner = await app.NewPageAsync();
        await Pages.SignInAsync(owner, "marketing@northbeam.example");
        await Pages.GoAsync(owner, "/b/apple/forwarded");
        var row = owner.GetByRole(AriaRole.Row).Filter(new() { HasText = "@rivka_m" });
        await Assertions.Expect(row.GetByLabel("State")).ToContainTextAsync("Answered after");
        await Pages.ScreenshotAsync(owner, "forwarded-marketing-owner");
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_sees_a_breach_escalated_by_the_job()
    {
        // Posted two hours ago: the clock starts at the customer's post, so it is overdue on arrival.
        await MentionAsync(
            "1930000000000000202",
            "late_larry",
            "Larry Late",
            "@Apple my order of AirPods never arrived and support never answered, I want a refund",
            DateTime.UtcNow.AddHours(-2)
        );

        var lead = await app.NewPageAsync();
        await Pages.SignInAsync(lead, "lead@northbeam.example");
        await OpenFromTeamQueueAsync(lead, "late_larry", "All open");
        // The escalation job runs every minute: the breach shows up live, with the priority raised.
        await Assertions
            .Expect(lead.GetByLabel("Routing and SLA"))
            .ToContainTextAsync("First response: breach", new() { Timeout = 90_000 });
        await Assertions.Expect(lead.GetByLabel("Priority")).ToContainTextAsync("Urgent");
        await Pages.ScreenshotAsync(lead, "workspace-breach-lead");

        await Pages.GoAsync(lead, "/workspace");
        await lead.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Row).Filter(new() { HasText = "overdue" }).First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(lead, "workspace-inbox-lead");
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_previews_a_routing_rule_and_a_bad_regular_expression_is_refused()
    {
        var lead = await app.NewPageAsync();
        await Pages.SignInAsync(lead, "lead@northbeam.example");
        await Pages.GoAsync(lead, "/b/apple/routing");
        await lead.GetByRole(AriaRole.Button, new() { Name = "New rule" }).ClickAsync();
        await lead.GetByLabel("Rule name").FillAsync("Battery complaints");
        await lead.GetByLabel("Keywords").FillAsync("battery, charge");
        await lead.GetByLabel("Tags").FillAsync("battery");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Preview on the last 1,000 posts" }).ClickAsync();
        await Assertions.Expect(lead.GetByLabel("Preview")).ToContainTextAsync("recent customer posts match");
        await Pages.ScreenshotAsync(lead, "routing-rule-preview");

        await lead.GetByLabel("Regular expression").FillAsync("(battery");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();
        await Assertions.Expect(lead.GetByText("The regular expression cannot be used")).ToBeVisibleAsync();
        await lead.GetByLabel("Regular expression").FillAsync(@"\bbatter(y|ies)\b");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();
        await Assertions.Expect(lead.GetByLabel("Routing rules").GetByText("Battery complaints")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(lead, "routing-rules");
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_people_on_one_conversation_see_each_other_there_and_typing()
    {
        await MentionAsync(
            "1930000000000000777",
            "oskar_b",
            "Oskar B",
            "@Apple my AirPods keep disconnecting from my Mac, is there a fix?",
            DateTime.UtcNow.AddMinutes(-2)
        );
        var agent = await app.NewPageAsync();
        await Pages.SignInAsync(agent, "agent@northbeam.example");
        await OpenFromTeamQueueAsync(agent, "oskar_b");

        var lead = await app.NewPageAsync();
        await Pages.SignInAsync(lead, "lead@northbeam.example");
        await Pages.GoAsync(lead, new Uri(agent.Url).PathAndQuery);
        await Assertions.Expect(lead.GetByLabel("Who else is here")).ToContainTextAsync("Sofia Lindqvist is viewing");
        await Assertions.Expect(agent.GetByLabel("Who else is here")).ToContainTextAsync("Marcus Oyelaran is viewing");

        await agent.GetByLabel("Your answer").FillAsync("Hi Oskar, sorry to hear that");
        await Assertions.Expect(lead.GetByLabel("Who else is here")).ToContainTextAsync("Sofia Lindqvist is typing a reply");
        await Pages.ScreenshotAsync(lead, "workspace-collision-warning");

        // The agent leaves the conversation: the lead's warning goes.
        await Pages.GoAsync(agent, "/workspace");
        await Assertions.Expect(lead.GetByLabel("Who else is here")).ToHaveCountAsync(0);
        await agent.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }
}
