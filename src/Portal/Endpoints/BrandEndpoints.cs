using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Endpoints;

public static class BrandEndpoints
{
    public static void MapBrandEndpoints(this IEndpointRouteBuilder app)
    {
        // The brand's logo; TenantMiddleware has already checked the user may enter this brand.
        app.MapGet("/b/{brand}/logo", async (HttpContext http, TenantContext tenant, IDbContextFactory<AgencyDbContext> dbs) =>
            {
                var brandId = tenant.RequireBrand();
                await using var db = dbs.CreateDbContext();
                var logo = await db
                    .Brands.AsNoTracking()
                    .Where(b => b.Id == brandId)
                    .Select(b => new { b.Logo, b.LogoContentType })
                    .SingleOrDefaultAsync(http.RequestAborted);
                return logo?.Logo is null ? Results.NotFound() : Results.File(logo.Logo, logo.LogoContentType ?? "image/png");
            })
            .RequireAuthorization();
    }
}
