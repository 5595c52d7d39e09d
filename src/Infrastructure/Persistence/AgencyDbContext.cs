using Agency.Domain.Auditing;
using Agency.Domain.Calendars;
using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Shifts;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Persistence;

/// <summary>
/// The one model of Agency. Each database provider derives its own context type only so that
/// each keeps its own migrations; the model is built here, once.
/// </summary>
public abstract class AgencyDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    protected AgencyDbContext(DbContextOptions options, TenantScope tenant)
        : base(options)
    {
        Tenant = tenant;
    }

    /// <summary>The tenant this context was created for; fixed for its lifetime.</summary>
    public TenantScope Tenant { get; }

    // Query filters read these per query, so one cached model serves every tenant.
    public Guid? CurrentAgencyId => Tenant.AgencyId;
    public Guid? CurrentBrandId => Tenant.BrandId;

    public DbSet<AgencyAccount> Agencies => Set<AgencyAccount>();
    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<BrandMembership> BrandMemberships => Set<BrandMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<BrandHoliday> BrandHolidays => Set<BrandHoliday>();
    public DbSet<MarketingEvent> MarketingEvents => Set<MarketingEvent>();
    public DbSet<ChannelAccount> ChannelAccounts => Set<ChannelAccount>();
    public DbSet<InboxDelivery> InboxDeliveries => Set<InboxDelivery>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ClassificationRule> ClassificationRules => Set<ClassificationRule>();
    public DbSet<SensitivePattern> SensitivePatterns => Set<SensitivePattern>();
    public DbSet<LabelCorrection> LabelCorrections => Set<LabelCorrection>();
    public DbSet<BrandIntentModel> BrandIntentModels => Set<BrandIntentModel>();
    public DbSet<RoutingRuleDefinition> RoutingRules => Set<RoutingRuleDefinition>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<ServiceHours> ServiceHours => Set<ServiceHours>();
    public DbSet<SlaEvent> SlaEvents => Set<SlaEvent>();
    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<WorkContract> WorkContracts => Set<WorkContract>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<Domain.Rostering.RosterRun> RosterRuns => Set<Domain.Rostering.RosterRun>();
    public DbSet<Domain.Planning.ChannelPlan> ChannelPlans => Set<Domain.Planning.ChannelPlan>();
    public DbSet<Domain.Planning.ForecastRun> ForecastRuns => Set<Domain.Planning.ForecastRun>();
    public DbSet<Domain.Reporting.ConversationFact> ConversationFacts => Set<Domain.Reporting.ConversationFact>();
    public DbSet<Domain.Reporting.DayStat> DayStats => Set<Domain.Reporting.DayStat>();
    public DbSet<Domain.Reporting.DayTally> DayTallies => Set<Domain.Reporting.DayTally>();
    public DbSet<Domain.Reporting.RollupState> RollupStates => Set<Domain.Reporting.RollupState>();
    public DbSet<Domain.Reporting.ReportDelivery> ReportDeliveries => Set<Domain.Reporting.ReportDelivery>();
    public DbSet<Domain.Reporting.ReportRecipient> ReportRecipients => Set<Domain.Reporting.ReportRecipient>();
    public DbSet<Domain.PublicApi.ApiKey> ApiKeys => Set<Domain.PublicApi.ApiKey>();
    public DbSet<Domain.OutgoingWebhooks.WebhookEndpoint> WebhookEndpoints => Set<Domain.OutgoingWebhooks.WebhookEndpoint>();
    public DbSet<Domain.OutgoingWebhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.OutgoingWebhooks.WebhookDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Signals between servers sharing the database (not tenant data: ids of what changed).</summary>
    public DbSet<Cluster.NodeSignal> NodeSignals => Set<Cluster.NodeSignal>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AgencyDbContext).Assembly);
        TenantModel.Apply(builder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite loses the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<List<Pause>>().HaveConversion<Configurations.PausesConverter, Configurations.PausesComparer>();
    }
}
