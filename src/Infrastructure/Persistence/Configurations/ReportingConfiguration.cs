using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class ConversationFactConfiguration : IEntityTypeConfiguration<ConversationFact>
{
    public void Configure(EntityTypeBuilder<ConversationFact> b)
    {
        b.ToTable("ConversationFacts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Tags).HasMaxLength(1000);
        b.HasOne<Conversation>().WithOne().HasForeignKey<ConversationFact>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
        // Dashboards read one brand's conversations by when they started.
        b.HasIndex(x => new { x.AgencyId, x.BrandId, x.StartedAt });
    }
}

internal sealed class HourStatConfiguration : IEntityTypeConfiguration<HourStat>
{
    public void Configure(EntityTypeBuilder<HourStat> b)
    {
        b.ToTable("HourStats");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.BrandId, x.HourUtc });
    }
}

internal sealed class RollupStateConfiguration : IEntityTypeConfiguration<RollupState>
{
    public void Configure(EntityTypeBuilder<RollupState> b)
    {
        b.ToTable("RollupStates");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.BrandId }).IsUnique();
    }
}

internal sealed class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> b)
    {
        b.ToTable("ReportDeliveries");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.BrandId, x.Year, x.Month }).IsUnique();
    }
}
