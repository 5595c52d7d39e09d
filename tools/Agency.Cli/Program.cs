using Agency.Domain.Common;
using Agency.Infrastructure;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The operator's command line. It reads the same configuration as the portal (appsettings.json
// beside it, environment variables such as Database__Provider, or --Database:ConnectionString=...).
var (command, options) = CommandLine.Parse(args);
if (command is null or "help" or "--help" or "-h")
{
    Console.WriteLine(CommandLine.Usage);
    return command is null ? 1 : 0;
}

var builder = Host.CreateApplicationBuilder(options.Passthrough);
builder.Configuration["Jobs:Enabled"] = "false";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddInfrastructure();
using var host = builder.Build();

try
{
    switch (command)
    {
        case "migrate":
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: false);
            Console.WriteLine("Database migrated and roles ensured.");
            return 0;
        case "seed-demo":
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: true);
            Console.WriteLine("Demo agency present (seeded if the database had none).");
            return 0;
        case "create-agency":
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: false);
            var created = await host.Services.GetRequiredService<CreateAgency>().HandleAsync(
                options.Require("name"), options.Require("slug"), options.Require("admin-email"), options.Require("admin-name"),
                options.Get("time-zone") ?? "Europe/London");
            var baseUrl = (options.Get("base-url") ?? "http://localhost:5080").TrimEnd('/');
            Console.WriteLine($"Agency created ({created.AgencyId}). The first admin accepts this link within 7 days:");
            Console.WriteLine($"{baseUrl}/Account/Invitation?token={Uri.EscapeDataString(created.InvitationToken)}");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{command}'.");
            Console.Error.WriteLine(CommandLine.Usage);
            return 1;
    }
}
catch (Exception ex) when (ex is DomainException or ArgumentException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

internal sealed record CliOptions(Dictionary<string, string> Named, string[] Passthrough)
{
    public string? Get(string name) => Named.GetValueOrDefault(name);
    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");
}

internal static class CommandLine
{
    public const string Usage = """
        usage: agency <command> [options] [--Database:Provider=... --Database:ConnectionString=...]

          migrate                      apply migrations for the configured database
          seed-demo                    migrate and seed the demo agency into an empty database
          create-agency                create an agency and print the invitation link of its first admin
              --name NAME --slug SLUG --admin-email EMAIL --admin-name NAME [--time-zone Europe/London] [--base-url URL]
        """;

    public static (string? Command, CliOptions Options) Parse(string[] args)
    {
        var named = new Dictionary<string, string>();
        var passthrough = new List<string>();
        string? command = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)) passthrough.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[a[2..]] = args[++i];
            else command ??= a;
        }
        return (command, new CliOptions(named, passthrough.ToArray()));
    }
}
