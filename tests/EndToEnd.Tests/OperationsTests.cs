using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(AppServer app)
{
    [Fact]
    public async Task An_operator_on_the_server_s_machine_checks_health_and_scrapes_the_metrics()
    {
        var page = await app.NewPageAsync();
        var ready = await page.APIRequest.GetAsync("/health/ready");
        Assert.Equal(200, ready.Status);
        Assert.Contains("Healthy", await ready.TextAsync());

        // From this machine no token is needed (the tests' server listens on loopback).
        var metrics = await page.APIRequest.GetAsync("/metrics");
        Assert.Equal(200, metrics.Status);
        Assert.StartsWith("text/plain; version=0.0.4", metrics.Headers["content-type"]);
        var text = await metrics.TextAsync();
        Assert.Contains("# TYPE agency_outbox_replies gauge", text);
        Assert.Matches(
            new System.Text.RegularExpressions.Regex(
                "^agency_inbox_deliveries\\{status=\"parked\"\\} \\d+$",
                System.Text.RegularExpressions.RegexOptions.Multiline
            ),
            text
        );
        await page.Context.CloseAsync();
    }
}
