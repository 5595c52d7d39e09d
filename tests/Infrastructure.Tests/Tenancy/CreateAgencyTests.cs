using Agency.Domain.Common;
using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Tenancy;

public abstract class CreateAgencySuite(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Creates_the_agency_and_a_pending_admin_invitation_in_it()
    {
        var created = await new CreateAgency(db.Setup, TimeProvider.System).HandleAsync(
            "Harbour Care",
            "harbour",
            "Boss@Harbour.example",
            "Ada Boss",
            "Europe/Dublin"
        );
        await using var ctx = db.As(TenantScope.ForAgency(created.AgencyId, TenantSource.System));
        var invitation = await ctx.Invitations.SingleAsync();
        Assert.Equal("boss@harbour.example", invitation.Email);
        Assert.Equal(UserRole.AgencyAdmin, invitation.Role);
        Assert.Equal(Invitation.Hash(created.InvitationToken), invitation.TokenHash);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(DateTime.UtcNow));
        await using var none = db.As(TenantScope.None);
        Assert.Equal("Europe/Dublin", (await none.Agencies.SingleAsync(a => a.Id == created.AgencyId)).DefaultTimeZone);
    }

    [Theory]
    [InlineData("Name", "Not A Slug", "a@b.example", "Ada", "Europe/London", "not a valid slug")]
    [InlineData("Name", "ok", "a@b.example", "Ada", "Nowhere/Land", "not a known IANA time zone")]
    [InlineData("Name", "ok", "no-at-sign", "Ada", "Europe/London", "not an email address")]
    [InlineData(" ", "ok", "a@b.example", "Ada", "Europe/London", "needs a name")]
    public async Task Bad_input_is_refused_with_a_reason(string name, string slug, string email, string admin, string zone, string reason)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateAgency(db.Setup, TimeProvider.System).HandleAsync(name, slug, email, admin, zone)
        );
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_taken_slug_is_refused()
    {
        var create = new CreateAgency(db.Setup, TimeProvider.System);
        await create.HandleAsync("One", "same", "one@x.example", "One", "UTC");
        var error = await Assert.ThrowsAsync<DomainException>(() => create.HandleAsync("Two", "same", "two@x.example", "Two", "UTC"));
        Assert.Contains("already exists", error.Message);
    }
}

public sealed class SqliteCreateAgency() : CreateAgencySuite(DatabaseProvider.Sqlite);

public sealed class PostgresCreateAgency() : CreateAgencySuite(DatabaseProvider.Postgres);
