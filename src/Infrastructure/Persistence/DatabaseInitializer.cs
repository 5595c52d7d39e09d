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
