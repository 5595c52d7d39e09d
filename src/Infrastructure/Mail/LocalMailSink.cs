using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Agency.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Mail;

/// <summary>One message the sink received: the envelope and the raw MIME text.</summary>
public sealed record SunkMail(string From, IReadOnlyList<string> To, string Raw, DateTime ReceivedAt, string? File)
{
    public string Subject => Header("Subject") ?? "";

    public string? Header(string name) =>
        Raw.Split("\r\n")
            .TakeWhile(l => l.Length > 0)
            .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            ?[(name.Length + 1)..].Trim();
}

/// <summary>
/// A local SMTP server on loopback for development and tests: it accepts every message, keeps it
/// (in memory and as an .eml file) and delivers nothing. It speaks the part of SMTP that mail
/// clients need (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
/// </summary>
public sealed class LocalMailSink(IOptions<SmtpOptions> options, ILogger<LocalMailSink> logger, IHostEnvironment? host = null)
    : BackgroundService
{
    private readonly ConcurrentQueue<SunkMail> _messages = new();
    private TcpListener? _listener;

    public IReadOnlyList<SunkMail> Messages => _messages.ToArray();
    public event Action<SunkMail>? Received;

    /// <summary>The port it listens on (the configured one, or the one the system chose for port 0).</summary>
    public int Port { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, options.Value.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // Another sink (a second instance on this machine) already listens: mail goes to it; this process runs on.
            logger.LogWarning(
                "Local mail sink not started: 127.0.0.1:{Port} is taken; mail goes to whatever listens there",
                options.Value.Port
            );
            listener.Dispose();
            return Task.CompletedTask;
        }
        _listener = listener;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        logger.LogInformation(
            "Local mail sink listening on 127.0.0.1:{Port}; messages go to {Directory}",
            Port,
            options.Value.SinkDirectory
        );
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await _listener!.AcceptTcpClientAsync(stoppingToken);
                _ = Task.Run(() => ServeAsync(client, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
        finally
        {
            _listener?.Stop();
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)
            {
                NewLine = "\r\n",
                AutoFlush = true,
            };
            await writer.WriteLineAsync("220 agency-sink ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-agency-sink");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 agency-sink");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } data && data != ".")
                            raw.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data).Append("\r\n");
                        Keep(from ?? "", to.ToList(), raw.ToString());
                        await writer.WriteLineAsync("250 OK: kept");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug(ex, "Mail sink connection ended");
        }
    }

    private void Keep(string from, List<string> to, string raw)
    {
        string? file = null;
        var dir = options.Value.SinkDirectory;
        if (!string.IsNullOrWhiteSpace(dir))
        {
            // Relative to the content root, like the SQLite file.
            if (!Path.IsPathRooted(dir) && host is not null)
                dir = Path.Combine(host.ContentRootPath, dir);
            Directory.CreateDirectory(dir);
            file = Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            File.WriteAllText(file, raw);
        }
        var mail = new SunkMail(from, to, raw, DateTime.UtcNow, file);
        _messages.Enqueue(mail);
        logger.LogInformation("Mail sink kept a message to {To}: {Subject}", string.Join(", ", to), mail.Subject);
        Received?.Invoke(mail);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
