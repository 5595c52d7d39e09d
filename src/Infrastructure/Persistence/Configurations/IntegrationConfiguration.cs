using Agency.Domain.OutgoingWebhooks;
using Agency.Domain.PublicApi;
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
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Prefix,
            })
            .IsUnique();
        // A presented key is found by its prefix before its tenant is known (CrossTenantReader).
        b.HasIndex(x => x.Prefix);
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(x => x.Name).HasMaxLength(WebhookEndpoint.NameMaxLength);
        b.Property(x => x.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SecretProtected).HasMaxLength(1000).HasAnnotation(AuditInterceptor.NotAudited, true);
        b.Property(x => x.LeaseHolder).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(500);
        // Where the feed has read to, who holds the lease and how the last calls went change with every send: not the audit log's business.
        foreach (
            var name in new[]
            {
                nameof(WebhookEndpoint.ConversationsThrough),
                nameof(WebhookEndpoint.ConversationsThroughId),
                nameof(WebhookEndpoint.SlaEventsThrough),
                nameof(WebhookEndpoint.SlaEventsThroughId),
                nameof(WebhookEndpoint.LeaseHolder),
                nameof(WebhookEndpoint.LeaseUntil),
                nameof(WebhookEndpoint.LastSuccessAt),
                nameof(WebhookEndpoint.LastFailureAt),
                nameof(WebhookEndpoint.LastError),
                nameof(WebhookEndpoint.ConsecutiveFailures),
            }
        )
            b.Property(name).HasAnnotation(AuditInterceptor.NotAudited, true);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.IsActive,
        });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(x => x.Event).HasMaxLength(40);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.EndpointId,
            x.Status,
            x.NextAttemptAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.EndpointId,
            x.CreatedAt,
        });
    }
}
