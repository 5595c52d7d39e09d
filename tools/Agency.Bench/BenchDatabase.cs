using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Bench;

/// <summary>A migrated SQLite database in WAL mode in a temporary folder, for one benchmark run.</summary>
internal static class BenchDatabase
{
    public static async Task<(DirectoryInfo Dir, DatabaseOptions Options, DatabaseSetup Setup)> CreateAsync(string name)
    {
        var dir = Directory.CreateTempSubdirectory($"agency-{name}-bench-");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(dir.FullName, name + ".db")};Default Timeout=60" };
        var setup = DatabaseSetup.Build(options, null);
        await using var ctx = setup.Create(TenantScope.None);
        await ctx.Database.MigrateAsync();
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return (dir, options, setup);
    }
}
