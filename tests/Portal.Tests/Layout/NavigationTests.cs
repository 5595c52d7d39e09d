using System.Security.Claims;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Layout;
using Agency.Portal.Components.Shared;
using Agency.Portal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Agency.Portal.Tests.Layout;

public sealed class NavigationTests : ComponentTestBase
{
    private static readonly BrandAccess Apple = new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "apple",
        "Apple Support",
        "#555555",
        "America/Los_Angeles",
        false,
        BrandRole.Service
    );
    private static readonly BrandAccess Delta = new(
        Apple.AgencyId,
        Guid.NewGuid(),
        "delta",
        "Delta Air Lines",
        "#C8102E",
        "America/New_York",
        false,
        BrandRole.BrandManager
    );
    private static readonly BrandAccess Amazon = new(
        Apple.AgencyId,
        Guid.NewGuid(),
        "amazon",
        "Amazon Help",
        "#FF9900",
        "America/Los_Angeles",
        false,
        BrandRole.Service
    );

    private static PortalContext As(UserRole role, params BrandAccess[] brands) =>
        new(
            new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role.ToString())], "test")
            ),
            [role],
            brands,
            null
        );

    private IRenderedComponent<CascadingValue<PortalContext>> RenderMenu(PortalContext context) =>
        Render<CascadingValue<PortalContext>>(p => p.Add(x => x.Value, context).AddChildContent<NavMenu>());

    [Fact]
    public void An_agency_admin_sees_the_administration()
    {
        var cut = RenderMenu(As(UserRole.AgencyAdmin, Apple, Delta));
        foreach (var item in new[] { "Start", "Brands", "Staff", "Teams", "Users & invitations", "Audit log" })
            Assert.Contains(cut.FindAll("a"), a => a.TextContent.Trim() == item);
    }

    [Theory]
    [InlineData(UserRole.AgencyAdmin)]
    [InlineData(UserRole.Scheduler)]
    [InlineData(UserRole.TeamLead)]
    public void Those_who_plan_shifts_find_the_contracts(UserRole role)
    {
        var cut = RenderMenu(As(role, Apple));
        Assert.Contains(cut.FindAll("a"), a => a.TextContent.Trim() == "Contracts" && a.GetAttribute("href") == "shifts/contracts");
    }

    [Fact]
    public void A_brand_manager_sees_only_their_brand()
    {
        var cut = RenderMenu(As(UserRole.BrandManager, Delta));
        var links = cut.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Delta Air Lines", links);
        Assert.DoesNotContain("Start", links);
        Assert.DoesNotContain("Brands", links);
        Assert.DoesNotContain("Audit log", links);
    }

    [Fact]
    public void An_agent_sees_no_administration()
    {
        var cut = RenderMenu(As(UserRole.Agent, Apple));
        var links = cut.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Start", links);
        Assert.DoesNotContain("Staff", links);
        Assert.DoesNotContain("Users & invitations", links);
    }

    [Fact]
    public void The_brand_switcher_lists_the_user_s_brands_and_goes_to_the_chosen_one()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<BrandSwitcher>(p => p.Add(x => x.Brands, [Amazon, Apple, Delta]).Add(x => x.Current, Apple));
        cut.Find("div.mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(3, popovers.FindAll(".mud-list-item").Count));
        var names = popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["Amazon Help", "Apple Support", "Delta Air Lines"], names);
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Delta")).Click();
        Assert.EndsWith("/b/delta", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_brand_switcher_is_not_shown_when_there_is_no_choice()
    {
        var cut = Render<BrandSwitcher>(p => p.Add(x => x.Brands, [Delta]).Add(x => x.Current, Delta));
        Assert.Empty(cut.FindAll("div.mud-select"));
    }
}
