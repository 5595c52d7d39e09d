using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Agency.Domain.Intake;
using Agency.Infrastructure.Seeding;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Agency.Portal.Tests.Http;

/// <summary>A portal whose metrics take a bearer token (the test server's requests come from no address, so never from this machine).</summary>
public sealed class MetricsPortalFactory : PortalFactory
{
    public const string Token = "scrape-token-of-the-test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Operations:MetricsToken", Token);
    }
}

/// <summary>What operators scrape at /metrics: this server's counters and the shared queues, only for this machine or with the token.</summary>
public sealed class MetricsTests(MetricsPortalFactory factory) : IClassFixture<MetricsPortalFactory>
{
    private async Task<HttpResponseMessage> ScrapeAsync(string? token)
    {
        var client = factory.Anonymous();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/metrics");
    }

    private static double Value(string text, string series) =>
        Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;

    [Fact]
    public async Task Without_the_token_from_another_machine_metrics_are_refused()
    {
        var none = await ScrapeAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Operations:MetricsToken", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync("not-the-token")).StatusCode);
    }

    [Fact]
    public async Task A_signed_delivery_and_a_refused_one_are_counted_and_the_queues_are_shown()
    {
        var before = await (await ScrapeAsync(MetricsPortalFactory.Token)).Content.ReadAsStringAsync();
        var account = await factory.AccountAsync("delta", "Delta");
        var body = WebhookTests.Mention("5920532", "900000000000000777", "@Delta my bag did not arrive in Atlanta");
        var path = $"/webhooks/x/{account.Id}";
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await factory.PostWebhookAsync(
                    path,
                    body,
                    "x-twitter-webhooks-signature",
                    WebhookSignatures.X(DemoData.WebhookSecret, body)
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await factory.PostWebhookAsync(path, body, "x-twitter-webhooks-signature", "sha256=AAAA")).StatusCode
        );

        var response = await ScrapeAsync(MetricsPortalFactory.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        // Counters are the process's: other tests' deliveries may add to them, never take away.
        const string stored = "agency_webhook_deliveries_total{network=\"x\",outcome=\"stored\"}";
        const string refused = "agency_webhook_deliveries_total{network=\"x\",outcome=\"bad_signature\"}";
        Assert.True(Value(text, stored) >= Value(before, stored) + 1, text);
        Assert.True(Value(text, refused) >= Value(before, refused) + 1, text);
        Assert.Contains("# TYPE agency_webhook_deliveries_total counter", text);
        // The queues, over every tenant.
        Assert.Contains("# TYPE agency_inbox_deliveries gauge", text);
        Assert.Matches(new Regex("^agency_inbox_deliveries\\{status=\"pending\"\\} \\d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^agency_outbox_replies\\{status=\"queued\"\\} \\d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^agency_roster_runs_running \\d+$", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task Requests_are_timed_by_route_template_and_status()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/live")).StatusCode);
        // ASP.NET Core records a request's duration as the request ends, which can be just after the client has its answer.
        const string series = "agency_http_request_duration_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}";
        var text = "";
        for (var attempt = 0; attempt < 50 && Value(text, series) < 1; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(100);
            text = await (await ScrapeAsync(MetricsPortalFactory.Token)).Content.ReadAsStringAsync();
        }
        Assert.True(Value(text, series) >= 1, text);
        Assert.Contains("# TYPE agency_http_request_duration_seconds histogram", text);
        Assert.Matches(
            new Regex(
                "^agency_http_request_duration_seconds_bucket\\{method=\"GET\",route=\"/health/live\",status=\"200\",le=\"\\+Inf\"\\} \\d+$",
                RegexOptions.Multiline
            ),
            text
        );
    }
}
