using System.Text.Json;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Shifts;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

/// <summary>Pauses of an SLA clock are stored as one JSON text column (a conversation has a handful).</summary>
internal sealed class PausesConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<Pause>, string>(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<List<Pause>>(v, (JsonSerializerOptions?)null) ?? new List<Pause>()
    );

internal sealed class PausesComparer()
    : ValueComparer<List<Pause>>(
        (l, r) => l!.SequenceEqual(r!),
        v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode())),
        v => v.ToList()
    );

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.Property(x => x.CustomerExternalId).HasMaxLength(200);
        b.Property(x => x.CustomerHandle).HasMaxLength(200);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.RoutedBy).HasMaxLength(500);
        b.Property(x => x.ForwardedBy).HasMaxLength(200);
        b.Property(x => x.SentBackReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Pauses).HasMaxLength(4000);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(x => x.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ChannelAccountId,
            x.CustomerExternalId,
            x.LastActivityAt,
        });
        // The reporting rollups pick up changed conversations in this order.
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ChangedAt,
            x.Id,
        });
        // The inbox: queued work in due order, for the whole agency, a brand, a team and a person;
        // each index serves its view's filter and sort, so the first page is read without sorting.
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.Queue,
            x.DueSort,
            x.StartedAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.Queue,
            x.DueSort,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.TeamId,
            x.Queue,
            x.DueSort,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.AssignedStaffId,
            x.Queue,
            x.DueSort,
        });
        // The backlog of dashboards and the console (still owed an answer, oldest first): counted from the index alone.
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Queue,
                x.FirstResponseAt,
                x.StartedAt,
                x.AwaitingReplySince,
            })
            .HasDatabaseName("IX_Conversations_Backlog");
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRuleDefinition>
{
    public void Configure(EntityTypeBuilder<RoutingRuleDefinition> b)
    {
        b.ToTable("RoutingRules");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Regex).HasMaxLength(1000);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Name,
            })
            .IsUnique();
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("SlaPolicies");
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Name,
            })
            .IsUnique();
    }
}

internal sealed class ServiceHoursConfiguration : IEntityTypeConfiguration<ServiceHours>
{
    public void Configure(EntityTypeBuilder<ServiceHours> b)
    {
        b.ToTable("ServiceHours");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaEventConfiguration : IEntityTypeConfiguration<SlaEvent>
{
    public void Configure(EntityTypeBuilder<SlaEvent> b)
    {
        b.ToTable("SlaEvents");
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // One event per target, kind and due time: the escalation job can run twice.
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.ConversationId,
                x.Target,
                x.Kind,
                x.DueAt,
            })
            .IsUnique();
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.At,
        });
    }
}

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> b)
    {
        b.ToTable("SavedReplies");
        b.Property(x => x.Title).HasMaxLength(120);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Title,
            })
            .IsUnique();
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.ToTable("OutboundMessages");
        b.Property(x => x.InReplyToExternalId).HasMaxLength(200);
        b.Property(x => x.RecipientExternalId).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(10_000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.Property(x => x.SentByUserId).HasMaxLength(450);
        b.Property(x => x.SentByName).HasMaxLength(200);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // The outbox across tenants: queued first, due first.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ConversationId,
            x.CreatedAt,
        });
    }
}

internal sealed class ConversationNoteConfiguration : IEntityTypeConfiguration<ConversationNote>
{
    public void Configure(EntityTypeBuilder<ConversationNote> b)
    {
        b.ToTable("ConversationNotes");
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.ConversationId,
            x.CreatedAt,
        });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.UserId,
                x.Key,
            })
            .IsUnique();
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.UserId,
            x.ReadAt,
            x.CreatedAt,
        });
    }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.ToTable("Shifts");
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.StartsAt,
            x.EndsAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.StaffMemberId,
            x.StartsAt,
        });
        b.HasOne<Domain.Rostering.RosterRun>().WithMany().HasForeignKey(x => x.RosterRunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.RosterRunId });
    }
}

internal sealed class RosterRunConfiguration : IEntityTypeConfiguration<Domain.Rostering.RosterRun>
{
    public void Configure(EntityTypeBuilder<Domain.Rostering.RosterRun> b)
    {
        b.ToTable("RosterRuns");
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.Message).HasMaxLength(500);
        b.Property(x => x.Node).HasMaxLength(128);
        b.Property(x => x.Step).HasMaxLength(100);
        b.Property(x => x.Trace).HasMaxLength(1000);
        b.Property(x => x.StopRequestedBy).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<int>();
        b.HasIndex(x => new { x.AgencyId, x.CreatedAt });
        // At most one running run per agency, whichever server builds it: two servers starting one at the same instant cannot
        // both store it. (Quoted as SQLite, PostgreSQL and SQL Server all read it; 1 is RosterRunStatus.Running.)
        b.HasIndex(x => x.AgencyId).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_RosterRuns_OneRunningPerAgency");
    }
}

internal sealed class ChannelPlanConfiguration : IEntityTypeConfiguration<Domain.Planning.ChannelPlan>
{
    public void Configure(EntityTypeBuilder<Domain.Planning.ChannelPlan> b)
    {
        b.ToTable("ChannelPlans");
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
            {
                x.AgencyId,
                x.BrandId,
                x.Network,
            })
            .IsUnique();
    }
}

internal sealed class ForecastRunConfiguration : IEntityTypeConfiguration<Domain.Planning.ForecastRun>
{
    public void Configure(EntityTypeBuilder<Domain.Planning.ForecastRun> b)
    {
        b.ToTable("ForecastRuns");
        b.Property(x => x.Model).HasMaxLength(120);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.BrandId,
            x.Network,
            x.CreatedAt,
        });
    }
}

internal sealed class WorkContractConfiguration : IEntityTypeConfiguration<WorkContract>
{
    public void Configure(EntityTypeBuilder<WorkContract> b)
    {
        b.ToTable("WorkContracts");
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AgencyId, x.StaffMemberId }).IsUnique();
    }
}

internal sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> b)
    {
        b.ToTable("TimeOff");
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.StaffMemberId,
            x.StartsAt,
        });
        b.HasIndex(x => new
        {
            x.AgencyId,
            x.Status,
            x.StartsAt,
        });
    }
}
