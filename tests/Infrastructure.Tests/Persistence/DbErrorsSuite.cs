using Agency.Domain.Channels;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Persistence;

/// <summary>A failed save is called a duplicate only when a unique index refused it, on every provider.</summary>
public abstract class DbErrorsSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;
    private TenantScope agency = default!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var row = new AgencyAccount { Name = "Agency", Slug = "agency" };
        await using var g = db.As(TenantScope.None);
        g.Agencies.Add(row);
        await g.SaveChangesAsync();
        agency = TenantScope.ForAgency(row.Id, TenantSource.System);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    private static async Task<Exception> FailingSave(AgencyDbContext ctx)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => ctx.SaveChangesAsync());
        Assert.True(e.IsStoreFailure(), e.ToString());
        return e;
    }

    [Fact]
    public async Task A_second_brand_with_the_same_slug_is_a_unique_violation()
    {
        await using (var a = db.As(agency))
        {
            a.Brands.Add(
                new Brand
                {
                    Name = "Acme",
                    Slug = "acme",
                    TimeZoneId = "UTC",
                }
            );
            await a.SaveChangesAsync();
        }
        await using var b = db.As(agency);
        b.Brands.Add(
            new Brand
            {
                Name = "Acme again",
                Slug = "acme",
                TimeZoneId = "UTC",
            }
        );
        Assert.True((await FailingSave(b)).IsUniqueViolation());
    }

    [Fact]
    public async Task A_broken_reference_is_not_a_unique_violation()
    {
        await using var a = db.As(TenantScope.ForBrand(agency.AgencyId!.Value, Guid.NewGuid(), TenantSource.System)); // a brand that does not exist
        a.ChannelAccounts.Add(
            new ChannelAccount
            {
                Network = Network.X,
                Handle = "acme",
                ExternalAccountId = "1",
                Department = Department.Service,
            }
        );
        Assert.False((await FailingSave(a)).IsUniqueViolation());
    }

    [Fact]
    public async Task A_database_busy_past_its_timeout_is_not_a_unique_violation()
    {
        await using var held = await db.HoldWritesAsync("Brands");
        await using var a = db.Impatient().Create(agency);
        a.Brands.Add(
            new Brand
            {
                Name = "Acme",
                Slug = "acme",
                TimeZoneId = "UTC",
            }
        );
        Assert.False((await FailingSave(a)).IsUniqueViolation());
    }
}

public sealed class SqliteDbErrors() : DbErrorsSuite(DatabaseProvider.Sqlite);

public sealed class PostgresDbErrors() : DbErrorsSuite(DatabaseProvider.Postgres);
