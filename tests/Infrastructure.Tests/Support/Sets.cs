using System.Reflection;
using Agency.Domain.Common;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Support;

/// <summary>Typed EF queries reached by entity type, so suites can run over every set of the model.</summary>
public static class Sets
{
    public static Task<List<IAgencyOwned>> ListAsync(AgencyDbContext db, Type type) =>
        (Task<List<IAgencyOwned>>)Method(nameof(List), type).Invoke(null, [db])!;

    public static Task<int> CountOfAgencyAsync(AgencyDbContext db, Type type, Guid agencyId) =>
        (Task<int>)Method(nameof(CountOfAgency), type).Invoke(null, [db, agencyId])!;

    private static MethodInfo Method(string name, Type type) =>
        typeof(Sets).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

    private static async Task<List<IAgencyOwned>> List<T>(AgencyDbContext db)
        where T : class, IAgencyOwned => (await db.Set<T>().AsNoTracking().ToListAsync()).Cast<IAgencyOwned>().ToList();

    private static Task<int> CountOfAgency<T>(AgencyDbContext db, Guid agencyId)
        where T : class, IAgencyOwned => db.Set<T>().CountAsync(e => e.AgencyId == agencyId);
}

public static class ModelTypes
{
    private static readonly Lazy<Microsoft.EntityFrameworkCore.Metadata.IModel> Model = new(() =>
    {
        var setup = DatabaseSetup.Build(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" },
            null
        );
        using var db = setup.Create(TenantScope.None);
        return db.Model;
    });

    public static Microsoft.EntityFrameworkCore.Metadata.IModel Current => Model.Value;

    public static IReadOnlyList<Type> TenantOwned() =>
        Current
            .GetEntityTypes()
            .Where(e => !e.IsOwned() && e.BaseType is null && TenantModel.IsTenantOwned(e.ClrType))
            .Select(e => e.ClrType)
            .OrderBy(t => t.Name)
            .ToList();
}
