using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Design;

namespace Agency.Migrations;

// Design-time factories: `dotnet ef` builds the model without a server (and without a tenant).

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAgencyDbContext>
{
    public SqliteAgencyDbContext CreateDbContext(string[] args) =>
        (SqliteAgencyDbContext)
            DatabaseSetup
                .Build(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design.db" }, null)
                .Create(TenantScope.None);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAgencyDbContext>
{
    public PostgresAgencyDbContext CreateDbContext(string[] args) =>
        (PostgresAgencyDbContext)
            DatabaseSetup
                .Build(
                    new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=agency" },
                    null
                )
                .Create(TenantScope.None);
}

internal sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerAgencyDbContext>
{
    public SqlServerAgencyDbContext CreateDbContext(string[] args) =>
        (SqlServerAgencyDbContext)
            DatabaseSetup
                .Build(
                    new DatabaseOptions
                    {
                        Provider = DatabaseProvider.SqlServer,
                        ConnectionString = "Server=localhost;Database=agency;TrustServerCertificate=true",
                    },
                    null
                )
                .Create(TenantScope.None);
}
