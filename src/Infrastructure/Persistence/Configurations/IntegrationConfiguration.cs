using Agency.Domain.Integration;
using Agency.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(x => x.Name).HasMaxLength(ApiKey.NameMaxLength);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasMaxLength(64).HasAnnotation(AuditInterceptor.NotAudited, true);
        b.Property(x => x.LastUsedAt).HasAnnotation(AuditInterceptor.NotAudited, true);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.Display);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.BrandId, x.Prefix }).IsUnique();
        // A presented key is found by its prefix before its tenant is known (CrossTenantReader).
        b.HasIndex(x => x.Prefix);
    }
}
