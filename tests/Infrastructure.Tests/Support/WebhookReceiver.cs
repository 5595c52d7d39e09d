using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Tests.Support;

/// <summary>A client's system on a loopback port that takes webhook calls, keeps them, and answers with the status it is told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Call(string Event, string Delivery, string? Signature, string Body);

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }
    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>The status the next calls get (200 unless told otherwise).</summary>
    public int Status { get; set; } = 200;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (receiver!.Status is >= 200 and < 300)
                receiver.Calls.Enqueue(
                    new Call(
                        request.Headers["Agency-Event"].ToString(),
                        request.Headers["Agency-Delivery"].ToString(),
                        request.Headers["Agency-Signature"].ToString(),
                        body
                    )
                );
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, url + "/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
