using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> b)
    {
        b.ToTable("ChannelAccounts");
        b.Property(x => x.Handle).HasMaxLength(120);
        b.Property(x => x.ExternalAccountId).HasMaxLength(64);
        b.Property(x => x.AppSecretProtected).HasMaxLength(2000);
        b.Property(x => x.VerifyTokenProtected).HasMaxLength(2000);
        b.Property(x => x.AccessTokenProtected).HasMaxLength(4000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Network,
                x.ExternalAccountId,
            })
            .IsUnique();
    }
}

internal sealed class InboxDeliveryConfiguration : IEntityTypeConfiguration<InboxDelivery>
{
    public void Configure(EntityTypeBuilder<InboxDelivery> b)
    {
        b.ToTable("InboxDeliveries");
        b.Property(x => x.BodyHash).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(x => x.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.ChannelAccountId,
                x.BodyHash,
            })
            .IsUnique();
        // The worker's queue across tenants: pending first, oldest first.
        b.HasIndex(x => new { x.Status, x.ReceivedAt });
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("Posts");
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.Property(x => x.AuthorExternalId).HasMaxLength(200);
        b.Property(x => x.AuthorHandle).HasMaxLength(200);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.InReplyToExternalId).HasMaxLength(200);
        b.Property(x => x.IntentRule).HasMaxLength(120);
        b.Property(x => x.Language).HasMaxLength(8);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(x => x.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.ChannelAccountId,
                x.ExternalId,
            })
            .IsUnique();
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ChannelAccountId,
            x.ReceivedAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ConversationId,
            x.CreatedAt,
        });
        // The reporting rollups: posts received since the last run, and every post of an hour.
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ReceivedAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.CreatedAt,
        });
    }
}

internal sealed class ClassificationRuleConfiguration : IEntityTypeConfiguration<ClassificationRule>
{
    public void Configure(EntityTypeBuilder<ClassificationRule> b)
    {
        b.ToTable("ClassificationRules");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Pattern).HasMaxLength(1000);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Name,
            })
            .IsUnique();
    }
}

internal sealed class SensitivePatternConfiguration : IEntityTypeConfiguration<SensitivePattern>
{
    public void Configure(EntityTypeBuilder<SensitivePattern> b)
    {
        b.ToTable("SensitivePatterns");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Regex).HasMaxLength(500);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Name,
            })
            .IsUnique();
    }
}

internal sealed class LabelCorrectionConfiguration : IEntityTypeConfiguration<LabelCorrection>
{
    public void Configure(EntityTypeBuilder<LabelCorrection> b)
    {
        b.ToTable("LabelCorrections");
        b.Property(x => x.CorrectedBy).HasMaxLength(256);
        b.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.CorrectedAt,
        });
    }
}

internal sealed class BrandIntentModelConfiguration : IEntityTypeConfiguration<BrandIntentModel>
{
    public void Configure(EntityTypeBuilder<BrandIntentModel> b)
    {
        b.ToTable("BrandIntentModels");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.BrandId }).IsUnique();
    }
}
