using Agency.Domain.Tenancy;

namespace Agency.Domain.Tests.Tenancy;

public class BrandTests
{
    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("America/Los_Angeles", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Knows_IANA_time_zones(string? id, bool known) => Assert.Equal(known, Brand.IsKnownTimeZone(id));

    [Theory]
    [InlineData("#1E88E5", true)]
    [InlineData("#abcdef", true)]
    [InlineData("1E88E5", false)]
    [InlineData("#12345", false)]
    [InlineData("#GGGGGG", false)]
    public void Colours_are_hash_and_six_hex_digits(string value, bool valid) => Assert.Equal(valid, Brand.IsValidColor(value));
}

public class RolesTests
{
    [Fact]
    public void Admins_and_schedulers_see_every_brand_others_need_a_membership()
    {
        Assert.True(Roles.SeesAllBrands(UserRole.AgencyAdmin));
        Assert.True(Roles.SeesAllBrands(UserRole.Scheduler));
        Assert.False(Roles.SeesAllBrands(UserRole.Agent));
        Assert.False(Roles.SeesAllBrands(UserRole.TeamLead));
        Assert.False(Roles.SeesAllBrands(UserRole.BrandManager));
        Assert.False(Roles.SeesAllBrands(UserRole.MarketingOwner));
    }

    [Theory]
    [InlineData(UserRole.Agent, BrandRole.Service)]
    [InlineData(UserRole.TeamLead, BrandRole.Service)]
    [InlineData(UserRole.MarketingOwner, BrandRole.MarketingOwner)]
    [InlineData(UserRole.BrandManager, BrandRole.BrandManager)]
    public void Each_role_holds_its_brand_role(UserRole role, BrandRole expected) => Assert.Equal(expected, Roles.BrandRoleFor(role));

    [Fact]
    public void An_unknown_role_name_is_an_error_not_a_default()
    {
        Assert.Equal(UserRole.Agent, Roles.Parse("Agent"));
        Assert.Throws<ArgumentException>(() => Roles.Parse("Superuser"));
        Assert.Throws<ArgumentException>(() => Roles.Parse("99"));
    }
}

public class InvitationTests
{
    private static Invitation Make(DateTime created) =>
        new()
        {
            Email = "a@b.example",
            DisplayName = "A",
            TokenHash = "x",
            CreatedAt = created,
            ExpiresAt = created + Invitation.Lifetime,
        };

    [Fact]
    public void Is_pending_until_it_expires_after_seven_days()
    {
        var t0 = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var inv = Make(t0);
        Assert.Equal(InvitationState.Pending, inv.StateAt(t0.AddDays(6.9)));
        Assert.Equal(InvitationState.Expired, inv.StateAt(t0.AddDays(7)));
    }

    [Fact]
    public void Accepted_and_revoked_win_over_expiry()
    {
        var t0 = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var accepted = Make(t0);
        accepted.AcceptedAt = t0.AddHours(1);
        Assert.Equal(InvitationState.Accepted, accepted.StateAt(t0.AddDays(30)));
        var revoked = Make(t0);
        revoked.RevokedAt = t0.AddHours(1);
        Assert.Equal(InvitationState.Revoked, revoked.StateAt(t0.AddHours(2)));
    }

    [Fact]
    public void Tokens_are_unguessable_and_only_their_hash_is_kept()
    {
        var a = Invitation.NewToken();
        var b = Invitation.NewToken();
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 40);
        Assert.DoesNotContain('+', a);
        Assert.DoesNotContain('/', a);
        Assert.Equal(Invitation.Hash(a), Invitation.Hash(a));
        Assert.NotEqual(a, Invitation.Hash(a));
        Assert.Equal(64, Invitation.Hash(a).Length);
    }
}
