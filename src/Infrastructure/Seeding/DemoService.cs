using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Shifts;
using Agency.Domain.Sla;
using Agency.Domain.Staff;
using Agency.Infrastructure.Persistence;

namespace Agency.Infrastructure.Seeding;

/// <summary>The demo's service set-up per brand (SLA, hours, replies, rules) and the staff's shifts.</summary>
internal static class DemoService
{
    public static void AddBrandSetup(AgencyDbContext db)
    {
        // X is answered around the clock: at least one person on it at every half hour, more when the forecast needs it.
        db.ChannelPlans.Add(
            new Domain.Planning.ChannelPlan
            {
                Network = Network.X,
                MinimumStaff = 1,
                HorizonWeeks = 6,
            }
        );
        db.SlaPolicies.AddRange(
            new SlaPolicy
            {
                Name = "X: within the hour",
                Network = Network.X,
                FirstResponseMinutes = 60,
                NextResponseMinutes = 60,
                ResolutionMinutes = 24 * 60,
            },
            new SlaPolicy
            {
                Name = "X complaints",
                Network = Network.X,
                Intent = Intent.Complaint,
                FirstResponseMinutes = 30,
                NextResponseMinutes = 60,
                ResolutionMinutes = 12 * 60,
            },
            new SlaPolicy
            {
                Name = "Facebook & Instagram",
                FirstResponseMinutes = 6 * 60,
                NextResponseMinutes = 6 * 60,
                ResolutionMinutes = 72 * 60,
                BusinessHoursOnly = true,
            }
        );
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
            db.ServiceHours.Add(
                new ServiceHours
                {
                    Day = day,
                    Start = TimeSpan.FromHours(weekend ? 9 : 8),
                    End = TimeSpan.FromHours(weekend ? 17 : 20),
                }
            );
        }
        var ack = new SavedReply
        {
            Title = "We're on it",
            Purpose = SavedReplyPurpose.Acknowledgement,
            Text = "Thanks {customer.name}, we've got your message and a member of our team will reply shortly.",
        };
        db.SavedReplies.AddRange(
            ack,
            new SavedReply
            {
                Title = "Sorry to hear",
                Text = "Hi {customer.name}, I'm sorry to hear that. Could you tell us a little more so we can help? ^{agent.name}",
            },
            new SavedReply
            {
                Title = "Check status",
                Text = "Thanks for waiting, {customer.name}. I've checked and will update you as soon as I hear back. ^{agent.name}",
            },
            new SavedReply
            {
                Title = "Glad to help",
                Text = "You're welcome, {customer.name}! Anything else, just let us know. ^{agent.name}",
            },
            new SavedReply
            {
                Title = "Move to DM (X)",
                Purpose = SavedReplyPurpose.MoveToPrivate,
                Network = Network.X,
                Text = "Hi {customer.name}, we've sent you a DM so we can look at this privately. ^{agent.name}",
            },
            new SavedReply
            {
                Title = "Move to Messenger",
                Purpose = SavedReplyPurpose.MoveToPrivate,
                Network = Network.Facebook,
                Text = "Hi {customer.name}, we've sent you a private message to take care of this. ^{agent.name}",
            },
            new SavedReply
            {
                Title = "Move to Instagram DM",
                Purpose = SavedReplyPurpose.MoveToPrivate,
                Network = Network.Instagram,
                Text = "Hi {customer.name}, please check your DMs: we've messaged you there.",
            }
        );
        db.RoutingRules.AddRange(
            new RoutingRuleDefinition
            {
                Name = "Spam: no action",
                Order = 1,
                Intents = [Intent.Spam],
                NoAction = true,
            },
            new RoutingRuleDefinition
            {
                Name = "Personal data posted in public",
                Order = 2,
                HasPersonalData = true,
                SetPriority = Priority.High,
                AddTags = ["personal-data"],
                StopAfter = false,
            },
            new RoutingRuleDefinition
            {
                Name = "Influencers",
                Order = 3,
                MinFollowers = 10_000,
                SetPriority = Priority.High,
                AddTags = ["vip"],
                NotifyOwner = true,
                StopAfter = false,
            },
            new RoutingRuleDefinition
            {
                Name = "Refunds",
                Order = 4,
                Regex = @"\brefund(s|ed)?\b",
                AddTags = ["refund"],
                StopAfter = false,
            },
            new RoutingRuleDefinition
            {
                Name = "Complaints on marketing accounts",
                Order = 5,
                Departments = [Department.Marketing],
                Intents = [Intent.Complaint],
                AutoReplyId = ack.Id,
                StopAfter = false,
            }
        );
    }

    /// <summary>
    /// Contracts of up to 50 hours a week in shifts of 4-10 hours, and a week of 10-hour shifts entered by hand,
    /// five days on and two off, staggered so that the demo's agent and lead are on shift now; later weeks are for the roster.
    /// </summary>
    public static void AddShifts(AgencyDbContext db, IReadOnlyList<StaffMember> staff, DateTime now)
    {
        var first = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-1);
        for (var i = 0; i < staff.Count; i++)
        {
            db.WorkContracts.Add(
                new WorkContract
                {
                    StaffMemberId = staff[i].Id,
                    MinHoursPerWeek = 30,
                    MaxHoursPerWeek = 50,
                    MinShiftHours = 4,
                    MaxShiftHours = 10,
                    MaxConsecutiveDays = 5,
                    MinRestHours = 11,
                    MaxWeekendsPer4Weeks = 4,
                }
            );
            var onNow = i % 2 == 0 || staff[i].Email is "agent@northbeam.example" or "lead@northbeam.example";
            var cycle = staff[i].Email is "agent@northbeam.example" or "lead@northbeam.example" ? 0 : i % 7;
            for (var d = 0; d < 7; d++)
            {
                if ((d + cycle) % 7 >= 5)
                    continue; // two days off a week
                var start = first.AddDays(d).AddHours(onNow ? 0 : 10);
                db.Shifts.Add(
                    new Shift
                    {
                        StaffMemberId = staff[i].Id,
                        StartsAt = start,
                        EndsAt = start.AddHours(10),
                        Source = ShiftSource.Manual,
                        Note = "Demo",
                    }
                );
            }
        }
    }
}
