using System.Text;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class ReportTests(AppServer app)
{
    [Fact]
    public async Task A_brand_manager_changes_the_period_opens_a_transcript_and_downloads_the_pdf()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "brandmanager@northbeam.example");
        Assert.Contains("Dashboard", await Pages.NavigationAsync(page));
        await Pages.GoAsync(page, "/b/delta/dashboard");
        var received = page.Locator("[data-metric='Messages received'] [data-now]");
        await Assertions.Expect(received).Not.ToHaveTextAsync("0");
        var thirtyDays = await received.InnerTextAsync();
        await Assertions.Expect(page.GetByLabel("Messages per day by channel").Locator("svg")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "brand-dashboard");

        // A shorter period counts fewer messages; an impossible one is refused at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Last 7 days" }).ClickAsync();
        await Assertions.Expect(received).Not.ToHaveTextAsync(thirtyDays);
        await page.GetByLabel("First day").FillAsync("2026-12-31");
        await page.GetByLabel("First day").PressAsync("Tab");
        await page.GetByLabel("Last day").FillAsync("2026-01-01");
        await page.GetByLabel("Last day").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show period" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The last day must not be before the first.")).ToBeVisibleAsync();

        // Transcripts: one conversation, public and private marked, no internal notes.
        await Pages.GoAsync(page, "/b/delta/transcripts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open" }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Transcript")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Transcript").Locator(".message").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "transcript");

        // The PDF of the period.
        await Pages.GoAsync(page, "/b/delta/dashboard");
        await Assertions.Expect(received).Not.ToHaveTextAsync("0");
        var direct = await page.APIRequest.GetAsync(
            await page.GetByLabel("Download PDF report").GetAttributeAsync("href") ?? "missing-href"
        );
        Assert.True(direct.Ok, $"{direct.Status}: {await direct.TextAsync()}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByLabel("Download PDF report").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        // Another brand's dashboard, transcripts and downloads do not exist for this manager.
        var other = await page.GotoAsync("/b/apple/dashboard");
        Assert.Equal(404, other!.Status);
        var pdf = await page.APIRequest.GetAsync("/b/apple/reports/report.pdf?from=2026-01-01&to=2026-01-31");
        Assert.Equal(404, pdf.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agency_lead_sees_every_brand_on_the_console()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/console");
        var table = page.GetByLabel("Brands now");
        await Assertions.Expect(table.Locator("tr[data-brand]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(table.Locator("tr[data-brand='delta']")).ToBeVisibleAsync();
        var heat = page.GetByRole(AriaRole.Table, new() { Name = "SLA heat map" });
        await Assertions.Expect(heat).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("(last 7 days, UTC)")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "agency-console");

        // A longer period: the whole-day column counts at least as many decided conversations as the week did.
        var totals = heat.Locator(".heat-total[data-total-met]");
        async Task<int> DecidedAsync()
        {
            var sum = 0;
            foreach (var cell in await totals.AllAsync())
                sum +=
                    int.Parse((await cell.GetAttributeAsync("data-total-met"))!)
                    + int.Parse((await cell.GetAttributeAsync("data-total-missed"))!);
            return sum;
        }
        var week = await DecidedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "90 days" })
            .Or(page.GetByText("90 days", new() { Exact = true }))
            .First.ClickAsync();
        await Assertions.Expect(page.GetByText("(last 90 days, UTC)")).ToBeVisibleAsync();
        // The demo's real tweets are mostly more than a week old.
        Assert.True(await DecidedAsync() > week, $"90 days decided no more than the week's {week}");
        await Pages.ScreenshotAsync(page, "agency-console-90-days");
        await page.Context.CloseAsync();
    }
}
