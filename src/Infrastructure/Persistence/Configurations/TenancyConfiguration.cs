using Agency.Domain.Common;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class AgencyAccountConfiguration : IEntityTypeConfiguration<AgencyAccount>
{
    public void Configure(EntityTypeBuilder<AgencyAccount> b)
    {
        b.ToTable("Agencies");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Slug).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.DefaultTimeZone).HasMaxLength(64);
        b.HasIndex(x => x.Slug).IsUnique();
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> b)
    {
        b.ToTable("Brands");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Slug).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Property(x => x.Color).HasMaxLength(7);
        b.Property(x => x.LogoContentType).HasMaxLength(64);
        b.Ignore(x => x.TimeZone);
        b.HasOne<AgencyAccount>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgencyId, x.Slug }).IsUnique();
    }
}

internal sealed class BrandMembershipConfiguration : IEntityTypeConfiguration<BrandMembership>
{
    public void Configure(EntityTypeBuilder<BrandMembership> b)
    {
        b.ToTable("BrandMemberships");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.UserId,
            })
            .IsUnique();
        b.HasIndex(x => new { x.AgencyId, x.UserId });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.DisplayName).HasMaxLength(120);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.InvitedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.AgencyId, x.TokenHash }).IsUnique();
        // Looked up by token before any tenant is known (the invitee is not signed in yet).
        b.HasIndex(x => x.TokenHash);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(120);
        b.HasOne<AgencyAccount>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AgencyId);
    }
}
