using System.Text.Json;
using Agency.Domain.Auditing;
using Agency.Infrastructure.Persistence;

namespace Agency.Portal.Features.Common;

/// <summary>Records changes the audit interceptor cannot see (Identity's own tables: roles, lockout).</summary>
public static class AuditLog
{
    public static void Record(AgencyDbContext db, DateTime at, string entityType, string entityId, AuditAction action, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = db.Tenant.UserId,
            UserName = db.Tenant.UserName ?? db.Tenant.Source.ToString(),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
}
