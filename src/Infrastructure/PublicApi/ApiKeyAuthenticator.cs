using Agency.Domain.PublicApi;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.PublicApi;

/// <summary>Who is calling the REST API: the key, and the brand it reads.</summary>
public sealed record ApiCaller(Guid KeyId, Guid AgencyId, Guid BrandId, string Name, string Prefix)
{
    public TenantScope Scope =>
        TenantScope.ForBrand(AgencyId, BrandId, TenantSource.ApiKey, userName: $"API key {Name} ({ApiKey.Scheme}_{Prefix})");
}

/// <summary>
/// Turns a presented key into its brand: found by its public prefix across tenants (the one cross-tenant read it needs), accepted
/// only when its hash matches, it is not revoked and its brand is not archived. When it was last used is kept to the minute.
/// </summary>
public sealed class ApiKeyAuthenticator(CrossTenantReader reader, DatabaseSetup database, TimeProvider clock)
{
    private static readonly TimeSpan UseGranularity = TimeSpan.FromMinutes(1);

    public async Task<ApiCaller?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        if (ApiKey.PrefixOf(presented) is not { } prefix)
            return null;
        foreach (var candidate in await reader.ApiKeysByPrefixAsync(prefix, ct))
        {
            if (candidate.RevokedAt is not null || candidate.BrandArchived || !ApiKey.HashMatches(presented!, candidate.SecretHash))
                continue;
            var caller = new ApiCaller(candidate.KeyId, candidate.AgencyId, candidate.BrandId, candidate.Name, candidate.Prefix);
            // Most calls come within a minute of the last: only then is the key's row opened at all.
            var now = clock.GetUtcNow().UtcDateTime;
            if (candidate.LastUsedAt is null || candidate.LastUsedAt < now - UseGranularity)
                await TouchAsync(caller, now, ct);
            return caller;
        }
        return null;
    }

    // Inside the key's own brand: a tracked change, so the tenant guard checks it; LastUsedAt is left out of the audit log.
    private async Task TouchAsync(ApiCaller caller, DateTime now, CancellationToken ct)
    {
        await using var db = database.Create(caller.Scope);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == caller.KeyId, ct);
        if (key is null || key.LastUsedAt >= now - UseGranularity)
            return;
        key.LastUsedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e.IsStoreFailure())
        { /* when a key was last used is bookkeeping: a busy database must not refuse the call */
        }
    }
}
