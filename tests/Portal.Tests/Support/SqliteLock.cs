using Microsoft.Data.Sqlite;

namespace Agency.Portal.Tests.Support;

/// <summary>Another writer holding a SQLite database until disposed, as a long import or another server would; reads go on.</summary>
public static class SqliteLock
{
    public static async Task<IAsyncDisposable> HoldAsync(string connectionString)
    {
        var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        return new Held(conn, conn.BeginTransaction()); // BEGIN IMMEDIATE: the write lock at once
    }

    // The transaction is rolled back before the connection goes back to the pool, which would otherwise keep the lock.
    private sealed class Held(SqliteConnection conn, SqliteTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await conn.DisposeAsync();
        }
    }
}
