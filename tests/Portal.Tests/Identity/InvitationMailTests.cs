using Agency.Domain.Tenancy;
using Agency.Portal.Features.Identity;

namespace Agency.Portal.Tests.Identity;

/// <summary>The invitation names the agency that invites, not only the product (issue 26).</summary>
public class InvitationMailTests
{
    [Fact]
    public void The_invitation_names_the_agency_the_inviter_the_role_and_the_brands()
    {
        var (subject, body) = InvitationMail.Compose(
            "Northbeam Social Care",
            "Ada Admin",
            "Nina",
            UserRole.Agent,
            ["Apple Support", "Delta Air Lines"],
            "https://agency.example/Account/Invitation?token=t"
        );
        Assert.Equal("Northbeam Social Care invites you to work with them", subject);
        Assert.Contains("Ada Admin of Northbeam Social Care invited you to join Northbeam Social Care as", body, StringComparison.Ordinal);
        Assert.Contains("for Apple Support, Delta Air Lines.", body, StringComparison.Ordinal);
        Assert.Contains("Accept within 7 days: https://agency.example/Account/Invitation?token=t", body, StringComparison.Ordinal);
    }
}
