using Agency.Domain.Common;
using Agency.Infrastructure;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
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
            var created = await host
                .Services.GetRequiredService<CreateAgency>()
                .HandleAsync(
                    options.Require("name"),
                    options.Require("slug"),
                    options.Require("admin-email"),
                    options.Require("admin-name"),
                    options.Get("time-zone") ?? "Europe/London"
                );
            var baseUrl = (options.Get("base-url") ?? "http://localhost:5080").TrimEnd('/');
            Console.WriteLine($"Agency created ({created.AgencyId}). The first admin accepts this link within 7 days:");
            Console.WriteLine($"{baseUrl}/Account/Invitation?token={Uri.EscapeDataString(created.InvitationToken)}");
            return 0;
        case "import":
        {
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: false);
            var file = options.Require("file");
            if (!File.Exists(file))
                throw new ArgumentException($"No file at {file}.");
            var agencySlug = options.Require("agency");
            Guid agencyId;
            await using (var db = host.Services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None))
                agencyId = await db.Agencies.Where(a => a.Slug == agencySlug).Select(a => a.Id).SingleOrDefaultAsync();
            if (agencyId == Guid.Empty)
                throw new ArgumentException($"No agency with slug '{agencySlug}'.");
            var format = (options.Get("format") ?? (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "twcs" : "jsonl")) switch
            {
                "twcs" or "csv" => ImportFormat.Twcs,
                "jsonl" or "json" => ImportFormat.JsonLines,
                var f => throw new ArgumentException($"--format '{f}' is not twcs or jsonl."),
            };
            double? speed = options.Get("replay") is { } r
                ? double.TryParse(r, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
                    ? v
                    : throw new ArgumentException("--replay takes a positive speed factor, e.g. 60.")
                : null;
            using var reader = new StreamReader(file);
            var progress = new Progress<ImportProgress>(p =>
            {
                if (p.Total > 0)
                    Console.Error.Write($"\r{p.Done}/{p.Total} items");
            });
            var summary = await host
                .Services.GetRequiredService<Importer>()
                .ImportAsync(
                    agencyId,
                    reader,
                    format,
                    new ImportOptions { ReplaySpeed = speed, ShiftToNow = options.Flag("shift-to-now") },
                    progress
                );
            Console.Error.WriteLine();
            Console.WriteLine(
                $"{summary.Rows} rows read in {summary.Elapsed.TotalSeconds:F1} s: {summary.Imported} imported, {summary.Duplicates} already there, {summary.Rejected.Count} rejected."
            );
            foreach (var (account, count) in summary.ByAccount.OrderByDescending(kv => kv.Value))
                Console.WriteLine($"  {account}: {count}");
            foreach (var group in summary.Rejected.GroupBy(x => x.Reason.Split('(')[0].Trim()).OrderByDescending(g => g.Count()).Take(10))
                Console.WriteLine($"  rejected {group.Count()}x: {group.Key} (first at line {group.First().Line})");
            return 0;
        }
        case "forecast":
        {
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: false);
            var agencySlug = options.Require("agency");
            var brandSlug = options.Require("brand");
            var brand = (await host.Services.GetRequiredService<CrossTenantReader>().ActiveBrandsAsync()).FirstOrDefault(b =>
                b.Slug == brandSlug && AgencySlugOf(host, b.AgencyId) == agencySlug
            ) ?? throw new ArgumentException($"No brand '{brandSlug}' in agency '{agencySlug}'.");
            var runs = await host
                .Services.GetRequiredService<Agency.Infrastructure.Planning.WorkloadPlanner>()
                .PlanAsync(TenantScope.ForBrand(brand.AgencyId, brand.BrandId, TenantSource.System, userName: "agency forecast"));
            foreach (var run in runs)
            {
                var week = 7 * 24 * 60 / run.IntervalMinutes;
                Console.WriteLine(
                    $"{Agency.Domain.Channels.Networks.Describe(run.Network)}: {run.HistoryPosts:N0} posts of history; model {run.Model}, WAPE {run.Wape:P1} (bias {run.Bias:+0.0%;-0.0%}), baseline WAPE {run.BaselineWape:P1}"
                );
                Console.WriteLine(
                    $"  next 7 days from {run.FirstLocalDay:yyyy-MM-dd}: {run.Point.Take(week).Sum():N0} posts forecast (80 % band {run.Lower.Take(week).Sum():N0}-{run.Upper.Take(week).Sum():N0})"
                );
                Console.WriteLine(
                    $"  staff needed ({(run.StaffingModel == Agency.Domain.Staffing.StaffingModel.ErlangC ? "Erlang C" : "backlog model")}): peak {run.Required.Take(week).DefaultIfEmpty(0).Max()}, {run.Required.Take(week).Sum() * run.IntervalMinutes / 60.0:N0} agent-hours; simulated service level {run.SimulatedServiceLevel:P0}"
                );
            }
            return 0;
        }
        case "roster":
        {
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemo: false);
            var agencySlug = options.Require("agency");
            Guid agencyId;
            await using (var db = host.Services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None))
                agencyId = await db.Agencies.Where(a => a.Slug == agencySlug).Select(a => a.Id).SingleOrDefaultAsync();
            if (agencyId == Guid.Empty)
                throw new ArgumentException($"No agency with slug '{agencySlug}'.");
            var scope = TenantScope.ForAgency(agencyId, TenantSource.System, userName: "agency roster");
            var first = options.Get("from") is { } f
                ? DateOnly.TryParseExact(f, "yyyy-MM-dd", out var d)
                    ? d
                    : throw new ArgumentException("--from takes a date as yyyy-MM-dd (a Monday).")
                : NextMonday(DateOnly.FromDateTime(DateTime.UtcNow));
            int Number(string name, int fallback) =>
                options.Get(name) is { } v
                    ? int.TryParse(v, out var n)
                        ? n
                        : throw new ArgumentException($"--{name} takes a whole number.")
                    : fallback;
            var runner = host.Services.GetRequiredService<Agency.Infrastructure.Rostering.RosterRunner>();
            var done = new TaskCompletionSource<Guid>();
            runner.Changed += l =>
            {
                if (l.Step == "Done")
                    done.TrySetResult(l.RunId);
                else if (l.Solutions > 0)
                    Console.Error.Write(
                        $"\r{l.Elapsed.TotalSeconds, 5:F0} s: {l.Solutions} rosters, {l.UnderCoverage * 30 / 60.0:N0} h short (bound {l.LowerBound * 30 / 60.0:N0} h)   "
                    );
            };
            var started = await runner.StartAsync(scope, first, Number("weeks", 4), Number("seconds", 60));
            if (!started.Ok)
                throw new ArgumentException(started.Error);
            var runId = await done.Task;
            Console.Error.WriteLine();
            Agency.Domain.Rostering.RosterRun run;
            await using (var db = host.Services.GetRequiredService<DatabaseSetup>().Create(scope))
                run = await db.RosterRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            Console.WriteLine(
                $"Roster {run.FirstDay:yyyy-MM-dd} + {run.Weeks} weeks: {run.Status}; {run.Shifts} shifts; demand {run.DemandIntervals * 30 / 60.0:N0} person-hours, "
                    + $"short {run.UnderCoverageIntervals * 30 / 60.0:N0} h ({run.Covered:P1} covered), lower bound {run.LowerBoundIntervals * 30 / 60.0:N0} h, over {run.OverCoverageIntervals * 30 / 60.0:N0} h{(run.Message is { } m ? "; " + m : "")}"
            );
            if (run.HasRoster)
            {
                // Per line of demand over the whole horizon: hours short, and what its people would achieve by simulation.
                var planner = host.Services.GetRequiredService<Agency.Infrastructure.Rostering.RosterPlanner>();
                var horizon = await planner.BuildAsync(scope, run.FirstDay, run.Weeks);
                foreach (var line in await planner.CoverageAsync(scope, horizon, runId, 0, 7 * run.Weeks))
                    Console.WriteLine(
                        $"  {line.Brand}: {line.Short * 30 / 60.0:N1} h short of {line.Demand * 30 / 60.0:N1} h"
                            + string.Concat(
                                line.Service.Select(s =>
                                    $"; {Agency.Domain.Channels.Networks.Describe(s.Network)} simulated: {s.Describe()}"
                                )
                            )
                    );
            }
            if (
                options.Flag("publish")
                && run.Status is Agency.Domain.Rostering.RosterRunStatus.Completed or Agency.Domain.Rostering.RosterRunStatus.Stopped
            )
            {
                var published = await host
                    .Services.GetRequiredService<Agency.Infrastructure.Rostering.RosterPlanner>()
                    .PublishAsync(scope, runId);
                Console.WriteLine(published.Ok ? "Published: routing assigns by these shifts." : $"Not published: {published.Error}");
            }
            return run.Status == Agency.Domain.Rostering.RosterRunStatus.Failed ? 3 : 0;
        }
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

static DateOnly NextMonday(DateOnly day) => day.AddDays(7 - ((int)day.DayOfWeek + 6) % 7);

static string? AgencySlugOf(IHost host, Guid agencyId)
{
    using var db = host.Services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None);
    return db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Slug).SingleOrDefault();
}

internal sealed record CliOptions(Dictionary<string, string> Named, string[] Passthrough, HashSet<string> Flags)
{
    public bool Flag(string name) => Flags.Contains(name);

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
          import                       import posts into an agency's connected accounts (matched by handle)
              --file PATH --agency SLUG [--format twcs|jsonl] [--shift-to-now] [--replay SPEED]
              twcs: the "Customer Support on Twitter" CSV layout; jsonl: docs/import-format.md.
              --replay 60 replays at the original pace sixty times faster; without it, as fast as possible.
          forecast                     forecast a brand's channels and print accuracy and staff needed (stored as on the portal)
              --agency SLUG --brand SLUG
          roster                       build a roster of the agency's staff pool over all brands and print its coverage, per brand
                                       with the simulated service of each channel
              --agency SLUG [--from YYYY-MM-DD (a Monday; default next Monday)] [--weeks 4] [--seconds 60] [--publish]
        """;

    private static readonly HashSet<string> Switches = ["shift-to-now", "publish"];

    public static (string? Command, CliOptions Options) Parse(string[] args)
    {
        var named = new Dictionary<string, string>();
        var passthrough = new List<string>();
        var flags = new HashSet<string>();
        string? command = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))
                passthrough.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) && Switches.Contains(a[2..]))
                flags.Add(a[2..]);
            else if (a.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                named[a[2..]] = args[++i];
            else
                command ??= a;
        }
        return (command, new CliOptions(named, passthrough.ToArray(), flags));
    }
}
