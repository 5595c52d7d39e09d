using Agency.Domain.Auditing;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Shifts;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Replies;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Sla;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.Routing;

/// <summary>
/// The service path end to end on a real database: a signed webhook on a marketing-owned account is
/// forwarded to service, assigned to the agent on shift, answered through the real X client against
/// the loopback stand-in, and the SLA outcome is stored; escalation, concurrency and failures too.
/// </summary>
public abstract class WorkflowSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Secret = "consumer-secret-of-acme";
    private const string XUser = "3001969357";
    private static readonly DateTime TweetTime = new(2026, 11, 23, 10, 10, 47, DateTimeKind.Utc);
    private readonly IDataProtectionProvider protection = DataProtectionProvider.Create("agency-tests");
    private readonly ManualClock clock = new(TweetTime.AddMinutes(2));
    private TestDatabase db = default!;
    private StandInServer platform = default!;
    private TenantScope brand = default!;
    private Guid accountId,
        ana,
        bob,
        anaShift;
    private string leadUserId = "",
        ownerUserId = "";

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        platform = await StandInServer.StartAsync();
        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await platform.DisposeAsync();
        await db.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var agency = new AgencyAccount { Name = "Northbeam", Slug = "northbeam" };
        var lead = new ApplicationUser
        {
            UserName = "lead@x.example",
            Email = "lead@x.example",
            DisplayName = "Lena Lead",
            AgencyId = agency.Id,
        };
        var owner = new ApplicationUser
        {
            UserName = "owner@x.example",
            Email = "owner@x.example",
            DisplayName = "Mo Marketing",
            AgencyId = agency.Id,
        };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.Add(agency);
            g.Users.AddRange(lead, owner);
            await g.SaveChangesAsync();
        }
        (leadUserId, ownerUserId) = (lead.Id, owner.Id);
        var acme = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
        };
        var agencyScope = TenantScope.ForAgency(agency.Id, TenantSource.System, "seed", "Seed");
        await using (var a = db.As(agencyScope))
        {
            a.Brands.Add(acme);
            var anaStaff = new StaffMember
            {
                Name = "Ana Silva",
                Email = "ana@x.example",
                BrandIds = [acme.Id],
                Channels = [Network.X],
                Languages = ["en"],
                MaxConcurrentConversations = 3,
            };
            var bobStaff = new StaffMember
            {
                Name = "Bob Stone",
                Email = "bob@x.example",
                BrandIds = [acme.Id],
                Channels = [Network.X],
                Languages = ["en"],
            };
            var leadStaff = new StaffMember
            {
                Name = "Lena Lead",
                Email = "lead@x.example",
                UserId = lead.Id,
                BrandIds = [acme.Id],
            };
            a.StaffMembers.AddRange(anaStaff, bobStaff, leadStaff);
            a.Teams.Add(
                new Team
                {
                    Name = "Acme care",
                    BrandIds = [acme.Id],
                    LeadStaffMemberId = leadStaff.Id,
                    Members = [new TeamMember { StaffMemberId = anaStaff.Id }, new TeamMember { StaffMemberId = bobStaff.Id }],
                }
            );
            var shift = new Shift
            {
                StaffMemberId = anaStaff.Id,
                StartsAt = TweetTime.AddHours(-1),
                EndsAt = TweetTime.AddHours(2),
            };
            a.Shifts.Add(shift);
            a.BrandMemberships.Add(
                new BrandMembership
                {
                    BrandId = acme.Id,
                    UserId = owner.Id,
                    Role = BrandRole.MarketingOwner,
                }
            );
            await a.SaveChangesAsync();
            (ana, bob, anaShift) = (anaStaff.Id, bobStaff.Id, shift.Id);
        }
        brand = TenantScope.ForBrand(agency.Id, acme.Id, TenantSource.User, "agent-1", "Ana Silva");
        var secrets = new ChannelSecrets(protection);
        await using var b = db.As(brand);
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "AcmeBrand",
            ExternalAccountId = XUser,
            Department = Department.Marketing,
            AppSecretProtected = secrets.Protect(Secret),
            AccessTokenProtected = secrets.Protect("user-access-token"),
        };
        b.ChannelAccounts.Add(account);
        b.SlaPolicies.Add(
            new SlaPolicy
            {
                Name = "X",
                Network = Network.X,
                FirstResponseMinutes = 60,
                NextResponseMinutes = 60,
                ResolutionMinutes = 24 * 60,
            }
        );
        b.SavedReplies.Add(
            new SavedReply
            {
                Title = "Private on X",
                Purpose = SavedReplyPurpose.MoveToPrivate,
                Network = Network.X,
                Text = "Hi {customer.name}, we've sent you a DM so we can look at your booking.",
            }
        );
        await b.SaveChangesAsync();
        accountId = account.Id;
    }

    private sealed record Services(
        IntakeReceiver Receiver,
        InboxWorker Inbox,
        ConversationActions Actions,
        OutboxSender Outbox,
        SlaEscalation Escalation,
        ConversationWork Work
    );

    private Services Make()
    {
        var crossTenant = new CrossTenantReader(db.Setup);
        var work = new ConversationWork(new AgencyWideReader(db.Setup), clock);
        var notifier = new WorkNotifier();
        var signal = new IntakeSignal();
        var processor = new IntakeProcessor(
            db.Setup,
            new PostWriter(clock),
            new PostNotifier(),
            work,
            notifier,
            clock,
            NullLogger<IntakeProcessor>.Instance
        );
        return new Services(
            new IntakeReceiver(crossTenant, db.Setup, new ChannelSecrets(protection), signal, clock),
            new InboxWorker(crossTenant, processor, signal, Options.Create(new IntakeOptions()), NullLogger<InboxWorker>.Instance),
            new ConversationActions(db.Setup, work, notifier, new OutboxSignal(), clock),
            new OutboxSender(
                db.Setup,
                platform.Clients,
                new ChannelSecrets(protection),
                work,
                notifier,
                clock,
                NullLogger<OutboxSender>.Instance
            ),
            new SlaEscalation(db.Setup, work, notifier, clock),
            work
        );
    }

    private static byte[] Tweet(string id, string text, DateTime at) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                for_user_id = XUser,
                tweet_create_events = new[]
                {
                    new
                    {
                        created_at = at.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", System.Globalization.CultureInfo.InvariantCulture),
                        id_str = id,
                        text,
                        user = new
                        {
                            id_str = "115712",
                            screen_name = "patmorgan",
                            name = "Pat Morgan",
                            followers_count = 10,
                        },
                    },
                },
            }
        );

    private async Task<Conversation> ArriveAsync(
        Services s,
        string text = "@AcmeBrand my flight was cancelled and nobody answers, I need a refund"
    )
    {
        var body = Tweet("930465498211397632", text, TweetTime);
        Assert.Equal(
            ReceiveStatus.Stored,
            (await s.Receiver.ReceiveAsync(accountId, DeliverySource.XWebhook, body, WebhookSignatures.X(Secret, body))).Status
        );
        Assert.Equal(1, await s.Inbox.DrainOnceAsync(default));
        return await InBrand(c => c.Conversations.AsNoTracking().SingleAsync());
    }

    private async Task<T> InBrand<T>(Func<AgencyDbContext, Task<T>> query)
    {
        await using var ctx = db.As(brand);
        return await query(ctx);
    }

    [Fact]
    public async Task A_complaint_on_a_marketing_account_is_forwarded_assigned_answered_and_the_SLA_met()
    {
        var s = Make();
        var c = await ArriveAsync(s);

        Assert.True(c.Forwarded);
        Assert.Equal("Routing", c.ForwardedBy);
        Assert.NotNull(c.TeamId);
        Assert.Equal("en", c.Language);
        Assert.Equal(ana, c.AssignedStaffId); // on shift, skilled, below capacity; Bob is not on shift
        Assert.Equal(TweetTime, c.StartedAt);
        Assert.Equal(TweetTime.AddMinutes(60), c.FirstResponseDueAt); // from the customer's post, not the forward
        Assert.Equal(c.FirstResponseDueAt, c.DueAt);
        Assert.Equal(1, await InBrand(x => x.Notifications.CountAsync(n => n.UserId == ownerUserId)));

        clock.Advance(TimeSpan.FromMinutes(20));
        var reply = await s.Actions.ReplyAsync(
            brand,
            c.Id,
            c.Version,
            new ConversationActions.ReplyInput("@patmorgan Sorry Pat, we're on it: which booking is it?", IsPrivate: false)
        );
        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(1, await s.Outbox.SendDueAsync(brand));

        var request = Assert.Single(platform.StandIn.Requests);
        Assert.Equal("/x/2/tweets", request.Path);
        Assert.Equal("user-access-token", request.Token);
        Assert.Equal("930465498211397632", request.Body?["reply"]?["in_reply_to_tweet_id"]?.GetValue<string>());

        var answered = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.Equal(clock.UtcNow, answered.FirstResponseAt);
        Assert.Null(answered.FirstResponseDueAt);
        var met = await InBrand(x => x.SlaEvents.SingleAsync(e => e.Target == SlaTarget.FirstResponse));
        Assert.Equal(SlaEventKind.Met, met.Kind);
        var sent = await InBrand(x => x.OutboundMessages.SingleAsync());
        Assert.Equal(OutboundStatus.Sent, sent.Status);
        Assert.Equal(1, await InBrand(x => x.Posts.CountAsync(p => p.Direction == Direction.Outbound && p.ExternalId == sent.ExternalId)));
        var audited = await InBrand(x => x.AuditEntries.Where(a => a.EntityId == c.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Forwarded, audited);
        Assert.Contains(AuditAction.Assigned, audited);
        Assert.Contains(AuditAction.Replied, audited);
    }

    [Fact]
    public async Task The_queue_depths_operators_see_follow_a_delivery_and_a_reply_through()
    {
        var s = Make();
        var reader = new CrossTenantReader(db.Setup);
        Assert.Equal(new CrossTenantReader.QueueDepths(0, 0, 0, 0, 0, 0, 0), await reader.QueueDepthsAsync());
        var body = Tweet("930465498211397632", "@AcmeBrand my flight was cancelled", TweetTime);
        Assert.Equal(
            ReceiveStatus.Stored,
            (await s.Receiver.ReceiveAsync(accountId, DeliverySource.XWebhook, body, WebhookSignatures.X(Secret, body))).Status
        );
        Assert.Equal(1, (await reader.QueueDepthsAsync()).DeliveriesPending);
        Assert.Equal(1, await s.Inbox.DrainOnceAsync(default));
        Assert.Equal(0, (await reader.QueueDepthsAsync()).DeliveriesPending);

        var c = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.True(
            (
                await s.Actions.ReplyAsync(
                    brand,
                    c.Id,
                    c.Version,
                    new ConversationActions.ReplyInput("@patmorgan On it.", IsPrivate: false)
                )
            ).Ok
        );
        Assert.Equal(1, (await reader.QueueDepthsAsync()).RepliesQueued);
        platform.StandIn.FailNext(1, 400); // refused for good: shown to agents as failed
        await s.Outbox.SendDueAsync(brand);
        Assert.Equal(new CrossTenantReader.QueueDepths(0, 0, 0, 1, 0, 0, 0), await reader.QueueDepthsAsync());
    }

    [Fact]
    public async Task Two_servers_sending_the_outbox_at_once_send_each_reply_once()
    {
        var (one, two) = (Make(), Make());
        var c = await ArriveAsync(one);
        var reply = await one.Actions.ReplyAsync(
            brand,
            c.Id,
            c.Version,
            new ConversationActions.ReplyInput("@patmorgan Sorry Pat, we're on it.", IsPrivate: false)
        );
        Assert.True(reply.Ok, reply.Error);
        var attempted = await Task.WhenAll(one.Outbox.SendDueAsync(brand), two.Outbox.SendDueAsync(brand));
        Assert.Equal(1, attempted.Sum());
        Assert.Single(platform.StandIn.Requests); // the customer gets one reply
        var sent = await InBrand(x => x.OutboundMessages.AsNoTracking().SingleAsync());
        Assert.Equal((OutboundStatus.Sent, null), (sent.Status, sent.ClaimedUntil));
        Assert.Equal(1, await InBrand(x => x.Posts.CountAsync(p => p.Direction == Direction.Outbound)));
    }

    [Fact]
    public async Task The_outbox_worker_sends_nothing_before_the_application_has_started_and_then_sends_what_is_due()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        Assert.True(
            (
                await s.Actions.ReplyAsync(
                    brand,
                    c.Id,
                    c.Version,
                    new ConversationActions.ReplyInput("@patmorgan On it.", IsPrivate: false)
                )
            ).Ok
        );
        var lifetime = new StartingLifetime();
        var signal = new OutboxSignal();
        using var worker = new OutboxWorker(
            new CrossTenantReader(db.Setup),
            s.Outbox,
            signal,
            Options.Create(new OutboundOptions { PollInterval = TimeSpan.FromMilliseconds(50) }),
            clock,
            lifetime,
            NullLogger<OutboxWorker>.Instance
        );
        await worker.StartAsync(default);
        signal.Pulse();
        // Where replies go is settled when the server listens (the stand-in's own address): until then the worker waits.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(platform.StandIn.Requests);
        lifetime.Start();
        // Sent, and recorded as sent (the worker stores the network's answer just after the stand-in has seen the request).
        var status = OutboundStatus.Queued;
        for (var waited = 0; status != OutboundStatus.Sent && waited < 100; waited++)
        {
            await Task.Delay(100);
            status = await InBrand(x => x.OutboundMessages.AsNoTracking().Select(m => m.Status).SingleAsync());
        }
        Assert.Equal(OutboundStatus.Sent, status);
        Assert.Equal("/x/2/tweets", Assert.Single(platform.StandIn.Requests).Path);
        await worker.StopAsync(default);
    }

    [Fact]
    public async Task A_worker_stopped_before_the_application_started_ends_without_sending()
    {
        var s = Make();
        using var worker = new OutboxWorker(
            new CrossTenantReader(db.Setup),
            s.Outbox,
            new OutboxSignal(),
            Options.Create(new OutboundOptions()),
            clock,
            new StartingLifetime(),
            NullLogger<OutboxWorker>.Instance
        );
        await worker.StartAsync(default);
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // the worker is waiting for the start
        await worker.StopAsync(default);
        // Ended, not hanging and not failed (cancelled when it was stopped before its thread ran).
        Assert.True(worker.ExecuteTask!.IsCompleted && !worker.ExecuteTask.IsFaulted, worker.ExecuteTask.Status.ToString());
        Assert.Empty(platform.StandIn.Requests);
    }

    /// <summary>A host lifetime the test starts by hand.</summary>
    private sealed class StartingLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        private readonly CancellationTokenSource started = new();
        public CancellationToken ApplicationStarted => started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => started.Cancel();

        public void StopApplication() { }
    }

    [Fact]
    public async Task A_reply_another_server_is_sending_waits_and_is_sent_here_once_that_server_s_claim_lapses()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        Assert.True(
            (
                await s.Actions.ReplyAsync(
                    brand,
                    c.Id,
                    c.Version,
                    new ConversationActions.ReplyInput("@patmorgan On it.", IsPrivate: false)
                )
            ).Ok
        );
        // Another server claimed it and stopped before sending.
        await using (var x = db.As(brand))
            await x.OutboundMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, clock.UtcNow + OutboxSender.ClaimFor));
        Assert.Equal(0, await s.Outbox.SendDueAsync(brand));
        Assert.Empty(platform.StandIn.Requests);
        clock.Advance(OutboxSender.ClaimFor + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await s.Outbox.SendDueAsync(brand));
        Assert.Single(platform.StandIn.Requests);
    }

    [Fact]
    public async Task Moving_to_private_answers_in_public_from_the_template_and_continues_by_direct_message()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        var result = await s.Actions.MoveToPrivateAsync(brand, c.Id, c.Version, "Hi Pat, please send your booking reference here.");
        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, await s.Outbox.SendDueAsync(brand));

        var paths = platform.StandIn.Requests.Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(["/x/2/dm_conversations/with/115712/messages", "/x/2/tweets"], paths);
        var publicAck = platform.StandIn.Requests.Single(r => r.Path == "/x/2/tweets");
        Assert.Equal("Hi Pat, we've sent you a DM so we can look at your booking.", publicAck.Body?["text"]?.GetValue<string>());
        var after = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.True(after.HasPrivateMessages);
        Assert.NotNull(after.MovedToPrivateAt);
        Assert.Equal(1, await InBrand(x => x.Conversations.CountAsync())); // one case
    }

    [Fact]
    public async Task Escalation_warns_then_breaches_raises_priority_tells_the_lead_and_is_safe_to_run_twice()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        clock.Set(TweetTime.AddMinutes(46)); // 76 % of the 60-minute first response target
        Assert.Equal(1, (await s.Escalation.RunAsync(brand)).Warnings);
        Assert.Equal(0, (await s.Escalation.RunAsync(brand)).Warnings);

        clock.Set(TweetTime.AddMinutes(61));
        using var metrics = new Agency.Infrastructure.Operations.MetricsCollector();
        var first = await s.Escalation.RunAsync(brand);
        var second = await s.Escalation.RunAsync(brand);
        Assert.Equal((1, 0), (first.Breaches, second.Breaches));
        // Operators see it counted (the counter is the process's: tests running alongside may add more).
        Assert.True(
            metrics
                .Snapshot()
                .Where(m => m.Name == "agency_sla_events_total" && m.Tags.Contains(KeyValuePair.Create("kind", "breach")))
                .Sum(m => m.Value) >= 1
        );

        var after = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.Equal(c.Priority + 1, after.Priority);
        Assert.Equal(2, await InBrand(x => x.SlaEvents.CountAsync()));
        Assert.Equal(1, await InBrand(x => x.Notifications.CountAsync(n => n.UserId == leadUserId && n.Text.StartsWith("Breached"))));
        Assert.Equal(1, await InBrand(x => x.AuditEntries.CountAsync(a => a.Action == AuditAction.Escalated)));
    }

    [Fact]
    public async Task When_a_shift_ends_open_work_goes_to_someone_on_shift_or_back_to_the_queue()
    {
        var s = Make();
        await ArriveAsync(s);
        clock.Set(TweetTime.AddHours(3)); // Ana's shift is over; nobody else is on
        Assert.Equal(1, (await s.Escalation.RunAsync(brand)).Reassigned);
        Assert.Null((await InBrand(x => x.Conversations.AsNoTracking().SingleAsync())).AssignedStaffId);

        await using (var a = db.As(TenantScope.ForAgency(brand.AgencyId!.Value, TenantSource.System)))
        {
            a.Shifts.Add(
                new Shift
                {
                    StaffMemberId = bob,
                    StartsAt = TweetTime.AddHours(2.5),
                    EndsAt = TweetTime.AddHours(10),
                }
            );
            await a.SaveChangesAsync();
        }
        Assert.Equal(1, (await s.Escalation.RunAsync(brand)).Assigned);
        Assert.Equal(bob, (await InBrand(x => x.Conversations.AsNoTracking().SingleAsync())).AssignedStaffId);
    }

    [Fact]
    public async Task A_stale_action_is_refused_and_a_second_reply_is_warned_before_sending()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        Assert.True((await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("First answer", false))).Ok);

        var second = await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("Second answer", false));
        Assert.True(second.Stale);
        Assert.Contains("changed since you opened it", second.Error);
        Assert.True((await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("Second answer", false, SendDespiteChanges: true))).Ok);

        var resolve = await s.Actions.ResolveAsync(brand, c.Id, c.Version);
        Assert.True(resolve.Stale);
        Assert.Equal(ConversationStatus.Open, (await InBrand(x => x.Conversations.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task A_stale_view_names_someone_else_s_reply_never_one_s_own()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        Assert.True((await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("On it", false))).Ok);

        var own = await s.Actions.WaitOnCustomerAsync(brand, c.Id, c.Version);
        Assert.True(own.Stale);
        Assert.DoesNotContain("Ana Silva replied", own.Error, StringComparison.Ordinal);

        var colleague = brand with { UserId = "agent-2", UserName = "Sam Lee" };
        var theirs = await s.Actions.WaitOnCustomerAsync(colleague, c.Id, c.Version);
        Assert.True(theirs.Stale);
        Assert.Contains("Ana Silva replied at", theirs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_long_replies_are_refused_with_the_limit_and_personal_data_in_public_needs_confirmation()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        var tooLong = await s.Actions.ReplyAsync(brand, c.Id, c.Version, new(new string('a', 281), false));
        Assert.Equal("Text", tooLong.Field);
        Assert.Contains("280", tooLong.Error);

        var pd = await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("Call us at pat.morgan@example.com", false));
        Assert.True(pd.NeedsConfirmation);
        Assert.Equal(0, await InBrand(x => x.OutboundMessages.CountAsync()));
        Assert.True(
            (
                await s.Actions.ReplyAsync(
                    brand,
                    c.Id,
                    c.Version,
                    new("Call us at pat.morgan@example.com", false, PersonalDataConfirmed: true)
                )
            ).Ok
        );
    }

    [Fact]
    public async Task A_send_that_fails_is_retried_and_a_permanent_failure_is_shown_and_can_be_retried()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        await s.Actions.ReplyAsync(brand, c.Id, c.Version, new("On it", false));
        platform.StandIn.FailNext(1, 503);
        await s.Outbox.SendDueAsync(brand);
        var waiting = await InBrand(x => x.OutboundMessages.AsNoTracking().SingleAsync());
        Assert.Equal((OutboundStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("503", waiting.LastError);
        Assert.Equal(0, await s.Outbox.SendDueAsync(brand)); // not due yet
        clock.Advance(TimeSpan.FromMinutes(1));
        await s.Outbox.SendDueAsync(brand);
        Assert.Equal(OutboundStatus.Sent, (await InBrand(x => x.OutboundMessages.AsNoTracking().SingleAsync())).Status);

        var again = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        await s.Actions.ReplyAsync(brand, c.Id, again.Version, new("More", false));
        platform.StandIn.FailNext(1, 400);
        await s.Outbox.SendDueAsync(brand);
        var failed = await InBrand(x => x.OutboundMessages.AsNoTracking().SingleAsync(m => m.Text == "More"));
        Assert.Equal(OutboundStatus.Failed, failed.Status);
        Assert.True((await s.Actions.RetryAsync(brand, failed.Id)).Ok);
        await s.Outbox.SendDueAsync(brand);
        Assert.Equal(
            OutboundStatus.Sent,
            (await InBrand(x => x.OutboundMessages.AsNoTracking().SingleAsync(m => m.Text == "More"))).Status
        );
    }

    [Fact]
    public async Task Service_sends_a_non_service_item_back_with_a_reason_and_marketing_can_forward_by_hand()
    {
        var s = Make();
        var c = await ArriveAsync(s);
        Assert.Equal("Reason", (await s.Actions.SendBackAsync(brand, c.Id, c.Version, " ")).Field);
        Assert.True((await s.Actions.SendBackAsync(brand, c.Id, c.Version, "Campaign feedback, not a service question")).Ok);
        var back = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.Equal((null, null, "Campaign feedback, not a service question"), (back.TeamId, back.AssignedStaffId, back.SentBackReason));
        Assert.Null(back.DueAt);

        Assert.True((await s.Actions.ForwardAsync(brand, c.Id)).Ok);
        var forwarded = await InBrand(x => x.Conversations.AsNoTracking().SingleAsync());
        Assert.NotNull(forwarded.TeamId);
        Assert.Equal(ana, forwarded.AssignedStaffId);
        Assert.Equal(TweetTime.AddMinutes(60), forwarded.FirstResponseDueAt);
    }

    [Fact]
    public async Task Another_agency_cannot_read_this_agency_s_queue_even_naming_its_brands()
    {
        var s = Make();
        await ArriveAsync(s);
        var reader = new AgencyWideReader(db.Setup);
        var (mine, total) = await reader.InboxAsync(brand.AgencyId!.Value, new InboxQuery([brand.BrandId!.Value]));
        Assert.Equal(1, total);
        Assert.Single(mine);
        var (theirs, theirTotal) = await reader.InboxAsync(Guid.NewGuid(), new InboxQuery([brand.BrandId!.Value]));
        Assert.Equal(0, theirTotal);
        Assert.Empty(theirs);
        var (otherBrand, _) = await reader.InboxAsync(brand.AgencyId!.Value, new InboxQuery([Guid.NewGuid()]));
        Assert.Empty(otherBrand);
    }

    [Fact]
    public async Task A_queue_longer_than_the_cap_is_counted_as_the_cap_and_still_paged()
    {
        await using (var x = db.As(brand))
        {
            for (var i = 0; i < AgencyWideReader.CountCap + 5; i++)
                x.Conversations.Add(
                    new Conversation
                    {
                        ChannelAccountId = accountId,
                        Network = Network.X,
                        CustomerExternalId = $"c{i}",
                        StartedAt = TweetTime.AddSeconds(i),
                        LastActivityAt = TweetTime.AddSeconds(i),
                        Queue = QueueState.In,
                    }
                );
            await x.SaveChangesAsync();
        }
        var reader = new AgencyWideReader(db.Setup);
        var (page, total) = await reader.InboxAsync(brand.AgencyId!.Value, new InboxQuery([brand.BrandId!.Value], Skip: 1000, Take: 25));
        Assert.Equal(AgencyWideReader.CountCap, total);
        Assert.Equal(5, page.Count);
        var (small, few) = await reader.InboxAsync(
            brand.AgencyId!.Value,
            new InboxQuery([brand.BrandId!.Value], Network: Network.Facebook)
        );
        Assert.Equal(0, few);
        Assert.Empty(small);
    }

    [Fact]
    public async Task The_inbox_count_stops_at_the_cap_without_sorting_the_queue()
    {
        // An ORDER BY under the cap makes the database read and sort every matching row first (issue 26: p95 400 ms at 1M).
        var log = new SqlLog();
        using var factory = log.Factory();
        var reader = new AgencyWideReader(DatabaseSetup.Build(db.Options, factory));
        await reader.InboxAsync(brand.AgencyId!.Value, new InboxQuery([brand.BrandId!.Value]));
        var count = Assert.Single(log.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("ORDER BY", count, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("LIMIT", count, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteWorkflow() : WorkflowSuite(DatabaseProvider.Sqlite);

public sealed class PostgresWorkflow() : WorkflowSuite(DatabaseProvider.Postgres);
