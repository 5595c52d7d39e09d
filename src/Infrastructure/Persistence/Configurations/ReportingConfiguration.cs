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
        b.Property(x => x.Tags).HasMaxLength(ConversationFact.MaxTagsLength);
        b.HasOne<Conversation>().WithOne().HasForeignKey<ConversationFact>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
        // Dashboards read one brand's conversations by when they started, and only these columns: the index
        // covers them, so a period is one range of the index (in StartedAt order) and never a visit per row.
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.StartedAt,
                x.Network,
                x.SlaPolicyId,
                x.NoAction,
                x.NeedsResponse,
                x.FirstResponseSla,
                x.FirstResponseDueAt,
                x.ResolutionSla,
                x.ResolutionDueAt,
                x.MovedToPrivate,
                x.Forwarded,
                x.ForwardOutcome,
                x.FirstResponseSeconds,
                x.FirstResponseBusinessSeconds,
                x.Tags,
            })
            .HasDatabaseName("IX_ConversationFacts_Dashboard");
    }
}

internal sealed class DayStatConfiguration : IEntityTypeConfiguration<DayStat>
{
    public void Configure(EntityTypeBuilder<DayStat> b)
    {
        b.ToTable("DayStats");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        // Dashboards read a brand's days of a period with every column: the index covers them.
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.Day,
            x.Network,
            x.Intent,
            x.Sentiment,
            x.Inbound,
            x.Outbound,
        });
    }
}

internal sealed class DayTallyConfiguration : IEntityTypeConfiguration<DayTally>
{
    public void Configure(EntityTypeBuilder<DayTally> b)
    {
        b.ToTable("DayTallies");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        // Dashboards read a brand's tallies of a period with every column: the index covers them.
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Day,
                x.Network,
                x.SlaPolicyId,
                x.NoAction,
                x.NeedsResponse,
                x.Responded,
                x.FirstResponseSla,
                x.ResolutionSla,
                x.MovedToPrivate,
                x.Forwarded,
                x.ForwardOutcome,
                x.Count,
            })
            .HasDatabaseName("IX_DayTallies_Dashboard");
    }
}

internal sealed class RollupStateConfiguration : IEntityTypeConfiguration<RollupState>
{
    public void Configure(EntityTypeBuilder<RollupState> b)
    {
        b.ToTable("RollupStates");
        b.Property(x => x.LeaseHolder).HasMaxLength(64);
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
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Year,
                x.Month,
            })
            .IsUnique();
    }
}

internal sealed class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> b)
    {
        b.ToTable("ReportRecipients");
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Year,
                x.Month,
                x.Email,
            })
            .IsUnique();
    }
}
