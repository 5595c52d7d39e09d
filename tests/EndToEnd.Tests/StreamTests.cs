using System.Net.Http.Headers;
using System.Text.Json;
using Agency.Domain.Intake;
using Agency.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class StreamTests(AppServer app)
{
    [Fact]
    public async Task A_signed_webhook_delivery_appears_live_on_the_owner_s_stream_with_its_label()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "marketing@northbeam.example");
        await Pages.GoAsync(page, "/b/apple/accounts");
        await Pages.ScreenshotAsync(page, "accounts-marketing-owner");
        await page.GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "AppleSupport" })
            .GetByRole(AriaRole.Link, new() { Name = "Stream" })
            .ClickAsync();
        await Pages.WaitForUrlAsync(page, "**/stream");
        await Assertions.Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        var streamUrl = page.Url;
        var accountId = streamUrl.Split('/')[^2];

        // The platform delivers a mention while the page is open; no reload follows.
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                for_user_id = "458015800",
                tweet_create_events = new[]
                {
                    new
                    {
                        created_at = DateTime.UtcNow.ToString(
                            "ddd MMM dd HH:mm:ss +0000 yyyy",
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                        id_str = "910000000000000001",
                        text = "@AppleSupport my MacBook won't turn on after the update and nobody in store can help. Unacceptable.",
                        user = new
                        {
                            id_str = "115712",
                            screen_name = "patmorgan",
                            name = "Pat Morgan",
                            followers_count = 1532,
                        },
                    },
                },
            }
        );
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/x/{accountId}") { Content = content };
        request.Headers.Add("x-twitter-webhooks-signature", WebhookSignatures.X(DemoData.WebhookSecret, body));
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);

        var post = page.Locator("[data-post='910000000000000001']");
        await Assertions.Expect(post).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Pages.ScreenshotAsync(page, "stream-live");
        // Labelled on arrival by the rules or the model, whichever the brand's measurements trust here.
        await Assertions
            .Expect(post.Locator(".intent-chip"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Complaint|Service question) · (rule|model)$"));
        await Assertions.Expect(post.GetByText("Pat Morgan")).ToBeVisibleAsync();
        Assert.Equal(streamUrl, page.Url);
        await Pages.ScreenshotAsync(page, "stream-live");

        // One click corrects the label; it then shows it came from a person.
        await post.GetByLabel("Correct the intent").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Praise" }).ClickAsync();
        await Assertions.Expect(post.GetByText("Praise · person")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_connects_an_account_with_field_errors_first()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/b/amazon/accounts/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save account" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choose the network.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter the account's handle or page name.")).ToBeVisibleAsync();

        await Pages.ChooseAsync(page, "Network", "Facebook");
        await page.GetByLabel("Handle or page name").FillAsync("amazon");
        await page.GetByLabel("Platform account id").FillAsync("page-one");
        await Pages.ChooseAsync(page, "Owned by", "Marketing / PR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save account" }).ClickAsync();
        await Assertions.Expect(page.GetByText("account ids are numbers")).ToBeVisibleAsync();
        // Only the id is wrong: what was typed and chosen is all still there.
        await Assertions.Expect(page.GetByText("Choose the network.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Enter the account's handle or page name.")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "account-form-errors");

        await page.GetByLabel("Platform account id").FillAsync("20531316728");
        await page.GetByLabel("App secret").FillAsync("s3cret-from-meta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save account" }).ClickAsync();
        await Pages.WaitForUrlAsync(page, "**/b/amazon/accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Facebook · @amazon" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/webhooks/meta/").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "accounts-admin");

        await Pages.GoAsync(page, "/b/amazon/intake");
        await Assertions.Expect(page.GetByText("No parked deliveries.")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "intake");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_imports_a_file_and_sees_progress_and_a_summary_with_rejected_rows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(
            file,
            """
            tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
            990001,555001,True,Wed Nov 01 10:00:00 +0000 2017,"@AmazonHelp my parcel says delivered, but it is not here. Where is it?",990002,
            990002,AmazonHelp,False,Wed Nov 01 10:12:00 +0000 2017,@555001 Sorry about that! Please check with neighbours and DM us the order id.,,990001.0
            990003,555002,True,not a date,@AmazonHelp hello,,
            """
        );
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/admin/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(page.GetByText("read as Customer Support on Twitter CSV")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var summary = page.GetByLabel("Import summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(summary.GetByText("Imported: 2")).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByText("Rejected: 1")).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByText("created_at 'not a date'")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Import progress")).ToContainTextAsync("2 of 2 posts");
        await Pages.ScreenshotAsync(page, "import-summary");

        // Importing again adds nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(summary.GetByText("Already there: 2")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
        File.Delete(file);
    }
}
