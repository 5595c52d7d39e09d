using System.Net;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Http;

/// <summary>Who may open which page, over real HTTP with the real sign-in cookie.</summary>
public sealed class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/brands")]
    [InlineData("/admin/audit")]
    [InlineData("/b/apple")]
    [InlineData("/b/no-such-brand")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_demo_users_in_development()
    {
        var html = await factory.Anonymous().GetStringAsync("/Account/Login");
        Assert.Contains("admin@northbeam.example", html);
        Assert.Contains("brandmanager@northbeam.example", html);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_sign_in()
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("migrations applied", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/b/apple")]
    [InlineData("/b/amazon")]
    [InlineData("/b/british-airways")]
    [InlineData("/b/no-such-brand")]
    [InlineData("/b/apple/logo")]
    public async Task A_brand_manager_of_Delta_gets_404_for_every_other_brand(string path)
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_brand_manager_sees_their_own_brand()
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var response = await client.GetAsync("/b/delta");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Delta Air Lines", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/brands")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task A_brand_manager_cannot_open_agency_administration(string path)
    {
        var client = await factory.SignInAsync("brandmanager@northbeam.example");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_without_a_membership_gets_404_for_that_brand()
    {
        var client = await factory.SignInAsync("agent@northbeam.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/b/british-airways")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/b/delta")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/b/apple")).StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_enters_every_brand_and_the_administration()
    {
        var client = await factory.SignInAsync("admin@northbeam.example");
        foreach (var slug in new[] { "apple", "amazon", "delta", "british-airways" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/b/{slug}")).StatusCode);
        var brands = await client.GetStringAsync("/admin/brands");
        Assert.Contains("British Airways", brands);
    }

    [Fact]
    public async Task The_same_slug_in_another_agency_is_that_agency_s_own_brand()
    {
        // A rival agency with a brand also called "apple" and a user of its own.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var rival = new AgencyAccount
            {
                Name = "Rival Care",
                Slug = "rival-http",
                CreatedAt = DateTime.UtcNow,
            };
            await using (var db = setup.Create(TenantScope.None))
            {
                db.Agencies.Add(rival);
                await db.SaveChangesAsync();
            }
            await using (var db = setup.Create(TenantScope.ForAgency(rival.Id, TenantSource.System)))
            {
                db.Brands.Add(
                    new Brand
                    {
                        Name = "Rival Apple Fans",
                        Slug = "apple",
                        TimeZoneId = "UTC",
                    }
                );
                await db.SaveChangesAsync();
            }
            var user = new ApplicationUser
            {
                UserName = "owner@rival.example",
                Email = "owner@rival.example",
                DisplayName = "Rita",
                AgencyId = rival.Id,
            };
            Assert.True((await users.CreateAsync(user, "Rival-pass-2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.AgencyAdmin)).Succeeded);
        }

        var rivalClient = await factory.SignInAsync("owner@rival.example", "Rival-pass-2026");
        var rivalPage = await rivalClient.GetStringAsync("/b/apple");
        Assert.Contains("Rival Apple Fans", rivalPage);
        Assert.DoesNotContain("Apple Support", rivalPage);
        Assert.Equal(HttpStatusCode.NotFound, (await rivalClient.GetAsync("/b/delta")).StatusCode);
        var rivalBrands = await rivalClient.GetStringAsync("/admin/brands");
        Assert.DoesNotContain("Delta Air Lines", rivalBrands);

        var admin = await factory.SignInAsync("admin@northbeam.example");
        var ours = await admin.GetStringAsync("/b/apple");
        Assert.Contains("Apple Support", ours);
        Assert.DoesNotContain("Rival Apple Fans", ours);
    }

    [Fact]
    public async Task An_unknown_page_is_404()
    {
        var client = await factory.SignInAsync("admin@northbeam.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no/such/page")).StatusCode);
    }
}
