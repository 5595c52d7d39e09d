using System.Net;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Agency.Portal.Tests.Http;

/// <summary>An agency admin enrolled in TOTP needs the code at every sign-in and cannot turn it off.</summary>
public sealed class TwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Email = "secure-admin@northbeam.example";
    private const string Password = "Secure-admin-2026";

    private async Task<string> EnrolledAdminAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var existing = await users.FindByEmailAsync(Email);
        if (existing is not null)
            return (await users.GetAuthenticatorKeyAsync(existing))!;
        await using var db = scope.ServiceProvider.GetRequiredService<DatabaseSetup>().Create(TenantScope.None);
        var agency = (await db.Agencies.SingleAsync(a => a.Slug == DemoData.AgencySlug)).Id;
        var user = new ApplicationUser
        {
            UserName = Email,
            Email = Email,
            DisplayName = "Secure Admin",
            AgencyId = agency,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.AgencyAdmin);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    [Fact]
    public async Task The_password_alone_is_not_enough_and_the_code_completes_sign_in()
    {
        var key = await EnrolledAdminAsync();
        var client = factory.Anonymous();
        var first = await PortalFactory.PostLoginAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("/Account/LoginWith2fa", first.Headers.Location!.ToString());

        // Before the code, the admin pages stay closed.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/brands")).StatusCode);

        var page = await client.GetStringAsync(first.Headers.Location);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var second = await client.PostAsync(
            first.Headers.Location,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = PortalFactory.Antiforgery(page),
                    ["_handler"] = "login-with-2fa",
                    ["Input.TwoFactorCode"] = code,
                    ["Input.RememberMachine"] = "false",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/brands")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused()
    {
        await EnrolledAdminAsync();
        var client = factory.Anonymous();
        var first = await PortalFactory.PostLoginAsync(client, Email, Password);
        var page = await client.GetStringAsync(first.Headers.Location);
        var second = await client.PostAsync(
            first.Headers.Location,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = PortalFactory.Antiforgery(page),
                    ["_handler"] = "login-with-2fa",
                    ["Input.TwoFactorCode"] = "000000",
                }
            )
        );
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Invalid authenticator code", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/brands")).StatusCode);
    }

    [Fact]
    public async Task Opening_the_code_page_directly_goes_back_to_sign_in()
    {
        var response = await factory.Anonymous().GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }
}
