using Agency.Domain.Common;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Tenancy;

/// <summary>One migrated database with the two look-alike agencies, shared by a suite's tests (they change nothing).</summary>
public abstract class WorldFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public TenantWorld World { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        World = await TenantWorld.SeedAsync(Database);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteWorld() : WorldFixture(DatabaseProvider.Sqlite);

public sealed class PostgresWorld() : WorldFixture(DatabaseProvider.Postgres);

/// <summary>
/// For every tenant-owned entity set in the model: the other tenant cannot list, find, change or
/// delete the owner's rows; a context without a tenant reads nothing and writes nothing; the owner
/// still can. The list of entity types comes from the model, so a new entity is covered at once.
/// </summary>
public abstract class IsolationSuite(WorldFixture fixture)
{
    private TestDatabase Db => fixture.Database;
    private TenantWorld W => fixture.World;

    public static TheoryData<string> TenantOwnedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var t in ModelTypes.TenantOwned())
            data.Add(t.Name);
        return data;
    }

    private static Type TypeNamed(string name) => ModelTypes.TenantOwned().Single(t => t.Name == name);

    private static bool BrandOwned(Type t) => typeof(IBrandOwned).IsAssignableFrom(t);

    private TenantScope Owner(Type t) => BrandOwned(t) ? W.XAcmeScope : W.X;

    private TenantScope Other(Type t) => BrandOwned(t) ? W.YAcmeScope : W.Y;

    [Fact]
    public async Task Every_tenant_owned_entity_set_is_seeded_in_both_agencies()
    {
        foreach (var type in ModelTypes.TenantOwned())
        {
            await using var x = Db.As(Owner(type));
            await using var y = Db.As(Other(type));
            Assert.True((await Sets.ListAsync(x, type)).Count > 0, $"{type.Name} has no rows in agency X: extend TenantWorld.");
            Assert.True((await Sets.ListAsync(y, type)).Count > 0, $"{type.Name} has no rows in agency Y: extend TenantWorld.");
        }
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_other_agency_lists_only_its_own_rows(string typeName)
    {
        var type = TypeNamed(typeName);
        await using var y = Db.As(Other(type));
        var rows = await Sets.ListAsync(y, type);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(W.AgencyY, r.AgencyId));
        Assert.Equal(0, await Sets.CountOfAgencyAsync(y, type, W.AgencyX));
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_owner_lists_its_rows(string typeName)
    {
        var type = TypeNamed(typeName);
        await using var x = Db.As(Owner(type));
        var rows = await Sets.ListAsync(x, type);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(W.AgencyX, r.AgencyId));
        if (BrandOwned(type))
            Assert.All(rows, r => Assert.Equal(W.XAcme, ((IBrandOwned)r).BrandId));
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_other_agency_cannot_find_an_owner_row_by_key(string typeName)
    {
        var type = TypeNamed(typeName);
        var row = await OwnerRowAsync(type);
        await using var y = Db.As(Other(type));
        Assert.Null(await y.FindAsync(type, KeyOf(row)));
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_other_agency_cannot_change_an_owner_row(string typeName)
    {
        var type = TypeNamed(typeName);
        var row = await OwnerRowAsync(type);
        await using var y = Db.As(Other(type));
        y.Attach(row);
        y.Entry(row).State = EntityState.Modified;
        await Assert.ThrowsAsync<TenantException>(() => y.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_other_agency_cannot_delete_an_owner_row(string typeName)
    {
        var type = TypeNamed(typeName);
        var row = await OwnerRowAsync(type);
        await using (var y = Db.As(Other(type)))
        {
            y.Remove(row);
            await Assert.ThrowsAsync<TenantException>(() => y.SaveChangesAsync());
        }
        await using var x = Db.As(Owner(type));
        Assert.NotNull(await x.FindAsync(type, KeyOf(row)));
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task The_owner_can_change_its_row_unless_it_is_append_only(string typeName)
    {
        var type = TypeNamed(typeName);
        var row = await OwnerRowAsync(type);
        await using var x = Db.As(Owner(type));
        x.Attach(row);
        x.Entry(row).State = EntityState.Modified;
        if (row is IAppendOnly)
            await Assert.ThrowsAsync<AppendOnlyException>(() => x.SaveChangesAsync());
        else
            Assert.True(await x.SaveChangesAsync() >= 1);
    }

    [Theory, MemberData(nameof(TenantOwnedTypes))]
    public async Task Without_a_tenant_nothing_is_read_and_nothing_written(string typeName)
    {
        var type = TypeNamed(typeName);
        var row = await OwnerRowAsync(type);
        await using var none = Db.As(TenantScope.None);
        Assert.Empty(await Sets.ListAsync(none, type));
        none.Attach(row);
        none.Entry(row).State = EntityState.Modified;
        await Assert.ThrowsAsync<TenantException>(() => none.SaveChangesAsync());
    }

    [Fact]
    public async Task Another_brand_of_the_same_agency_cannot_see_or_change_brand_rows()
    {
        await using var acme = Db.As(W.XAcmeScope);
        var acmeHoliday = await acme.BrandHolidays.AsNoTracking().FirstAsync();
        await using var globex = Db.As(W.XGlobexScope);
        Assert.All(await globex.BrandHolidays.ToListAsync(), h => Assert.Equal(W.XGlobex, h.BrandId));
        Assert.Null(await globex.BrandHolidays.FindAsync(acmeHoliday.Id));
        globex.Attach(acmeHoliday);
        acmeHoliday.Name = "Changed";
        await Assert.ThrowsAsync<TenantException>(() => globex.SaveChangesAsync());
    }

    [Fact]
    public async Task Brand_rows_cannot_be_written_without_a_brand()
    {
        await using var agencyOnly = Db.As(W.X);
        agencyOnly.BrandHolidays.Add(new Domain.Calendars.BrandHoliday { Date = new DateOnly(2027, 1, 1), Name = "New Year" });
        await Assert.ThrowsAsync<TenantException>(() => agencyOnly.SaveChangesAsync());
    }

    [Fact]
    public async Task A_new_row_is_stamped_with_the_tenant_and_cannot_claim_another()
    {
        await using (var y = Db.As(W.Y))
        {
            var stamped = new Domain.Staff.StaffMember
            {
                Name = "Ana",
                Email = "ana@example.com",
                Languages = ["en"],
            };
            y.StaffMembers.Add(stamped);
            await y.SaveChangesAsync();
            Assert.Equal(W.AgencyY, stamped.AgencyId);
        }
        await using var y2 = Db.As(W.Y);
        y2.StaffMembers.Add(
            new Domain.Staff.StaffMember
            {
                AgencyId = W.AgencyX,
                Name = "Eve",
                Email = "eve@example.com",
                Languages = ["en"],
            }
        );
        await Assert.ThrowsAsync<TenantException>(() => y2.SaveChangesAsync());
    }

    [Fact]
    public async Task Identical_slugs_emails_and_names_live_side_by_side_in_two_agencies()
    {
        await using var x = Db.As(W.X);
        await using var y = Db.As(W.Y);
        Assert.Equal("acme", (await x.Brands.SingleAsync(b => b.Id == W.XAcme)).Slug);
        Assert.Equal("acme", (await y.Brands.SingleAsync()).Slug);
        Assert.Equal(1, await x.StaffMembers.CountAsync(s => s.Email == "sam@example.com"));
        Assert.Equal(1, await y.StaffMembers.CountAsync(s => s.Email == "sam@example.com"));
        // ...but a duplicate inside one agency is refused by the tenant-scoped unique index.
        x.Brands.Add(
            new Domain.Tenancy.Brand
            {
                Name = "Acme 2",
                Slug = "acme",
                TimeZoneId = "UTC",
            }
        );
        await Assert.ThrowsAsync<DbUpdateException>(() => x.SaveChangesAsync());
    }

    [Fact]
    public async Task Administrative_changes_are_audited_in_the_changing_agency_only()
    {
        await using var x = Db.As(W.X);
        await using var y = Db.As(W.Y);
        var xEntries = await x.AuditEntries.Where(a => a.EntityType == "Brand").ToListAsync();
        Assert.Contains(xEntries, a =>
            a.EntityId == W.XAcme.ToString() && a.Action == Domain.Auditing.AuditAction.Created && a.After!.Contains("acme")
        );
        Assert.DoesNotContain(await y.AuditEntries.ToListAsync(), a => a.EntityId == W.XAcme.ToString());
    }

    private async Task<IAgencyOwned> OwnerRowAsync(Type type)
    {
        await using var x = Db.As(Owner(type));
        return (await Sets.ListAsync(x, type)).First();
    }

    private static object KeyOf(IAgencyOwned row) => row.GetType().GetProperty("Id")!.GetValue(row)!;
}

public sealed class SqliteIsolation(SqliteWorld fixture) : IsolationSuite(fixture), IClassFixture<SqliteWorld>;

public sealed class PostgresIsolation(PostgresWorld fixture) : IsolationSuite(fixture), IClassFixture<PostgresWorld>;
