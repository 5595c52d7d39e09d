using Agency.Infrastructure.Tenancy;

namespace Agency.Portal.Features.Common;

/// <summary>
/// A DI scope for one operation, carrying the caller's tenant. Identity's UserManager holds a
/// DbContext for its scope's lifetime; in a Blazor circuit that would be the whole session, so
/// user administration takes a fresh scope per operation instead.
/// </summary>
public sealed class OperationScopes(IServiceScopeFactory scopes, TenantContext tenant)
{
    public AsyncServiceScope Begin()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Current);
        return scope;
    }
}
