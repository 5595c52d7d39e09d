using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

/// <summary>Importing a brand's history into a live demo brand leaves today's open work and this month's figures as they were.</summary>
[Collection(AppCollection.Name)]
public sealed class HistoryImportTests(AppServer app)
{
    private static async Task<string> OpenWorkAsync(IPage page)
    {
        await Pages.GoAsync(page, "/workspace");
        await page.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
        var count = page.GetByText("conversation(s)");
        await Assertions.Expect(count).Not.ToContainTextAsync("Loading");
        await page.WaitForTimeoutAsync(500); // the tab's reload replaces the first count
        return (await count.InnerTextAsync()).Split(' ')[0];
    }

    private static async Task<string> ConversationsThisMonthAsync(IPage page)
    {
        await Pages.GoAsync(page, "/b/amazon/dashboard");
        var now = page.Locator("[data-metric='Conversations'] [data-now]");
        await Assertions.Expect(now).ToBeVisibleAsync();
        return await now.InnerTextAsync();
    }

    [Fact]
    public async Task Importing_2017_history_leaves_today_s_open_work_and_the_last_30_days_unchanged()
    {
        var file = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(
            file,
            """
            tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
            991001,555101,True,Wed Nov 01 10:00:00 +0000 2017,@AmazonHelp my order never came,991002,
            991002,AmazonHelp,False,Wed Nov 01 10:12:00 +0000 2017,@555101 Sorry! Please DM us the order id.,,991001.0
            991003,555101,True,Sat Nov 11 09:00:00 +0000 2017,@AmazonHelp and now the refund is late,,
            991004,555102,True,Sun Nov 12 18:30:00 +0000 2017,@AmazonHelp where is my parcel??,,
            """
        );
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        var openBefore = await OpenWorkAsync(page);
        var figuresBefore = await ConversationsThisMonthAsync(page);

        await Pages.GoAsync(page, "/admin/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var summary = page.GetByLabel("Import summary");
        await Assertions.Expect(summary.GetByText("Imported: 4")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // 2017's unanswered tweets are history, closed at their last activity: not today's work, not this month's figures.
        Assert.Equal(openBefore, await OpenWorkAsync(page));
        Assert.Equal(figuresBefore, await ConversationsThisMonthAsync(page));
        await Pages.ScreenshotAsync(page, "history-import-dashboard");
        await page.Context.CloseAsync();
        File.Delete(file);
    }
}
