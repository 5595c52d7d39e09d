using Agency.Domain.Common;
using Agency.Domain.Replies;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;

namespace Agency.Domain.Tests.Forms;

/// <summary>Refusals name their field themselves, so no caller maps a message's words back to a form field.</summary>
public class FieldErrorTests
{
    [Theory]
    [InlineData("", 60, 120, 0.8, nameof(SlaPolicy.Name))]
    [InlineData("X", 0, 120, 0.8, nameof(SlaPolicy.FirstResponseMinutes))]
    [InlineData("X", 60, 30, 0.8, nameof(SlaPolicy.FirstResponseMinutes))]
    [InlineData("X", 60, 120, 1.5, nameof(SlaPolicy.WarnAtShare))]
    public void An_sla_policy_names_the_field_of_its_problem(string name, int first, int resolution, double warn, string field)
    {
        var policy = new SlaPolicy
        {
            Name = name,
            FirstResponseMinutes = first,
            NextResponseMinutes = 60,
            ResolutionMinutes = resolution,
            WarnAtShare = warn,
        };
        Assert.Equal(field, policy.Check()?.Field);
        Assert.Equal(policy.Validate(), policy.Check()?.Message);
    }

    [Theory]
    [InlineData("", "Hello", nameof(SavedReply.Title))]
    [InlineData("Greeting", "", nameof(SavedReply.Text))]
    [InlineData("Greeting", "Your title is {order.title}", nameof(SavedReply.Text))]
    public void A_saved_reply_names_the_field_of_its_problem(string title, string text, string field) =>
        Assert.Equal(field, SavedReply.Check(title, text)?.Field);

    [Fact]
    public void A_refused_period_names_the_day_to_change()
    {
        var zone = TimeZoneInfo.Utc;
        var day = new DateOnly(2026, 11, 1);
        Assert.Equal(ReportPeriod.FromField, ReportPeriod.Create(null, day, zone).Problem?.Field);
        Assert.Equal(ReportPeriod.ToField, ReportPeriod.Create(day, null, zone).Problem?.Field);
        Assert.Equal(ReportPeriod.ToField, ReportPeriod.Create(day, day.AddDays(-1), zone).Problem?.Field);
        Assert.Equal(ReportPeriod.FromField, ReportPeriod.Create(day.AddDays(-400), day, zone).Problem?.Field);
        Assert.Null(ReportPeriod.Create(day, day, zone).Problem);
    }
}
