using Agency.Domain.Auditing;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Auditing;

public sealed record AuditFilter(string? EntityType, string? User, AuditAction? Action, DateTime? FromUtc, DateTime? ToUtc, string? Text);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);

/// <summary>Pages through the agency's audit log, newest first, with the admin's filters.</summary>
public sealed class SearchAuditLog(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<AuditPage> HandleAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            q = q.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.User))
            q = q.Where(a => a.UserName != null && a.UserName.Contains(filter.User));
        if (filter.Action is { } action)
            q = q.Where(a => a.Action == action);
        if (filter.FromUtc is { } from)
            q = q.Where(a => a.At >= from);
        if (filter.ToUtc is { } to)
            q = q.Where(a => a.At < to);
        if (!string.IsNullOrWhiteSpace(filter.Text))
            q = q.Where(a =>
                (a.Before != null && a.Before.Contains(filter.Text))
                || (a.After != null && a.After.Contains(filter.Text))
                || a.EntityId == filter.Text
            );
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(items, total);
    }

    /// <summary>Display names of the agency's records by id, so the log reads "Delta Air Lines" rather than a GUID.</summary>
    public async Task<IReadOnlyDictionary<string, string>> KnownNamesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = new Dictionary<string, string>();
        foreach (var b in await db.Brands.AsNoTracking().Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            names[b.Id.ToString()] = b.Name;
        foreach (var s in await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            names[s.Id.ToString()] = s.Name;
        foreach (var t in await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            names[t.Id.ToString()] = t.Name;
        foreach (var u in await db.OfAgency().AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            names[u.Id.ToLowerInvariant()] = u.DisplayName;
        return names;
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
