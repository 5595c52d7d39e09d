using Agency.Infrastructure.Health;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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
        services.AddSingleton(sp => DatabaseSetup.Build(dbOptions, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));

        services.AddScoped<TenantContext>();
        services.AddScoped<IDbContextFactory<AgencyDbContext>, AgencyDbContextFactory>();
        // Identity and Data Protection resolve a context from the scope; it carries that scope's tenant.
        services.AddScoped<AgencyDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AgencyDbContext>>().CreateDbContext());
        services.AddSingleton<TenantAccessResolver>();
        services.AddSingleton<CrossTenantReader>();
        services.AddSingleton<Operations.MetricsCollector>();
        services.AddSingleton<Operations.OperationsMetrics>();
        services.AddSingleton<BrandFanOut>();
        services.AddSingleton<CreateAgency>();
        services.AddSingleton<Identity.SignInRecord>();
        services.AddScoped<DemoSeeder>();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AgencyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AgencyClaimsFactory>();

        services.AddDataProtection().SetApplicationName("Agency").PersistKeysToDbContext<AgencyDbContext>();

        services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        if (config.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { Sink: true })
        {
            services.AddSingleton<Mail.LocalMailSink>();
            services.AddHostedService(sp => sp.GetRequiredService<Mail.LocalMailSink>());
        }

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        var intake = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        services.AddSingleton(Options.Create(intake));
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<PostNotifier>();
        services.AddSingleton<IntakeSignal>();
        services.AddSingleton<Classification.IntentModels>();
        services.AddSingleton(sp => new PostWriter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Classification.IntentModels>())
        {
            QuietPeriod = intake.QuietPeriod,
        });
        services.AddSingleton<Classification.RetrainIntentModel>();
        services.AddSingleton<IntakeProcessor>();
        services.AddSingleton<AgencyWideReader>();
        services.AddSingleton<Routing.ConversationWork>();
        services.AddSingleton<Notifications.WorkNotifier>();
        services.AddSingleton<Notifications.PresenceTracker>();
        services.AddSingleton<Conversations.ConversationActions>();
        services.AddSingleton<Sla.SlaEscalation>();
        services.AddSingleton<Shifts.ShiftBook>();
        services.AddSingleton<Planning.WorkloadPlanner>();
        services.AddSingleton<Rostering.RosterPlanner>();
        services.AddSingleton(Options.Create(config.GetSection(Rostering.RosterRunnerOptions.Section).Get<Rostering.RosterRunnerOptions>() ?? new Rostering.RosterRunnerOptions()));
        services.AddSingleton<Rostering.RosterTurns>();
        services.AddSingleton<Rostering.RosterRunner>();
        services.AddSingleton<Reporting.ReportRollups>();
        services.AddSingleton<Reporting.BrandReports>();
        services.AddSingleton<Reporting.MonthlyReports>();
        services.AddSingleton<Reporting.AgencyConsole>();
        services.AddSingleton(Options.Create(config.GetSection(PublicApi.ApiOptions.Section).Get<PublicApi.ApiOptions>() ?? new PublicApi.ApiOptions()));
        services.AddSingleton<PublicApi.BrandApi>();
        services.AddSingleton<PublicApi.ApiKeyAuthenticator>();
        var webhooks = config.GetSection(OutgoingWebhooks.WebhookOptions.Section).Get<OutgoingWebhooks.WebhookOptions>() ?? new OutgoingWebhooks.WebhookOptions();
        services.AddSingleton(Options.Create(webhooks));
        services.AddHttpClient(OutgoingWebhooks.WebhookHttp.ClientName, c => c.Timeout = webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => OutgoingWebhooks.WebhookHttp.Handler(webhooks.AllowInsecure));
        services.AddSingleton<OutgoingWebhooks.WebhookSecrets>();
        services.AddSingleton<OutgoingWebhooks.WebhookDispatcher>();
        services.AddSingleton<OutgoingWebhooks.WebhookSignal>();
        services.AddSingleton<OutgoingWebhooks.WebhookWorker>();
        if (webhooks.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<OutgoingWebhooks.WebhookWorker>());

        var outbound = config.GetSection(Replies.OutboundOptions.Section).Get<Replies.OutboundOptions>() ?? new Replies.OutboundOptions();
        services.AddSingleton(Options.Create(outbound));
        services.AddHttpClient(Replies.MetaGraphClient.Name, c => c.Timeout = outbound.Timeout);
        services.AddHttpClient(Replies.XApiClient.Name, c => c.Timeout = outbound.Timeout);
        services.AddSingleton<Replies.INetworkClient, Replies.MetaGraphClient>();
        services.AddSingleton<Replies.INetworkClient, Replies.XApiClient>();
        services.AddSingleton<Replies.OutboxSender>();
        services.AddSingleton<Replies.OutboxSignal>();
        services.AddSingleton<Replies.OutboxWorker>();
        if (outbound.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<Replies.OutboxWorker>());
        services.AddSingleton<IntakeReceiver>();
        services.AddSingleton<InboxWorker>();
        services.AddSingleton<Importer>();
        if (intake.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());

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
                    case DatabaseProvider.Sqlite: s.UseSqlite(db.ConnectionString); break;
                    case DatabaseProvider.Postgres: s.UsePostgres(db.ConnectionString); break;
                    case DatabaseProvider.SqlServer: s.UseSqlServer(db.ConnectionString); break;
                }
                s.ProvisionSchema();
                if (jobs.Clustered) s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
            });
            q.AddJob(typeof(Classification.RetrainIntentModelsJob), j => j.WithIdentity(Classification.RetrainIntentModelsJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Classification.RetrainIntentModelsJob.Key).WithIdentity("retrain-intent-models-nightly", "classification")
                .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob(typeof(Planning.ForecastJob), j => j.WithIdentity(Planning.ForecastJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Planning.ForecastJob.Key).WithIdentity("forecast-nightly", "planning")
                .WithCronSchedule("0 15 3 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob(typeof(Reporting.ReportRollupJob), j => j.WithIdentity(Reporting.ReportRollupJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Reporting.ReportRollupJob.Key).WithIdentity("report-rollups-every-minute", "reporting")
                .WithCronSchedule("30 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob(typeof(Reporting.MonthlyReportJob), j => j.WithIdentity(Reporting.MonthlyReportJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Reporting.MonthlyReportJob.Key).WithIdentity("monthly-reports-hourly", "reporting")
                .WithCronSchedule("0 7 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob(typeof(Sla.SlaEscalationJob), j => j.WithIdentity(Sla.SlaEscalationJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Sla.SlaEscalationJob.Key).WithIdentity("sla-escalation-every-minute", "work")
                .WithCronSchedule("0 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
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
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, Postgres, SqlServer.");
        }
        options.ConnectionString = section["ConnectionString"] ?? options.ConnectionString;
        if (bool.TryParse(section["MigrateOnStartup"], out var migrate)) options.MigrateOnStartup = migrate;

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
