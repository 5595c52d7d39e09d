using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Persistence;

// One derived context per provider, each with its own migrations (EF "migrations with multiple providers").

public sealed class SqliteAgencyDbContext(DbContextOptions<SqliteAgencyDbContext> options, TenantScope tenant)
    : AgencyDbContext(options, tenant);

public sealed class PostgresAgencyDbContext(DbContextOptions<PostgresAgencyDbContext> options, TenantScope tenant)
    : AgencyDbContext(options, tenant);

public sealed class SqlServerAgencyDbContext(DbContextOptions<SqlServerAgencyDbContext> options, TenantScope tenant)
    : AgencyDbContext(options, tenant);
