using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Brands;

public sealed record BrandRow(Guid Id, string Name, string Slug, string TimeZoneId, string Color, bool IsArchived, int Members);

/// <summary>The agency's brands for the admin list, archived last.</summary>
public sealed class ListBrands(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<BrandRow>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db
            .Brands.AsNoTracking()
            .OrderBy(b => b.IsArchived)
            .ThenBy(b => b.Name)
            .Select(b => new BrandRow(
                b.Id,
                b.Name,
                b.Slug,
                b.TimeZoneId,
                b.Color,
                b.IsArchived,
                db.BrandMemberships.Count(m => m.BrandId == b.Id)
            ))
            .ToListAsync(ct);
    }
}

public sealed record BrandToEdit(BrandInput Input, bool HasLogo);

/// <summary>One brand as the edit form shows it; null when it is not the agency's.</summary>
public sealed class GetBrand(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<BrandToEdit?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        return brand is null ? null : new BrandToEdit(BrandInput.From(brand), brand.Logo is not null);
    }
}

public sealed record BrandTeamRow(string Name, int Members, string? Lead);

public sealed record BrandMemberRow(string Name, BrandRole Role);

public sealed record BrandSummary(List<BrandTeamRow> Teams, int SkilledStaff, List<BrandMemberRow> Members);

/// <summary>Who serves a brand: its teams, the staff skilled for it and the people given access.</summary>
public sealed class SummariseBrand(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<BrandSummary> HandleAsync(Guid brandId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = await db
            .Teams.AsNoTracking()
            .Where(t => t.BrandIds.Contains(brandId))
            .Select(t => new BrandTeamRow(
                t.Name,
                t.Members.Count,
                db.StaffMembers.Where(s => s.Id == t.LeadStaffMemberId).Select(s => s.Name).FirstOrDefault()
            ))
            .ToListAsync(ct);
        var skilled = await db.StaffMembers.CountAsync(s => s.IsActive && s.BrandIds.Contains(brandId), ct);
        var members = await (
            from m in db.BrandMemberships
            join u in db.OfAgency() on m.UserId equals u.Id
            where m.BrandId == brandId
            orderby m.Role, u.DisplayName
            select new BrandMemberRow(u.DisplayName, m.Role)
        ).ToListAsync(ct);
        return new BrandSummary(teams, skilled, members);
    }
}
