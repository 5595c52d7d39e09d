using Agency.Infrastructure.Replies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.Support;

/// <summary>The platform stand-in on a loopback port, and real network clients pointed at it.</summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServiceProvider _services;

    private StandInServer(WebApplication app, ServiceProvider services, PlatformStandIn standIn)
    {
        _app = app;
        _services = services;
        StandIn = standIn;
        Clients = services.GetServices<INetworkClient>().ToList();
    }

    public PlatformStandIn StandIn { get; }
    public IReadOnlyList<INetworkClient> Clients { get; }

    public static async Task<StandInServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new PlatformStandIn();
        standIn.Map(app, "");
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var services = new ServiceCollection();
        services.AddHttpClient(MetaGraphClient.Name);
        services.AddHttpClient(XApiClient.Name);
        services.AddSingleton(Options.Create(new OutboundOptions { GraphBaseUrl = $"{url}/graph/v21.0", XBaseUrl = $"{url}/x" }));
        services.AddSingleton<INetworkClient, MetaGraphClient>();
        services.AddSingleton<INetworkClient, XApiClient>();
        return new StandInServer(app, services.BuildServiceProvider(), standIn);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
    }
}
