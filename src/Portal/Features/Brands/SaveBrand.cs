using Agency.Domain.Common;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Brands;

/// <summary>The brand form's fields.</summary>
public sealed class BrandInput
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/London";
    public string Color { get; set; } = "#1E88E5";
    public bool IsArchived { get; set; }

    public static BrandInput From(Brand b) =>
        new()
        {
            Id = b.Id,
            Name = b.Name,
            Slug = b.Slug,
            TimeZoneId = b.TimeZoneId,
            Color = b.Color,
            IsArchived = b.IsArchived,
        };
}

public sealed class BrandInputValidator : AbstractValidator<BrandInput>
{
    public BrandInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage("Enter the brand's name.")
            .MaximumLength(120)
            .WithMessage("Keep the name to 120 characters.");
        RuleFor(x => x.Slug)
            .NotEmpty()
            .WithMessage("Enter a short address name, for example 'acme-air'.")
            .Must(Slug.IsValid)
            .When(x => !string.IsNullOrEmpty(x.Slug), ApplyConditionTo.CurrentValidator)
            .WithMessage("Use lower-case letters, digits and dashes (at most 40), starting and ending with a letter or digit.");
        RuleFor(x => x.TimeZoneId)
            .Must(Brand.IsKnownTimeZone)
            .WithMessage("Choose a time zone from the list (an IANA name such as Europe/London).");
        RuleFor(x => x.Color).Must(Brand.IsValidColor).WithMessage("Enter a colour as #RRGGBB, for example #1E88E5.");
    }
}

/// <summary>Creates or updates a brand of the current agency; the slug must be unique within the agency.</summary>
public sealed class SaveBrand(
    IDbContextFactory<AgencyDbContext> dbs,
    DatabaseSetup database,
    TenantContext tenant,
    TimeProvider clock,
    ILogger<SaveBrand> log
)
{
    private static readonly BrandInputValidator Validator = new();

    public async Task<Outcome<Brand>> HandleAsync(BrandInput input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        input.Slug = input.Slug.Trim().ToLowerInvariant();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<Brand>.Invalid(validation);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Brands.AnyAsync(b => b.Slug == input.Slug && b.Id != input.Id, ct))
            return Outcome<Brand>.Invalid(nameof(BrandInput.Slug), $"Another brand of this agency already uses '{input.Slug}'.");

        Brand? brand;
        if (input.Id is { } id)
        {
            brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == id, ct);
            if (brand is null)
                return Outcome<Brand>.Invalid("", "This brand no longer exists.");
        }
        else
        {
            brand = new Brand
            {
                Name = input.Name,
                Slug = input.Slug,
                TimeZoneId = input.TimeZoneId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Brands.Add(brand);
        }
        var zoneChanged = input.Id is not null && brand.TimeZoneId != input.TimeZoneId;
        brand.Name = input.Name;
        brand.Slug = input.Slug;
        brand.TimeZoneId = input.TimeZoneId;
        brand.Color = input.Color.ToUpperInvariant();
        brand.IsArchived = input.IsArchived;

        // Losing a race with another admin saving the same slug: the unique index decides.
        var saved = await db.SaveAsync(
            brand,
            nameof(BrandInput.Slug),
            $"Another brand of this agency already uses '{input.Slug}'.",
            log,
            ct
        );
        // The brand's days now begin at other times: the reporting rollups are rebuilt from its posts by the next rollup run.
        if (saved.Succeeded && zoneChanged)
            await ReportRollups.RequestRebuildAsync(database, tenant.Current.WithBrand(brand.Id), ct);
        return saved;
    }
}

/// <summary>Stores a brand's logo (PNG, JPEG or WebP up to 256 KB).</summary>
public sealed class SetBrandLogo(IDbContextFactory<AgencyDbContext> dbs)
{
    public const long MaxBytes = 256 * 1024;
    public static readonly string[] ContentTypes = ["image/png", "image/jpeg", "image/webp"];

    public async Task<Outcome<bool>> HandleAsync(Guid brandId, byte[]? content, string? contentType, CancellationToken ct = default)
    {
        if (content is not null)
        {
            if (content.Length > MaxBytes)
                return Outcome<bool>.Invalid("Logo", "The logo must be at most 256 KB.");
            if (contentType is null || !ContentTypes.Contains(contentType))
                return Outcome<bool>.Invalid("Logo", "Use a PNG, JPEG or WebP image.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, ct);
        if (brand is null)
            return Outcome<bool>.Invalid("", "This brand no longer exists.");
        brand.Logo = content;
        brand.LogoContentType = content is null ? null : contentType;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }
}
