using System.Net;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Identity;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Portal.Tests.Http;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_wrong_password_is_told_plainly()
    {
        var client = factory.Anonymous();
        var response = await PortalFactory.PostLoginAsync(client, "agent@northbeam.example", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not correct.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_form_gets_field_messages_not_an_error()
    {
        var client = factory.Anonymous();
        var response = await PortalFactory.PostLoginAsync(client, "", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your email address.", html);
        Assert.Contains("Enter your password.", html);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_user_is_told()
    {
        const string email = "locked@northbeam.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var agency = await AgencyIdAsync(scope.ServiceProvider);
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                DisplayName = "Lou",
                AgencyId = agency,
            };
            Assert.True((await users.CreateAsync(user, "Locked-pass-2026")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Agent);
        }

        var client = factory.Anonymous();
        HttpResponseMessage last = default!;
        for (var i = 0; i < 5; i++)
            last = await PortalFactory.PostLoginAsync(client, email, "not-the-password");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/Account/Lockout", PathOf(last.Headers.Location!));

        // Even the right password is refused while locked.
        var right = await PortalFactory.PostLoginAsync(client, email, "Locked-pass-2026");
        Assert.Equal("/Account/Lockout", PathOf(right.Headers.Location!));
        var page = await client.GetStringAsync("/Account/Lockout");
        Assert.Contains("This account is locked", page);
    }

    [Fact]
    public async Task An_invitation_link_creates_the_user_with_role_and_brands()
    {
        string token;
        Guid agency;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            agency = await AgencyIdAsync(scope.ServiceProvider);
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.Set(TenantScope.ForAgency(agency, TenantSource.User, userName: "Priya Raman"));
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            Guid delta;
            await using (var db = setup.Create(tenant.Current))
                delta = (await db.Brands.SingleAsync(b => b.Slug == "delta")).Id;
            var create = scope.ServiceProvider.GetRequiredService<CreateInvitation>();
            var result = await create.HandleAsync(
                new InvitationInput
                {
                    Email = "Nina@Northbeam.example",
                    DisplayName = "Nina Park",
                    Role = UserRole.Agent,
                    BrandIds = [delta],
                },
                "http://localhost/"
            );
            Assert.True(result.Succeeded);
            token = result.Value!.Token;
        }

        var client = factory.Anonymous();
        var page = await client.GetStringAsync($"/Account/Invitation?token={Uri.EscapeDataString(token)}");
        Assert.Contains("Welcome, Nina Park", page);

        var mismatch = await PostAcceptAsync(client, page, token, "Nina-pass-2026", "Other-pass-2026");
        Assert.Contains("The two passwords do not match.", await mismatch.Content.ReadAsStringAsync());

        var accepted = await PostAcceptAsync(client, page, token, "Nina-pass-2026", "Nina-pass-2026");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/b/delta")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/b/apple")).StatusCode);

        // The link works once.
        var again = await factory.Anonymous().GetStringAsync($"/Account/Invitation?token={Uri.EscapeDataString(token)}");
        Assert.Contains("This invitation link is not valid", again);
    }

    [Fact]
    public async Task A_made_up_invitation_token_is_refused_politely()
    {
        var response = await factory.Anonymous().GetAsync("/Account/Invitation?token=made-up");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This invitation link is not valid", await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostAcceptAsync(
        HttpClient client,
        string page,
        string token,
        string password,
        string confirm
    ) =>
        client.PostAsync(
            "/Account/Invitation",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = PortalFactory.Antiforgery(page),
                    ["_handler"] = "accept-invitation",
                    ["token"] = token,
                    ["Input.Password"] = password,
                    ["Input.ConfirmPassword"] = confirm,
                }
            )
        );

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.TrimStart('~');

    private static async Task<Guid> AgencyIdAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None);
        return (await db.Agencies.SingleAsync(a => a.Slug == DemoData.AgencySlug)).Id;
    }
}

/// <summary>A portal whose database connections give up on a lock after 2 s (production waits 30).</summary>
public sealed class ImpatientPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabaseFile};Default Timeout=2");
    }
}

public sealed class BusyDatabaseSignInTests(ImpatientPortalFactory factory) : IClassFixture<ImpatientPortalFactory>
{
    [Fact]
    public async Task Someone_signs_in_while_another_writer_holds_the_database_and_only_the_last_sign_in_time_waits()
    {
        var client = factory.Anonymous();
        var page = await client.GetStringAsync("/Account/Login");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (await SqliteLock.HoldAsync($"Data Source={factory.DatabaseFile}"))
        {
            var response = await client.PostAsync(
                "/Account/Login",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = PortalFactory.Antiforgery(page),
                        ["_handler"] = "login",
                        ["Input.Email"] = "agent@northbeam.example",
                        ["Input.Password"] = DemoData.Password,
                    }
                )
            );
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            // The database's own lock timeout is 30 s; the sign-in gives up on its bookkeeping after 2.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"The sign-in took {watch.Elapsed}.");
        }

        await using (var db = factory.Services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None))
            Assert.Null((await db.Users.SingleAsync(u => u.Email == "agent@northbeam.example")).LastSignInAt);

        // With the database free again, the next sign-in is recorded.
        await factory.SignInAsync("agent@northbeam.example");
        await using var after = factory.Services.GetRequiredService<DatabaseSetup>().Create(TenantScope.None);
        Assert.NotNull((await after.Users.SingleAsync(u => u.Email == "agent@northbeam.example")).LastSignInAt);
    }
}
