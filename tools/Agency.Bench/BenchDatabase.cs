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
        var (options, setup) = await OpenAsync(Path.Combine(dir.FullName, name + ".db"));
        return (dir, options, setup);
    }

    /// <summary>The database in <paramref name="file"/>, created and migrated when it is not there yet.</summary>
    public static async Task<(DatabaseOptions Options, DatabaseSetup Setup)> OpenAsync(string file)
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={file};Default Timeout=60",
        };
        var setup = DatabaseSetup.Build(options, null);
        await using var ctx = setup.Create(TenantScope.None);
        await ctx.Database.MigrateAsync();
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return (options, setup);
    }
}
