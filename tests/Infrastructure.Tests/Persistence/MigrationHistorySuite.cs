using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Persistence;

/// <summary>A database from before the squashed migrations is refused with what to do, not half-migrated.</summary>
public abstract class MigrationHistorySuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_database_of_this_build_passes()
    {
        await using var ctx = db.As(TenantScope.None);
        await DatabaseInitializer.RefuseUnknownHistoryAsync(ctx, db.Options, default);
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_database_with_migrations_this_build_lacks_is_refused_with_what_to_do()
    {
        await using var ctx = db.As(TenantScope.None);
        await ctx.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261122230129_Intake', '10.0.14')"
        );
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseInitializer.RefuseUnknownHistoryAsync(ctx, db.Options, default)
        );
        Assert.Contains("20261122230129_Intake", e.Message, StringComparison.Ordinal);
        Assert.Contains("make the database again", e.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteMigrationHistory() : MigrationHistorySuite(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationHistory() : MigrationHistorySuite(DatabaseProvider.Postgres);
