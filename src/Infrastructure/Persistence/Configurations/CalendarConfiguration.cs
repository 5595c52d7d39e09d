using Agency.Domain.Calendars;
using Agency.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class BrandHolidayConfiguration : IEntityTypeConfiguration<BrandHoliday>
{
    public void Configure(EntityTypeBuilder<BrandHoliday> b)
    {
        b.ToTable("BrandHolidays");
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Date,
            })
            .IsUnique();
    }
}

internal sealed class MarketingEventConfiguration : IEntityTypeConfiguration<MarketingEvent>
{
    public void Configure(EntityTypeBuilder<MarketingEvent> b)
    {
        b.ToTable("MarketingEvents");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.FirstDay,
        });
    }
}
