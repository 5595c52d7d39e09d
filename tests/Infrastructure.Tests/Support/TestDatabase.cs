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
                $"{PostgresVariable} is not set. Run the tests with tools/test.sh, which starts a throw-away PostgreSQL on 127.0.0.1."
            );

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

    /// <summary>The same database through connections that give up on a lock after a second, as a busy production database would after its timeout.</summary>
    public DatabaseSetup Impatient()
    {
        var options = new DatabaseOptions { Provider = Options.Provider, MigrateOnStartup = false };
        options.ConnectionString = Provider switch
        {
            DatabaseProvider.Sqlite => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Options.ConnectionString)
            {
                DefaultTimeout = 1,
            }.ConnectionString,
            DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(Options.ConnectionString)
            {
                Options = "-c lock_timeout=1000",
            }.ConnectionString,
            _ => throw new NotSupportedException(Provider.ToString()),
        };
        return DatabaseSetup.Build(options, null);
    }

    /// <summary>Another writer holding <paramref name="table"/> (SQLite: the whole database) until disposed; reads go on.</summary>
    public async Task<IAsyncDisposable> HoldWritesAsync(string table)
    {
        System.Data.Common.DbConnection conn =
            Provider == DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnection(Options.ConnectionString)
                : new NpgsqlConnection(Options.ConnectionString);
        await conn.OpenAsync();
        var tx = await conn.BeginTransactionAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText =
                Provider == DatabaseProvider.Sqlite
                    ? $"DELETE FROM \"{table}\" WHERE 0" // takes the write lock, changes nothing
                    : $"LOCK TABLE \"{table}\" IN SHARE ROW EXCLUSIVE MODE";
            await cmd.ExecuteNonQueryAsync();
        }
        return new Held(conn, tx);
    }

    private sealed class Held(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await conn.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
