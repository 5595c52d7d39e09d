using System.Text.Json;
using Agency.Domain.Auditing;
using Agency.Domain.Common;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agency.Infrastructure.Persistence;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to an administrative (<see cref="IAudited"/>)
/// entity, in the same transaction as the change: who, what, when, the values before and after.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SavingInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// The annotation of a property the audit log leaves out: bookkeeping that changes on use (when an API key was last used) or
    /// a value nobody should read back (a key's hash). A change to such properties alone writes no entry.
    /// </summary>
    public const string NotAudited = "Agency:NotAudited";

    protected override void BeforeSave(DbContext? context)
    {
        if (context is not AgencyDbContext db)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db
            .ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, db.Tenant, now))
            .Where(e => e is not null)
            .ToList();
        db.AuditEntries.AddRange(entries!);
    }

    private static AuditEntry? Describe(EntityEntry<IAudited> entry, TenantScope tenant, DateTime now)
    {
        var agencyId = entry.Entity is IAgencyOwned owned && owned.AgencyId != Guid.Empty ? owned.AgencyId : tenant.AgencyId;
        if (agencyId is null)
            return null; // the tenant guard refuses this save anyway

        var properties = entry
            .Properties.Where(p =>
                !p.Metadata.IsPrimaryKey()
                && p.Metadata.Name != nameof(IAgencyOwned.AgencyId)
                && p.Metadata.FindAnnotation(NotAudited) is null
            )
            .ToList();
        Dictionary<string, object?>? before = null,
            after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Metadata.Name, p => Show(p.CurrentValue));
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Metadata.Name, p => Show(p.OriginalValue));
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(Show(p.OriginalValue), Show(p.CurrentValue))).ToList();
                if (changed.Count == 0)
                    return null;
                before = changed.ToDictionary(p => p.Metadata.Name, p => Show(p.OriginalValue));
                after = changed.ToDictionary(p => p.Metadata.Name, p => Show(p.CurrentValue));
                break;
        }

        return new AuditEntry
        {
            AgencyId = agencyId.Value,
            At = now,
            UserId = tenant.UserId,
            UserName = tenant.UserName ?? tenant.Source.ToString(),
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = entry.Entity.Id.ToString(),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
    }

    // Values are shown as people read them; binary content is summarised, collections joined.
    private static object? Show(object? value) =>
        value switch
        {
            null => null,
            byte[] bytes => $"({bytes.Length:N0} bytes)",
            string s => s,
            System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(x => x?.ToString())),
            DateTime dt => dt.ToString("O"),
            Enum en => en.ToString(),
            _ => value.ToString(),
        };
}
