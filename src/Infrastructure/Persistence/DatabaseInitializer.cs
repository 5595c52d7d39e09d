using Agency.Domain.Tenancy;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Persistence;

/// <summary>Creates and migrates the database, makes sure the roles exist, and seeds the demo when asked.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, bool seedDemo, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var setup = sp.GetRequiredService<DatabaseSetup>();

        if (options.MigrateOnStartup)
        {
            await using var db = setup.Create(TenantScope.None);
            if (setup.Provider == DatabaseProvider.Sqlite)
                EnsureSqliteFolder(options.ConnectionString);
            await RefuseUnknownHistoryAsync(db, options, ct);
            await db.Database.MigrateAsync(ct);
            if (setup.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers do not block the writer
            logger.LogInformation("Database ({Provider}) migrated.", setup.Provider);
        }

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role.ToString()))
                await roles.CreateAsync(new IdentityRole(role.ToString()));

        await sp.GetRequiredService<Rostering.RosterRunner>().RecoverAsync(ct);

        if (seedDemo && await sp.GetRequiredService<DemoSeeder>().SeedAsync(ct))
            logger.LogInformation("Seeded the demo agency '{Agency}'.", DemoData.AgencyName);
    }

    /// <summary>
    /// A database made before the migrations were squashed (or by a newer build) lists migrations this build does not have;
    /// migrating it would fail half-way with "table already exists", so say what it is and what to do instead.
    /// </summary>
    internal static async Task RefuseUnknownHistoryAsync(AgencyDbContext db, DatabaseOptions options, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
            return;
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count == 0)
            return;
        var where =
            options.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(options.ConnectionString).DataSource
                : "the database";
        throw new InvalidOperationException(
            $"{where} was made by another build of Agency: it has {unknown.Count} migration(s) this build does not know "
                + $"(first: {unknown[0]}). The migrations were squashed before the first release; make the database again "
                + "(for the SQLite demo: delete the file and run again)."
        );
    }

    public static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
            return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
    }
}
