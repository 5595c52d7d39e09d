using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Agency.Infrastructure.Persistence;

/// <summary>What a failed save means, the same on every provider.</summary>
public static class DbErrors
{
    /// <summary>
    /// Whether the save broke a unique index or primary key (another writer stored the same thing first). Anything else (a
    /// database that is busy or gone, a broken foreign key) is a different failure and must not be taken for a duplicate.
    /// </summary>
    public static bool IsUniqueViolation(this Exception e) =>
        Provider(e) switch
        {
            SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            Microsoft.Data.SqlClient.SqlException q => q.Number is 2601 or 2627, // duplicate key in a unique index / constraint
            _ => false,
        };

    /// <summary>
    /// Whether the database refused or could not take the work: EF's save error, the provider's own (SQLite's busy lock at the
    /// start of a transaction), or the retrying strategy giving up on a transient one (PostgreSQL's lock timeout).
    /// </summary>
    public static bool IsStoreFailure(this Exception e) => e is DbUpdateException || Provider(e) is not null;

    private static DbException? Provider(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is DbException db)
                return db;
        return null;
    }
}
