using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Staff;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;
using Agency.Portal.Features.Inbox;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Inbox;

/// <summary>The workspace header counts what the list shows from the first load (issue 26: "0 conversation(s)" above three).</summary>
public class InboxPageTests : ComponentTestBase
{
    private Brand brand = default!;

    public InboxPageTests() => AddInboxServices();

    protected override async Task SeedAsync()
    {
        brand = await AddBrandAsync();
        await using var db = Setup.Create(Tenant.Current);
        var me = new StaffMember
        {
            Name = "Test Admin",
            Email = "admin@example.com",
            UserId = "u1",
        };
        var account = new ChannelAccount
        {
            Network = Network.X,
            Handle = "acme",
            ExternalAccountId = "1",
            Department = Department.Service,
        };
        db.StaffMembers.Add(me);
        db.ChannelAccounts.Add(account);
        for (var i = 0; i < 3; i++)
            db.Conversations.Add(
                new Conversation
                {
                    ChannelAccountId = account.Id,
                    Network = Network.X,
                    CustomerExternalId = $"c{i}",
                    CustomerHandle = $"customer{i}",
                    StartedAt = DateTime.UtcNow.AddMinutes(-10 - i),
                    LastActivityAt = DateTime.UtcNow.AddMinutes(-10 - i),
                    Queue = QueueState.In,
                    AssignedStaffId = me.Id,
                }
            );
        await db.SaveChangesAsync();
    }

    [Fact]
    public void The_header_counts_the_conversations_listed_on_first_load()
    {
        Render<MudPopoverProvider>();
        var cut = RenderAsAdmin<InboxPage>(brand);
        cut.WaitForAssertion(() =>
            Assert.Equal(3, cut.FindAll("tr.mud-table-row").Count(r => r.TextContent.Contains("customer", StringComparison.Ordinal)))
        );
        cut.WaitForAssertion(() => Assert.Contains("3 conversation(s)", cut.Markup, StringComparison.Ordinal));
    }
}
