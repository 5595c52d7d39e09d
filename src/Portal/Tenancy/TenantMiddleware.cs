using Agency.Infrastructure.Tenancy;

namespace Agency.Portal.Tenancy;

/// <summary>
/// Sets the request's tenant from the signed-in user and, for <c>/b/{brand}</c> paths, the brand,
/// checked against the user's memberships. A brand the user may not enter is answered with 404,
/// exactly like a brand that does not exist, so slugs of other tenants cannot be probed.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, TenantContext tenant, TenantAccessResolver resolver)
    {
        // The REST API's tenant is its key's brand, whoever's cookie the request carries (ApiEndpoints).
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        if (http.User.Identity?.IsAuthenticated == true)
        {
            tenant.Set(TenantAccessResolver.ScopeFor(http.User));
            if (BrandRoute.TryGetSlug(http.Request.Path, out var slug))
            {
                var access = await resolver.FindAsync(http.User, slug, http.RequestAborted);
                if (access is null)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                tenant.SetBrand(access.BrandId);
                http.Items[typeof(BrandAccess)] = access;
            }
        }
        await next(http);
    }
}

public static class BrandRoute
{
    /// <summary>The slug in a <c>/b/{slug}</c> or <c>/b/{slug}/...</c> path.</summary>
    public static bool TryGetSlug(PathString path, out string slug)
    {
        slug = "";
        if (!path.StartsWithSegments("/b", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
            return false;
        var value = rest.Value!.TrimStart('/');
        var end = value.IndexOf('/', StringComparison.Ordinal);
        slug = end < 0 ? value : value[..end];
        return slug.Length > 0;
    }
}
