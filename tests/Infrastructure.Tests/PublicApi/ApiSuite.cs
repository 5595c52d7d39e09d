using Agency.Domain.Auditing;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.PublicApi;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.PublicApi;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.PublicApi;

/// <summary>The REST API's keys and reads on a real database: a key opens its own brand only, and paging sees every change once.</summary>
public abstract class ApiSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase db = default!;
    private ManualClock clock = default!;
    private TenantScope acme = default!,
        globex = default!,
        stranger = default!;
    private readonly List<Guid> acmeConversations = [];
    private Guid globexConversation,
        strangerConversation;
    private string acmeKey = "",
        strangerKey = "";

    // Conversations are stamped by the system clock when saved; the feed is read without waiting for changes to settle, but where said.
    private BrandApi Api =>
        new(db.Setup, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ApiOptions { SettleSeconds = 0 }));
    private ApiKeyAuthenticator Keys => new(new CrossTenantReader(db.Setup), db.Setup, clock);

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        clock = new ManualClock(Now);
        var a = new AgencyAccount { Name = "A", Slug = "a" };
        var b = new AgencyAccount { Name = "B", Slug = "b" };
        await using (var g = db.As(TenantScope.None))
        {
            g.Agencies.AddRange(a, b);
            await g.SaveChangesAsync();
        }
        var agencyA = TenantScope.ForAgency(a.Id, TenantSource.User, "u1", "Hannah");
        var brandA = new Brand
        {
            Name = "Acme",
            Slug = "acme",
            TimeZoneId = "Europe/London",
            CreatedAt = Now,
        };
        var brandG = new Brand
        {
            Name = "Globex",
            Slug = "globex",
            TimeZoneId = "Europe/London",
            CreatedAt = Now,
        };
        // The other agency's brand has the same slug: only the key tells them apart.
        var brandS = new Brand
        {
            Name = "Acme B",
            Slug = "acme",
            TimeZoneId = "Europe/London",
            CreatedAt = Now,
        };
        await using (var x = db.As(agencyA))
        {
            x.Brands.AddRange(brandA, brandG);
            await x.SaveChangesAsync();
        }
        await using (var x = db.As(TenantScope.ForAgency(b.Id, TenantSource.User, "u2", "Bo")))
        {
            x.Brands.Add(brandS);
            await x.SaveChangesAsync();
        }
        acme = agencyA.WithBrand(brandA.Id);
        globex = agencyA.WithBrand(brandG.Id);
        stranger = TenantScope.ForBrand(b.Id, brandS.Id, TenantSource.User, "u2", "Bo");

        // Acme: seven conversations, three of them with the same last activity (the cursor must still pass each once).
        var minutes = new[] { 0, 10, 10, 10, 20, 30, 40 };
        await using (var x = db.As(acme))
        {
            var x1 = new ChannelAccount
            {
                Network = Network.X,
                Handle = "acme",
                ExternalAccountId = "1",
                Department = Department.Service,
            };
            var fb = new ChannelAccount
            {
                Network = Network.Facebook,
                Handle = "acmepage",
                ExternalAccountId = "2",
                Department = Department.Marketing,
            };
            x.ChannelAccounts.AddRange(x1, fb);
            for (var i = 0; i < minutes.Length; i++)
            {
                var account = i == 6 ? fb : x1;
                var at = Now.AddHours(-2).AddMinutes(minutes[i]);
                var c = new Conversation
                {
                    ChannelAccountId = account.Id,
                    Network = account.Network,
                    Department = account.Department,
                    CustomerExternalId = $"c{i}",
                    CustomerHandle = $"cust{i}",
                    StartedAt = at.AddMinutes(-5),
                    LastActivityAt = at,
                    Status = i == 0 ? ConversationStatus.Resolved : ConversationStatus.Open,
                    InboundCount = 1,
                };
                x.Conversations.Add(c);
                x.Posts.Add(
                    new Post
                    {
                        ChannelAccountId = account.Id,
                        ConversationId = c.Id,
                        ExternalId = $"p{i}",
                        AuthorExternalId = $"c{i}",
                        Text = $"question {i}",
                        CreatedAt = at.AddMinutes(-5),
                        ReceivedAt = at,
                        Direction = Direction.Inbound,
                    }
                );
                x.Posts.Add(
                    new Post
                    {
                        ChannelAccountId = account.Id,
                        ConversationId = c.Id,
                        ExternalId = $"r{i}",
                        AuthorExternalId = "1",
                        Text = $"answer {i}",
                        CreatedAt = at,
                        ReceivedAt = at,
                        Direction = Direction.Outbound,
                    }
                );
                x.ConversationNotes.Add(
                    new ConversationNote
                    {
                        ConversationId = c.Id,
                        AuthorName = "Sam",
                        Text = "internal only",
                        CreatedAt = at,
                    }
                );
                acmeConversations.Add(c.Id);
            }
            var (key, secret) = ApiKey.Issue("CRM sync", Now, "Hannah");
            x.ApiKeys.Add(key);
            acmeKey = secret;
            await x.SaveChangesAsync();
        }
        globexConversation = await OneConversationAsync(globex);
        strangerConversation = await OneConversationAsync(stranger);
        // The stranger's key shares the acme key's public prefix: the hash alone must tell them apart.
        await using (var x = db.As(stranger))
        {
            var prefix = ApiKey.PrefixOf(acmeKey)!;
            strangerKey = $"agk_{prefix}_{new string('s', 43)}";
            x.ApiKeys.Add(
                new ApiKey
                {
                    Name = "BI",
                    Prefix = prefix,
                    SecretHash = ApiKey.Hash(strangerKey),
                    CreatedAt = Now,
                }
            );
            await x.SaveChangesAsync();
        }
    }

    private async Task<Guid> OneConversationAsync(TenantScope brand)
    {
        await using var x = db.As(brand);
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "other",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        var c = new Conversation
        {
            ChannelAccountId = account.Id,
            Network = Network.X,
            CustomerExternalId = "c0",
            StartedAt = Now.AddHours(-1),
            LastActivityAt = Now.AddHours(-1),
        };
        x.ChannelAccounts.Add(account);
        x.Conversations.Add(c);
        x.Posts.Add(
            new Post
            {
                ChannelAccountId = account.Id,
                ConversationId = c.Id,
                ExternalId = "p0",
                AuthorExternalId = "c0",
                Text = "not yours",
                CreatedAt = Now.AddHours(-1),
                ReceivedAt = Now.AddHours(-1),
                Direction = Direction.Inbound,
            }
        );
        await x.SaveChangesAsync();
        return c.Id;
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_key_opens_its_own_brand_and_a_key_with_the_same_prefix_opens_only_its_own()
    {
        var mine = await Keys.AuthenticateAsync(acmeKey);
        Assert.NotNull(mine);
        Assert.Equal((acme.AgencyId, acme.BrandId), (mine.AgencyId, (Guid?)mine.BrandId));
        Assert.Equal(TenantSource.ApiKey, mine.Scope.Source);

        var theirs = await Keys.AuthenticateAsync(strangerKey);
        Assert.NotNull(theirs);
        Assert.Equal(stranger.BrandId, theirs.BrandId);

        Assert.Null(await Keys.AuthenticateAsync(acmeKey[..^1] + (acmeKey[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await Keys.AuthenticateAsync("agk_" + new string('x', 50)));
        Assert.Null(await Keys.AuthenticateAsync(null));
        Assert.Null(await Keys.AuthenticateAsync(""));
    }

    [Fact]
    public async Task A_revoked_key_or_an_archived_brand_opens_nothing()
    {
        await using (var x = db.As(acme))
        {
            var key = await x.ApiKeys.SingleAsync();
            key.Revoke(Now, "Hannah");
            await x.SaveChangesAsync();
        }
        Assert.Null(await Keys.AuthenticateAsync(acmeKey));

        await using (var x = db.As(stranger))
        {
            var brand = await x.Brands.SingleAsync(b => b.Id == stranger.BrandId);
            brand.IsArchived = true;
            await x.SaveChangesAsync();
        }
        Assert.Null(await Keys.AuthenticateAsync(strangerKey));
    }

    [Fact]
    public async Task Use_is_kept_to_the_minute_and_stays_out_of_the_audit_log_while_making_and_revoking_are_in_it()
    {
        await Keys.AuthenticateAsync(acmeKey);
        clock.Advance(TimeSpan.FromSeconds(30));
        await Keys.AuthenticateAsync(acmeKey);
        await using (var x = db.As(acme))
        {
            Assert.Equal(Now, (await x.ApiKeys.SingleAsync()).LastUsedAt);
        }
        clock.Advance(TimeSpan.FromMinutes(2));
        await Keys.AuthenticateAsync(acmeKey);
        await using (var x = db.As(acme))
        {
            var key = await x.ApiKeys.SingleAsync();
            Assert.Equal(clock.GetUtcNow().UtcDateTime, key.LastUsedAt);
            key.Revoke(clock.GetUtcNow().UtcDateTime, "Hannah");
            await x.SaveChangesAsync();
        }
        await using var audit = db.As(TenantScope.ForAgency(acme.AgencyId!.Value, TenantSource.User));
        var entries = await audit.AuditEntries.Where(e => e.EntityType == nameof(ApiKey)).OrderBy(e => e.At).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.DoesNotContain("SecretHash", entries[0].After!, StringComparison.Ordinal);
        Assert.Contains("CRM sync", entries[0].After!, StringComparison.Ordinal);
        Assert.Contains("RevokedAt", entries[1].After!, StringComparison.Ordinal);
        Assert.DoesNotContain("LastUsedAt", entries[1].After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_follow_the_last_change_and_pass_every_conversation_once_even_when_all_share_an_instant()
    {
        var seen = new List<Guid>();
        var pages = new List<int>();
        ApiCursor? after = null;
        for (var guard = 0; guard < 10; guard++)
        {
            var page = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, after, 3));
            pages.Add(page.Items.Count);
            seen.AddRange(page.Items.Select(c => c.Id));
            after = ApiCursor.Decode(page.Next);
            if (!page.HasMore)
                break;
        }
        Assert.Equal([3, 3, 1], pages);
        Assert.Equal(acmeConversations.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // Later: only what changed since the last page (a resolve changes no message, and still counts).
        await using (var x = db.As(acme))
        {
            var c = await x.Conversations.SingleAsync(c => c.Id == acmeConversations[2]);
            c.Resolve(Now);
            await x.SaveChangesAsync();
        }
        var later = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, after, 50));
        Assert.Equal([acmeConversations[2]], later.Items.Select(c => c.Id));
        Assert.False(later.HasMore);
        var nothing = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, ApiCursor.Decode(later.Next), 50));
        Assert.Empty(nothing.Items);
        Assert.Equal(later.Next, nothing.Next);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_state_network_and_time()
    {
        var resolved = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, ConversationStatus.Resolved, null, null, 50));
        Assert.Equal([acmeConversations[0]], resolved.Items.Select(c => c.Id));
        var facebook = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, Network.Facebook, null, 50));
        Assert.Equal([acmeConversations[6]], facebook.Items.Select(c => c.Id));
        Assert.Equal(Department.Marketing, facebook.Items[0].AccountDepartment);
        var mark = DateTime.UtcNow;
        await using (var x = db.As(acme))
        {
            (await x.Conversations.SingleAsync(c => c.Id == acmeConversations[5])).Priority = Domain.Routing.Priority.High;
            await x.SaveChangesAsync();
        }
        var recent = await Api.ConversationsAsync(acme, new ApiConversationQuery(mark, null, null, null, 50));
        Assert.Equal([acmeConversations[5]], recent.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_change_younger_than_the_settle_time_waits_for_the_next_call()
    {
        var patient = new BrandApi(
            db.Setup,
            TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new ApiOptions { SettleSeconds = 3600 })
        );
        Assert.Empty((await patient.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, null, 50))).Items);
        Assert.Equal(7, (await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, null, 50))).Items.Count);
    }

    [Fact]
    public async Task A_brand_reads_nothing_of_another_brand_or_agency()
    {
        var all = await Api.ConversationsAsync(acme, new ApiConversationQuery(null, null, null, null, 200));
        Assert.DoesNotContain(globexConversation, all.Items.Select(c => c.Id));
        Assert.DoesNotContain(strangerConversation, all.Items.Select(c => c.Id));
        Assert.Null(await Api.ConversationAsync(acme, globexConversation));
        Assert.Null(await Api.ConversationAsync(acme, strangerConversation));
        Assert.NotNull(await Api.ConversationAsync(stranger, strangerConversation));
        var brand = await Api.BrandAsync(acme);
        Assert.Equal("Acme", brand.Name);
        Assert.Equal(["acme", "acmepage"], brand.Accounts.Select(a => a.Handle).Order());
    }

    [Fact]
    public async Task A_conversation_gives_its_messages_in_order_without_internal_notes()
    {
        var detail = await Api.ConversationAsync(acme, acmeConversations[3]);
        Assert.NotNull(detail);
        Assert.Equal(["question 3", "answer 3"], detail.Messages.Select(m => m.Text));
        Assert.Equal([Direction.Inbound, Direction.Outbound], detail.Messages.Select(m => m.Direction));
        Assert.Equal("cust3", detail.Conversation.Customer.Handle);
        Assert.DoesNotContain(detail.Messages, m => m.Text.Contains("internal", StringComparison.Ordinal));
    }
}

public sealed class SqliteApi() : ApiSuite(DatabaseProvider.Sqlite);

public sealed class PostgresApi() : ApiSuite(DatabaseProvider.Postgres);
