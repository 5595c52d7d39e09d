using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Routing;
using Agency.Domain.Sla;

namespace Agency.Domain.Tests.Sla;

public class SlaPlannerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTime Start = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc); // a Monday
    private static readonly SlaTargets Targets = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), 0.75);

    private static Conversation Open() =>
        new()
        {
            CustomerExternalId = "1",
            StartedAt = Start,
            LastActivityAt = Start,
            TeamId = Guid.NewGuid(),
            InboundCount = 1,
        };

    private static BusinessCalendar NineToFive() =>
        BusinessCalendar.Create(
            London,
            Enum.GetValues<DayOfWeek>()
                .Where(d => d is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                .ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)[OpeningInterval.Parse("09:00", "17:00")])
        );

    [Fact]
    public void A_new_conversation_is_due_for_first_response_and_resolution_from_the_customer_s_post()
    {
        var due = SlaPlanner.Plan(Open(), Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(5));
        Assert.Equal(Start.AddHours(1), due.FirstResponse);
        Assert.Null(due.NextResponse);
        Assert.Equal(Start.AddHours(8), due.Resolution);
        Assert.Equal(Start.AddHours(1), due.Earliest);
    }

    [Fact]
    public void After_the_first_answer_a_new_customer_message_starts_the_next_response_clock()
    {
        var c = Open();
        c.Record(
            new Post
            {
                ExternalId = "a",
                AuthorExternalId = "brand",
                Text = "hi",
                Direction = Direction.Outbound,
                CreatedAt = Start.AddMinutes(10),
            }
        );
        c.Record(
            new Post
            {
                ExternalId = "b",
                AuthorExternalId = "1",
                Text = "still broken",
                Direction = Direction.Inbound,
                CreatedAt = Start.AddMinutes(40),
            }
        );
        var due = SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(41));
        Assert.Null(due.FirstResponse);
        Assert.Equal(Start.AddMinutes(70), due.NextResponse);
    }

    [Fact]
    public void An_automatic_acknowledgement_does_not_stop_the_first_response_clock()
    {
        var c = Open();
        c.Record(
            new Post
            {
                ExternalId = "a",
                AuthorExternalId = "brand",
                Text = "Thanks, we'll be in touch",
                Direction = Direction.Outbound,
                IsAutomatic = true,
                CreatedAt = Start.AddMinutes(1),
            }
        );
        Assert.Null(c.FirstResponseAt);
        Assert.Equal(
            Start.AddHours(1),
            SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(2)).FirstResponse
        );
    }

    [Fact]
    public void Business_hours_push_a_late_post_to_the_next_morning()
    {
        var friday5pm = new DateTime(2026, 11, 27, 16, 30, 0, DateTimeKind.Utc); // 16:30 London, half an hour before closing
        var c = new Conversation
        {
            CustomerExternalId = "1",
            StartedAt = friday5pm,
            LastActivityAt = friday5pm,
            TeamId = Guid.NewGuid(),
        };
        var due = SlaPlanner.Plan(c, Targets, NineToFive(), friday5pm);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 30, 0, DateTimeKind.Utc), due.FirstResponse); // Monday 09:30
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_the_resolution_clock_until_they_write_again()
    {
        var c = Open();
        c.Record(
            new Post
            {
                ExternalId = "a",
                AuthorExternalId = "brand",
                Text = "Can you send a photo?",
                Direction = Direction.Outbound,
                CreatedAt = Start.AddMinutes(10),
            }
        );
        c.WaitOnCustomer(Start.AddHours(1));
        Assert.Null(SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddHours(2)).Resolution);
        c.Record(
            new Post
            {
                ExternalId = "b",
                AuthorExternalId = "1",
                Text = "here",
                Direction = Direction.Inbound,
                CreatedAt = Start.AddHours(4),
            }
        );
        Assert.Equal(ConversationStatus.Open, c.Status);
        var due = SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddHours(4));
        Assert.Equal(Start.AddHours(11), due.Resolution); // 8 h target + 3 h paused
    }

    [Fact]
    public void Resolved_and_no_action_conversations_have_nothing_due()
    {
        var c = Open();
        c.Resolve(Start.AddHours(1));
        Assert.Null(SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddHours(2)).Earliest);
        var spam = Open();
        spam.NoAction = true;
        Assert.Null(SlaPlanner.Plan(spam, Targets, BusinessCalendar.AlwaysOpen(London), Start).Earliest);
    }

    [Fact]
    public void Escalation_warns_at_the_share_then_breaches_once_due()
    {
        var c = Open();
        SlaPlanner.Apply(c, SlaPlanner.Plan(c, Targets, BusinessCalendar.AlwaysOpen(London), Start));
        Assert.Empty(Escalation.Evaluate(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(44)));
        var warn = Assert.Single(Escalation.Evaluate(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(45)));
        Assert.Equal((SlaTarget.FirstResponse, SlaEventKind.Warning, Start.AddHours(1)), (warn.Target, warn.Kind, warn.DueAt));
        var breach = Escalation.Evaluate(c, Targets, BusinessCalendar.AlwaysOpen(London), Start.AddMinutes(61));
        Assert.Contains(breach, s => s is { Target: SlaTarget.FirstResponse, Kind: SlaEventKind.Breach });
        Assert.Equal(Priority.Urgent, Escalation.Raise(Priority.High));
        Assert.Equal(Priority.Urgent, Escalation.Raise(Priority.Urgent));
    }

    [Fact]
    public void The_most_specific_policy_applies()
    {
        var any = new SlaPolicy
        {
            Name = "Default",
            FirstResponseMinutes = 240,
            NextResponseMinutes = 240,
            ResolutionMinutes = 2880,
        };
        var x = new SlaPolicy
        {
            Name = "X",
            Network = Network.X,
            FirstResponseMinutes = 60,
            NextResponseMinutes = 60,
            ResolutionMinutes = 1440,
        };
        var xComplaints = new SlaPolicy
        {
            Name = "X complaints",
            Network = Network.X,
            Intent = Intent.Complaint,
            FirstResponseMinutes = 30,
            NextResponseMinutes = 30,
            ResolutionMinutes = 720,
        };
        SlaPolicy[] all = [any, x, xComplaints];
        Assert.Same(xComplaints, SlaPolicy.Choose(all, Network.X, Intent.Complaint, Priority.Normal));
        Assert.Same(x, SlaPolicy.Choose(all, Network.X, Intent.ServiceQuestion, Priority.Normal));
        Assert.Same(any, SlaPolicy.Choose(all, Network.Facebook, Intent.Complaint, Priority.Normal));
        Assert.Contains(
            "resolution",
            new SlaPolicy
            {
                Name = "Bad",
                FirstResponseMinutes = 60,
                NextResponseMinutes = 60,
                ResolutionMinutes = 30,
            }.Validate()
        );
    }
}
