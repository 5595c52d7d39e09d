using Agency.Domain.Common;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agency.Infrastructure.Persistence;

/// <summary>A change to an append-only row (the audit log) was attempted.</summary>
public sealed class AppendOnlyException(string message) : InvalidOperationException(message);

/// <summary>
/// Stamps the tenant on new rows and refuses any write that would touch another tenant's row or
/// a tenant-owned row with no tenant set. Reads are guarded by the query filters; this guards writes.
/// </summary>
public sealed class TenantGuardInterceptor : SavingInterceptor
{
    protected override void BeforeSave(DbContext? context) => Guard(context);

    internal static void Guard(DbContext? context)
    {
        if (context is not AgencyDbContext db)
            return;
        var tenant = db.Tenant;
        foreach (var entry in db.ChangeTracker.Entries<IAgencyOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            var name = entry.Metadata.ClrType.Name;

            var agency = tenant.AgencyId ?? throw new TenantException($"Cannot save {name}: no agency is set for this operation.");

            CheckColumn(entry, nameof(IAgencyOwned.AgencyId), agency, name);
            if (entry.Entity is IBrandOwned)
            {
                var brand = tenant.BrandId ?? throw new TenantException($"Cannot save {name}: no brand is set for this operation.");
                CheckColumn(entry, nameof(IBrandOwned.BrandId), brand, name);
            }
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new AppendOnlyException($"{name} rows are append-only: they cannot be changed or deleted.");
        }
    }

    private static void CheckColumn(EntityEntry entry, string column, Guid current, string name)
    {
        var property = entry.Property(column);
        if (entry.State == EntityState.Added)
        {
            var value = (Guid)property.CurrentValue!;
            if (value == Guid.Empty)
                property.CurrentValue = current;
            else if (value != current)
                throw new TenantException($"Cannot add {name} for another tenant ({column}).");
            return;
        }

        // The original value is what the row holds in the database; a row may not be moved either.
        if ((Guid)property.OriginalValue! != current || (Guid)property.CurrentValue! != current)
            throw new TenantException($"Cannot {(entry.State == EntityState.Deleted ? "delete" : "change")} {name} of another tenant.");
    }
}
