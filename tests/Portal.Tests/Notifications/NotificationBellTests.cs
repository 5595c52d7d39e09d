using Agency.Domain.Conversations;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Inbox;
using Agency.Portal.Features.Notifications;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Notifications;

/// <summary>The bell opens (issue 26: its custom activator did nothing) and shows what the person was told.</summary>
public class NotificationBellTests : ComponentTestBase
{
    public NotificationBellTests() => AddInboxServices();

    protected override async Task SeedAsync()
    {
        await using var db = Setup.Create(Tenant.Current);
        db.Notifications.Add(
            new Notification
            {
                UserId = "u1",
                Text = "SLA breached: @ada on Acme",
                Link = "b/acme/inbox",
                CreatedAt = DateTime.UtcNow.AddMinutes(-3),
                Key = "breach-1",
            }
        );
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Clicking_the_bell_opens_the_notifications_and_marks_them_read()
    {
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        var button = bell.Find("button[aria-label^='Notifications']");
        Assert.Equal("Notifications, 1 unread", button.GetAttribute("aria-label"));

        await button.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        popovers.WaitForAssertion(() => Assert.Contains("SLA breached: @ada on Acme", popovers.Markup, StringComparison.Ordinal));
        await using var db = Setup.Create(Tenant.Current);
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.ReadAt == null));
    }
}
