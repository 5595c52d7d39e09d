using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Agency.Infrastructure.Tests.Support;

/// <summary>
/// A real, migrated, throw-away database: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server named by AGENCY_TEST_POSTGRES (tools/test.sh starts one on 127.0.0.1).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "AGENCY_TEST_POSTGRES";

    private readonly Func<Task> _cleanup;

    private TestDatabase(DatabaseOptions options, Func<Task> cleanup)
    {
        Options = options;
        Setup = DatabaseSetup.Build(options, null);
        _cleanup = cleanup;
    }

    public DatabaseOptions Options { get; }
    public DatabaseSetup Setup { get; }
    public DatabaseProvider Provider => Options.Provider;

    public AgencyDbContext As(TenantScope scope) => Setup.Create(scope);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var db = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new NotSupportedException($"No local {provider} server can run here."),
        };
        await using var ctx = db.Setup.Create(TenantScope.None);
        await ctx.Database.MigrateAsync();
        return db;
    }

    private static TestDatabase CreateSqlite()
    {
        var dir = Directory.CreateTempSubdirectory("agency-test-");
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(dir.FullName, "agency.db")};Default Timeout=30",
        };
        return new TestDatabase(options, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with tools/test.sh, which starts a throw-away PostgreSQL on 127.0.0.1.");

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        var name = $"agency_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        return new TestDatabase(options, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
