using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Agency.Domain.OutgoingWebhooks;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class WebhookTests(AppServer app)
{
    /// <summary>The brand's own system: takes calls on a loopback port and keeps them with their signature.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly HttpListener _listener = new();
        public ConcurrentQueue<(string Event, string? Signature, string Body)> Calls { get; } = new();
        public string Url { get; }

        public Listener()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/agency/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }
                    using var reader = new StreamReader(context.Request.InputStream);
                    Calls.Enqueue(
                        (
                            context.Request.Headers["Agency-Event"] ?? "",
                            context.Request.Headers[WebhookSignature.Header],
                            await reader.ReadToEndAsync()
                        )
                    );
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            });
        }

        public void Dispose() => _listener.Close();
    }

    [Fact]
    public async Task An_admin_adds_an_endpoint_sends_a_test_and_sees_it_delivered_signed_with_the_secret_shown()
    {
        using var system = new Listener();
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, "admin@northbeam.example");
        await Pages.GoAsync(page, "/b/delta/webhooks");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks" })).ToBeVisibleAsync();

        await page.GetByLabel("System").FillAsync("Help desk");
        await page.GetByLabel("Address to call").FillAsync("ftp://desk.example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The address must start with https://.")).ToBeVisibleAsync();

        await page.GetByLabel("Address to call").FillAsync(system.Url);
        await page.GetByLabel("A service-level target was missed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(page.GetByText("it is not shown again")).ToBeVisibleAsync();
        var secret = (await page.GetByTestId("webhook-secret").TextContentAsync() ?? "").Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var endpoint = page.GetByLabel("Endpoint Help desk");
        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Assertions.Expect(endpoint.GetByText("Delivered")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(endpoint.GetByText("Last call taken")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Pages.ScreenshotAsync(page, "webhooks");

        var ping = Assert.Single(system.Calls, c => c.Event == WebhookEvents.Ping);
        Assert.True(WebhookSignature.Verify(ping.Signature, secret, ping.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.Contains("\"slug\":\"delta\"", ping.Body, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
