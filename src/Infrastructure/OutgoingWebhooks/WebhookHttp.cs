using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;

namespace Agency.Infrastructure.OutgoingWebhooks;

/// <summary>Settings of outgoing webhooks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public bool WorkerEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls per endpoint and round; the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Whether endpoints may use plain HTTP and addresses on this machine or a private network. Off in production: an address
    /// typed by a tenant must not reach the servers' own network. On for local testing and the demo.
    /// </summary>
    public bool AllowInsecure { get; set; }

    /// <summary>How long delivered calls are kept for people to look at.</summary>
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>Encrypts endpoints' signing secrets at rest with Data Protection (keys kept in the database).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Agency.Webhooks.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The plain secret, or null when it can no longer be read (its key was rotated away): the endpoint needs a new one.</summary>
    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>An endpoint's address led somewhere webhooks may not go.</summary>
public sealed class WebhookAddressException(string message) : HttpRequestException(message);

/// <summary>
/// The HTTP client of webhooks: no redirects (an endpoint cannot send the call elsewhere), and unless insecure addresses are
/// allowed, connections only to public addresses, checked on the address actually connected to (a name that resolves to a
/// private address, now or later, is refused).
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static SocketsHttpHandler Handler(bool allowInsecure) =>
        new()
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                var allowed = addresses.Where(a => allowInsecure || IsPublic(a)).ToArray();
                if (allowed.Length == 0)
                    throw new WebhookAddressException($"{host} is a local or private address, which webhooks may not call.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

    /// <summary>Whether an address is on the public internet: not this machine, a private or shared network, link-local or multicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(
                b[0] == 0
                || b[0] == 10
                || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || b[0] >= 224
            );
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            return false;
        return true;
    }
}
