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

namespace Agency.Infrastructure.Tests.Support;

/// <summary>
/// Two agencies that look alike on purpose: the same brand slugs, staff emails, team names,
/// invitation emails and holiday dates. Agency X also has a second brand, so brand-level isolation
/// inside one agency is covered too. Every tenant-owned entity type gets rows in both agencies.
/// </summary>
public sealed class TenantWorld
{
    public required Guid AgencyX { get; init; }
    public required Guid AgencyY { get; init; }
    public required Guid XAcme { get; init; }
    public required Guid XGlobex { get; init; }
    public required Guid YAcme { get; init; }

    public TenantScope X => TenantScope.ForAgency(AgencyX, TenantSource.System, "test", "Test X");
    public TenantScope Y => TenantScope.ForAgency(AgencyY, TenantSource.System, "test", "Test Y");
    public TenantScope XAcmeScope => X.WithBrand(XAcme);
    public TenantScope XGlobexScope => X.WithBrand(XGlobex);
    public TenantScope YAcmeScope => Y.WithBrand(YAcme);

    public static async Task<TenantWorld> SeedAsync(TestDatabase database)
    {
        var x = await SeedAgencyAsync(database, "agency-x", withSecondBrand: true);
        var y = await SeedAgencyAsync(database, "agency-y", withSecondBrand: false);
        return new TenantWorld
        {
            AgencyX = x.Agency,
            AgencyY = y.Agency,
            XAcme = x.Acme,
            XGlobex = x.Globex!.Value,
            YAcme = y.Acme,
        };
    }

    private static async Task<(Guid Agency, Guid Acme, Guid? Globex)> SeedAgencyAsync(
        TestDatabase database,
        string slug,
        bool withSecondBrand
    )
    {
        var now = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        var agency = new AgencyAccount
        {
            Name = slug,
            Slug = slug,
            CreatedAt = now,
        };
        var user = new ApplicationUser
        {
            UserName = $"lead@{slug}.example",
            Email = $"lead@{slug}.example",
            DisplayName = "Lead",
            AgencyId = agency.Id,
            CreatedAt = now,
        };
        await using (var global = database.As(TenantScope.None))
        {
            global.Agencies.Add(agency);
            global.Users.Add(user);
            await global.SaveChangesAsync();
        }

        var scope = TenantScope.ForAgency(agency.Id, TenantSource.System, "seed", "Seed");
        var acme = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
            CreatedAt = now,
        };
        var globex = withSecondBrand
            ? new Brand
            {
                Name = "Globex",
                Slug = "globex",
                TimeZoneId = "America/New_York",
                CreatedAt = now,
            }
            : null;
        await using (var db = database.As(scope))
        {
            db.Brands.Add(acme);
            if (globex is not null)
                db.Brands.Add(globex);
            var staff = new StaffMember
            {
                Name = "Sam Doe",
                Email = "sam@example.com",
                BrandIds = [acme.Id],
                Languages = ["en"],
                CreatedAt = now,
            };
            db.StaffMembers.Add(staff);
            db.Teams.Add(
                new Team
                {
                    Name = "Care",
                    BrandIds = [acme.Id],
                    CreatedAt = now,
                    Members = [new TeamMember { StaffMemberId = staff.Id }],
                }
            );
            db.BrandMemberships.Add(
                new BrandMembership
                {
                    BrandId = acme.Id,
                    UserId = user.Id,
                    Role = BrandRole.Service,
                    CreatedAt = now,
                }
            );
            db.Shifts.Add(
                new Shift
                {
                    StaffMemberId = staff.Id,
                    StartsAt = now,
                    EndsAt = now.AddHours(8),
                }
            );
            var roster = new Domain.Rostering.RosterRun
            {
                FirstDay = new DateOnly(2026, 11, 30),
                Weeks = 1,
                TimeLimitSeconds = 10,
                Status = Domain.Rostering.RosterRunStatus.Completed,
                CreatedAt = now,
            };
            db.RosterRuns.Add(roster);
            db.Shifts.Add(
                new Shift
                {
                    StaffMemberId = staff.Id,
                    StartsAt = now.AddDays(7),
                    EndsAt = now.AddDays(7).AddHours(8),
                    Source = ShiftSource.Roster,
                    IsPublished = false,
                    RosterRunId = roster.Id,
                }
            );
            db.WorkContracts.Add(new WorkContract { StaffMemberId = staff.Id });
            db.TimeOff.Add(
                new TimeOff
                {
                    StaffMemberId = staff.Id,
                    StartsAt = now.AddDays(3),
                    EndsAt = now.AddDays(4),
                    CreatedAt = now,
                }
            );
            db.Notifications.Add(
                new Notification
                {
                    UserId = user.Id,
                    Key = "welcome",
                    Text = "Welcome",
                    CreatedAt = now,
                }
            );
            db.Invitations.Add(
                new Invitation
                {
                    Email = "new@example.com",
                    DisplayName = "New",
                    Role = UserRole.Agent,
                    BrandIds = [acme.Id],
                    TokenHash = Invitation.Hash(slug + "-token"),
                    CreatedAt = now,
                    ExpiresAt = now.AddDays(7),
                }
            );
            await db.SaveChangesAsync();
        }

        foreach (var brand in new[] { acme, globex }.OfType<Brand>())
        {
            await using var db = database.As(scope.WithBrand(brand.Id));
            db.BrandHolidays.Add(new BrandHoliday { Date = new DateOnly(2026, 12, 25), Name = "Christmas Day" });
            // The same platform ids in every brand: identical external ids must never collide across tenants.
            var account = new ChannelAccount
            {
                Network = Network.X,
                Handle = "AcmeCare",
                ExternalAccountId = "3001969357",
                Department = Department.Marketing,
                CreatedAt = now,
            };
            db.ChannelAccounts.Add(account);
            db.InboxDeliveries.Add(
                new InboxDelivery
                {
                    ChannelAccountId = account.Id,
                    Source = DeliverySource.XWebhook,
                    Body = "{}",
                    BodyHash = InboxDelivery.HashOf("{}"u8),
                    ReceivedAt = now,
                    Status = DeliveryStatus.Processed,
                }
            );
            var conversation = new Conversation
            {
                ChannelAccountId = account.Id,
                CustomerExternalId = "115712",
                StartedAt = now,
                LastActivityAt = now,
            };
            db.Conversations.Add(conversation);
            var post = new Post
            {
                ChannelAccountId = account.Id,
                ConversationId = conversation.Id,
                ExternalId = "930465498211397632",
                AuthorExternalId = "115712",
                Text = "help",
                CreatedAt = now,
                ReceivedAt = now,
                Direction = Direction.Inbound,
            };
            db.Posts.Add(post);
            db.LabelCorrections.Add(
                new LabelCorrection
                {
                    PostId = post.Id,
                    Text = "help",
                    ToIntent = Intent.ServiceQuestion,
                    CorrectedAt = now,
                }
            );
            db.BrandIntentModels.Add(new BrandIntentModel { Model = [1, 2, 3], TrainedAt = now });
            db.ClassificationRules.Add(
                new ClassificationRule
                {
                    Name = "Recall",
                    Pattern = "recall",
                    Intent = Intent.Complaint,
                }
            );
            db.SensitivePatterns.Add(new SensitivePattern { Name = "Order number", Regex = @"\bA-\d{5}\b" });
            db.RoutingRules.Add(
                new RoutingRuleDefinition
                {
                    Name = "Complaints first",
                    Intents = [Intent.Complaint],
                    SetPriority = Priority.High,
                }
            );
            db.SlaPolicies.Add(
                new SlaPolicy
                {
                    Name = "X",
                    Network = Network.X,
                    FirstResponseMinutes = 60,
                    NextResponseMinutes = 60,
                    ResolutionMinutes = 1440,
                }
            );
            db.ServiceHours.Add(
                new ServiceHours
                {
                    Day = DayOfWeek.Monday,
                    Start = TimeSpan.FromHours(9),
                    End = TimeSpan.FromHours(17),
                }
            );
            db.SlaEvents.Add(
                new SlaEvent
                {
                    ConversationId = conversation.Id,
                    Target = SlaTarget.FirstResponse,
                    Kind = SlaEventKind.Warning,
                    DueAt = now,
                    At = now,
                }
            );
            db.SavedReplies.Add(new SavedReply { Title = "Thanks", Text = "Thanks {customer.name}" });
            db.OutboundMessages.Add(
                new OutboundMessage
                {
                    ConversationId = conversation.Id,
                    ChannelAccountId = account.Id,
                    Text = "On it",
                    CreatedAt = now,
                    NextAttemptAt = now,
                }
            );
            db.ConversationNotes.Add(
                new ConversationNote
                {
                    ConversationId = conversation.Id,
                    AuthorName = "Sam",
                    Text = "Checked",
                    CreatedAt = now,
                }
            );
            db.ChannelPlans.Add(new Domain.Planning.ChannelPlan { Network = Network.X });
            db.MarketingEvents.Add(
                new Domain.Calendars.MarketingEvent
                {
                    Name = "Launch",
                    FirstDay = new DateOnly(2026, 12, 1),
                    LastDay = new DateOnly(2026, 12, 2),
                    CreatedAt = now,
                }
            );
            db.ForecastRuns.Add(
                new Domain.Planning.ForecastRun
                {
                    Network = Network.X,
                    IntervalMinutes = 30,
                    Model = "Seasonal naive",
                    CreatedAt = now,
                    Point = [1, 2],
                    Required = [1, 1],
                }
            );
            db.ConversationFacts.Add(
                new Domain.Reporting.ConversationFact
                {
                    Id = conversation.Id,
                    Network = Network.X,
                    StartedAt = now,
                    ComputedAt = now,
                }
            );
            db.DayStats.Add(
                new Domain.Reporting.DayStat
                {
                    Day = DateOnly.FromDateTime(now),
                    Network = Network.X,
                    Inbound = 1,
                }
            );
            db.DayTallies.Add(
                new Domain.Reporting.DayTally
                {
                    Day = DateOnly.FromDateTime(now),
                    Network = Network.X,
                    Count = 1,
                }
            );
            db.RollupStates.Add(
                new Domain.Reporting.RollupState
                {
                    PostsThrough = now,
                    ConversationsThrough = now,
                    UpdatedAt = now,
                }
            );
            db.ReportDeliveries.Add(
                new Domain.Reporting.ReportDelivery
                {
                    Year = 2026,
                    Month = 10,
                    SentAt = now,
                    Recipients = 1,
                }
            );
            db.ReportRecipients.Add(
                new Domain.Reporting.ReportRecipient
                {
                    Year = 2026,
                    Month = 10,
                    Email = "manager@example.com",
                    SentAt = now,
                }
            );
            db.ApiKeys.Add(Domain.PublicApi.ApiKey.Issue("CRM sync", now, "Seed").Key);
            var hook = new Domain.OutgoingWebhooks.WebhookEndpoint
            {
                Name = "CRM",
                Url = "https://crm.example.com/hooks",
                Events = ["conversation.changed"],
                SecretProtected = "protected",
                CreatedAt = now,
            };
            db.WebhookEndpoints.Add(hook);
            db.WebhookDeliveries.Add(
                new Domain.OutgoingWebhooks.WebhookDelivery
                {
                    EndpointId = hook.Id,
                    Event = "ping",
                    Payload = "{}",
                    CreatedAt = now,
                    NextAttemptAt = now,
                }
            );
            await db.SaveChangesAsync();
        }
        return (agency.Id, acme.Id, globex?.Id);
    }
}
