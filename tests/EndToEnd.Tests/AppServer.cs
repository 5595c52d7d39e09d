using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Agency.EndToEnd.Tests;

/// <summary>
/// The real Portal on Kestrel at a loopback port (SQLite file, demo data, jobs on), and Debian's
/// chromium driven by Playwright. The browser may only reach 127.0.0.1.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("agency-e2e-");
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public static string Screenshots { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dir.FullName, "agency.db")}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Jobs:Enabled", "true");
        // The server's warnings and slow database commands, for when a test times out.
        builder.ConfigureLogging(l => l.AddProvider(new FileLog(Path.Combine(RepoRoot(), "artifacts", "e2e-server.log"))));
    }

    public async ValueTask InitializeAsync()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Directory.CreateDirectory(Screenshots);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("AGENCY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Headless = true,
                ChromiumSandbox = false,
                Args =
                [
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                ],
            }
        );
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(1400, 900);

    /// <summary>A page at the given size; phones are 390 x 844 (the pages agents and leads use on the move).</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool touch = false)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = BaseUrl,
                ViewportSize = new ViewportSize { Width = width, Height = height },
                HasTouch = touch,
                IsMobile = touch,
            }
        );
        // The test projects run side by side on two cores (the optimiser tests use both): allow for it.
        context.SetDefaultTimeout(40_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        { /* temp folder */
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agency.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app";
}

/// <summary>Writes the server's warnings and errors, and database commands that took a second or more, to a file.</summary>
internal sealed class FileLog : ILoggerProvider
{
    private readonly StreamWriter _writer;

    public FileLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _writer.Dispose();

    private void Write(string line)
    {
        lock (_writer)
            _writer.WriteLine(line);
    }

    private sealed class Logger(FileLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel level) =>
            level >= LogLevel.Warning || (level >= LogLevel.Information && category == "Microsoft.EntityFrameworkCore.Database.Command");

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? error, Func<TState, Exception?, string> format)
        {
            if (!IsEnabled(level))
                return;
            var text = format(state, error);
            if (level < LogLevel.Warning && !SlowCommand(text))
                return;
            log.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {level} {category}: {text}{(error is null ? "" : " " + error)}");
        }

        // "Executed DbCommand (1,234ms)": only commands of a second or more.
        private static bool SlowCommand(string text) =>
            text.StartsWith("Executed DbCommand (", StringComparison.Ordinal)
            && text.IndexOf("ms)", StringComparison.Ordinal) is var end and > 20
            && int.TryParse(
                text[20..end],
                System.Globalization.NumberStyles.AllowThousands,
                System.Globalization.CultureInfo.InvariantCulture,
                out var ms
            )
            && ms >= 1000;
    }
}
