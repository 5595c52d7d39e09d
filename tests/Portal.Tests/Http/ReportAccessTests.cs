using System.Net;
using System.Text;
using Agency.Portal.Tests.Support;

namespace Agency.Portal.Tests.Http;

/// <summary>Reports over real HTTP: a brand manager gets their brand's figures and files, and nothing of any other brand.</summary>
public sealed class ReportAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string Range = $"from={DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}";

    [Fact]
    public async Task A_brand_manager_downloads_their_brand_s_csv_and_pdf()
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var figures = await client.GetAsync($"/b/delta/reports/metrics.csv?{Range}");
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        Assert.Equal("text/csv", figures.Content.Headers.ContentType!.MediaType);
        var csv = await figures.Content.ReadAsStringAsync();
        // Numbers with their units for BI tools (issue 26), no longer the page's display strings.
        Assert.StartsWith(
            "section,item,figure,unit,this_period,period_before,change,change_unit",
            csv.TrimStart('\uFEFF'),
            StringComparison.Ordinal
        );
        Assert.Contains("headline,,response_rate,percent,", csv, StringComparison.Ordinal);

        var conversations = await client.GetStringAsync($"/b/delta/reports/conversations.csv?{Range}");
        Assert.StartsWith("conversation_id,started_at_utc", conversations.TrimStart('\uFEFF'), StringComparison.Ordinal);

        var pdf = await client.GetAsync($"/b/delta/reports/report.pdf?{Range}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        var month = await client.GetAsync($"/b/delta/reports/report.pdf?month={DateTime.UtcNow.AddMonths(-1):yyyy-MM}");
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
    }

    [Theory]
    [InlineData("/b/apple/dashboard")]
    [InlineData("/b/apple/transcripts")]
    [InlineData("/b/apple/reports/metrics.csv?from=2026-11-01&to=2026-11-22")]
    [InlineData("/b/apple/reports/conversations.csv?from=2026-11-01&to=2026-11-22")]
    [InlineData("/b/apple/reports/report.pdf?month=2026-10")]
    public async Task A_brand_manager_gets_404_for_another_brand_s_reports(string path)
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-11-22&to=2026-11-01", "The last day must not be before the first.")]
    [InlineData("from=yesterday&to=2026-11-01", "The first day must be a date written yyyy-MM-dd.")]
    [InlineData("to=2026-11-01", "Choose the first and the last day.")]
    [InlineData("from=2020-01-01&to=2026-11-01", "Choose at most 366 days.")]
    public async Task A_bad_period_is_refused_with_the_reason_and_no_500(string query, string reason)
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var response = await client.GetAsync($"/b/delta/reports/metrics.csv?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/b/delta/reports/report.pdf?month=13-2026")).StatusCode);
    }

    [Fact]
    public async Task A_person_who_follows_a_bad_report_link_gets_a_page_with_the_reason_and_a_way_back()
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/b/delta/reports/metrics.csv?from=yesterday&to=2026-11-01");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The first day must be a date written yyyy-MM-dd.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/b/delta/dashboard\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_and_marketing_owners_do_not_get_reports_and_brand_managers_do_not_get_the_console()
    {
        var agent = await factory.SignInAsync("agent@northbeam.example");
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync($"/b/apple/reports/metrics.csv?{Range}")).StatusCode);
        var manager = await factory.SignInAsync("brandmanager@northbeam.example");
        var console = await manager.GetAsync("/console");
        Assert.NotEqual(HttpStatusCode.OK, console.StatusCode);
        var admin = await factory.SignInAsync("admin@northbeam.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/b/apple/reports/metrics.csv?{Range}")).StatusCode);
    }
}
