using System.Text.Json;
using Agency.Domain.Auditing;

namespace Agency.Infrastructure.Persistence;

/// <summary>Records what the audit interceptor cannot see: Identity's own tables, and what people and jobs do to conversations.</summary>
public static class AuditLog
{
    public static void Record(
        AgencyDbContext db,
        DateTime at,
        string entityType,
        string entityId,
        AuditAction action,
        object? before,
        object? after
    ) =>
        db.AuditEntries.Add(
            new AuditEntry
            {
                At = at,
                UserId = db.Tenant.UserId,
                UserName = db.Tenant.UserName ?? db.Tenant.Source.ToString(),
                Action = action,
                EntityType = entityType,
                EntityId = entityId,
                Before = before is null ? null : JsonSerializer.Serialize(before),
                After = after is null ? null : JsonSerializer.Serialize(after),
            }
        );
}
