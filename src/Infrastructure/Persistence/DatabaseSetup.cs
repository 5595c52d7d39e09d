using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/agency.db";

    /// <summary>Apply pending migrations at start-up (on for the embedded mode).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>
/// Builds the provider's options once and creates contexts for a given tenant. Options are
/// immutable and shared; each context gets its own tenant scope.
/// </summary>
public sealed class DatabaseSetup
{
    private readonly Func<TenantScope, AgencyDbContext> _create;

    private DatabaseSetup(DatabaseProvider provider, Func<TenantScope, AgencyDbContext> create)
    {
        Provider = provider;
        _create = create;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Generated migrations live in their own project (src/Migrations), one folder per provider.</summary>
    public const string MigrationsAssembly = "Agency.Migrations";

    public AgencyDbContext Create(TenantScope tenant) => _create(tenant);

    public static DatabaseSetup Build(DatabaseOptions options, ILoggerFactory? loggerFactory, TimeProvider? clock = null)
    {
        var interceptors = new Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[]
        {
            // The guard stamps tenants first, so the audit records the final values.
            new TenantGuardInterceptor(),
            new AuditInterceptor(clock ?? TimeProvider.System),
            new ChangeStampInterceptor(clock ?? TimeProvider.System),
        };

        DbContextOptions<T> Finish<T>(DbContextOptionsBuilder<T> b)
            where T : DbContext
        {
            b.AddInterceptors(interceptors);
            // Capped counts take rows without an order on purpose (AgencyWideReader.InboxAsync); pages always order.
            b.ConfigureWarnings(w =>
                w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning)
            );
            if (loggerFactory is not null)
                b.UseLoggerFactory(loggerFactory);
            return b.Options;
        }

        var cs = options.ConnectionString;
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var o = Finish(
                    new DbContextOptionsBuilder<SqliteAgencyDbContext>().UseSqlite(cs, s => s.MigrationsAssembly(MigrationsAssembly))
                );
                return new DatabaseSetup(options.Provider, t => new SqliteAgencyDbContext(o, t));
            }
            case DatabaseProvider.Postgres:
            {
                var o = Finish(
                    new DbContextOptionsBuilder<PostgresAgencyDbContext>().UseNpgsql(cs, s => s.MigrationsAssembly(MigrationsAssembly))
                );
                return new DatabaseSetup(options.Provider, t => new PostgresAgencyDbContext(o, t));
            }
            case DatabaseProvider.SqlServer:
            {
                var o = Finish(
                    new DbContextOptionsBuilder<SqlServerAgencyDbContext>().UseSqlServer(cs, s =>
                        s.EnableRetryOnFailure().MigrationsAssembly(MigrationsAssembly)
                    )
                );
                return new DatabaseSetup(options.Provider, t => new SqlServerAgencyDbContext(o, t));
            }
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
    }
}

/// <summary>
/// The factory Blazor components and handlers use: one context per operation, for the tenant of
/// the current scope (circuit, request, job run).
/// </summary>
public sealed class AgencyDbContextFactory(DatabaseSetup setup, TenantContext tenant) : IDbContextFactory<AgencyDbContext>
{
    public AgencyDbContext CreateDbContext() => setup.Create(tenant.Current);
}
