using Agency.Infrastructure.Classification;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Health;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.OutgoingWebhooks;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Planning;
using Agency.Infrastructure.PublicApi;
using Agency.Infrastructure.Replies;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Rostering;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Shifts;
using Agency.Infrastructure.Sla;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Agency.Infrastructure;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Quartz scheduler in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Several nodes share one PostgreSQL or SQL Server database (not possible on SQLite): Quartz runs each job on one of
    /// them, and live updates travel between them (<see cref="Cluster.NodeRelay"/>).</summary>
    public bool Clustered { get; set; }
}

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        var dbOptions = ReadDatabaseOptions(config, builder.Environment.ContentRootPath);
        services.AddSingleton(Options.Create(dbOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
            DatabaseSetup.Build(dbOptions, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>())
        );

        services.AddScoped<IDbContextFactory<AgencyDbContext>, AgencyDbContextFactory>();
        // Identity and Data Protection resolve a context from the scope; it carries that scope's tenant.
        services.AddScoped<AgencyDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AgencyDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("Agency").PersistKeysToDbContext<AgencyDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddSingleton<Operations.MetricsCollector>();
        services.AddSingleton<Operations.OperationsMetrics>();
        services.AddSingleton<BrandFanOut>();
        services.AddScoped<DemoSeeder>();

        // One call per feature; each registers its own services.
        services.AddTenancy();
        services.AddAgencyIdentity(config);
        services.AddClassification();
        services.AddIntake(config);
        services.AddServiceRouting();
        services.AddNotifications();
        services.AddConversations();
        services.AddSla();
        services.AddShifts();
        services.AddPlanning();
        services.AddRostering(config);
        services.AddReporting();
        services.AddPublicApi(config);
        services.AddOutgoingWebhooks(config);
        services.AddReplies(config);

        AddJobs(builder, dbOptions);
        return builder;
    }

    private static void AddJobs(IHostApplicationBuilder builder, DatabaseOptions db)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.Clustered && db.Provider == DatabaseProvider.Sqlite)
            throw new InvalidOperationException("Jobs:Clustered needs PostgreSQL or SQL Server; SQLite cannot be shared by several nodes.");
        // Several servers: the live updates of one server's pages reach the others' through the database.
        if (jobs.Clustered)
        {
            builder.Services.AddSingleton<Cluster.NodeRelay>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Cluster.NodeRelay>());
        }

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Agency";
                o.GenerateInstanceId = true;
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UsePersistentStore(s =>
            {
                s.UseSystemTextJsonSerializer();
                switch (db.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        s.UseSqlite(db.ConnectionString);
                        break;
                    case DatabaseProvider.Postgres:
                        s.UsePostgres(db.ConnectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        s.UseSqlServer(db.ConnectionString);
                        break;
                }
                s.ProvisionSchema();
                if (jobs.Clustered)
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
            });
            q.AddClassificationJobs();
            q.AddPlanningJobs();
            q.AddReportingJobs();
            q.AddSlaJobs();
        });
        if (jobs.Enabled)
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>Reads the Database section; a relative SQLite path is resolved against the content root.</summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration config, string contentRoot)
    {
        var section = config.GetSection(DatabaseOptions.Section);
        var options = new DatabaseOptions();
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider =
                Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
                    ? p
                    : throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, Postgres, SqlServer.");
        }
        options.ConnectionString = section["ConnectionString"] ?? options.ConnectionString;
        if (bool.TryParse(section["MigrateOnStartup"], out var migrate))
            options.MigrateOnStartup = migrate;

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
            if (!string.IsNullOrEmpty(cs.DataSource) && cs.DataSource != ":memory:" && !Path.IsPathRooted(cs.DataSource))
                cs.DataSource = Path.Combine(contentRoot, cs.DataSource);
            cs.DefaultTimeout = cs.DefaultTimeout < 30 ? 30 : cs.DefaultTimeout;
            options.ConnectionString = cs.ToString();
        }
        return options;
    }
}
