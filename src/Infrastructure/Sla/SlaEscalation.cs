using Agency.Domain.Auditing;
using Agency.Domain.Conversations;
using Agency.Domain.Sla;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Sla;

/// <summary>What one run did for one brand.</summary>
public sealed record EscalationSummary(int Warnings, int Breaches, int Reassigned, int Assigned);

/// <summary>
/// Runs every minute per brand: warns at the policy's share of each target; on breach raises the
/// priority, tells the team lead and takes the work from anyone who is off shift; hands work whose
/// person went off shift to someone on shift (or back to the queue) and gives queued work to people
/// with room. Every event is stored once per due time, so running twice changes nothing.
/// </summary>
public sealed class SlaEscalation(DatabaseSetup database, ConversationWork work, WorkNotifier notifier, TimeProvider clock)
{
    public async Task<EscalationSummary> RunAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var now = clock.GetUtcNow().UtcDateTime;
        var w = await BrandWork.LoadAsync(db, ct);
        var active = await db
            .Conversations.Where(c => c.Status != ConversationStatus.Resolved && !c.NoAction && c.TeamId != null)
            .OrderBy(c => c.DueAt == null)
            .ThenBy(c => c.DueAt)
            .ToListAsync(ct);
        var ids = active.Select(c => c.Id).ToList();
        var stored = (
            await db
                .SlaEvents.AsNoTracking()
                .Where(e => ids.Contains(e.ConversationId) && (e.Kind == SlaEventKind.Warning || e.Kind == SlaEventKind.Breach))
                .Select(e => new
                {
                    e.ConversationId,
                    e.Target,
                    e.Kind,
                    e.DueAt,
                })
                .ToListAsync(ct)
        ).Select(e => (e.ConversationId, e.Target, e.Kind, e.DueAt)).ToHashSet();
        var staffing = await work.StaffingAsync(db, ct);
        int warnings = 0,
            breaches = 0,
            reassigned = 0,
            assigned = 0;
        var changed = new HashSet<Guid>();

        foreach (var c in active)
        {
            if (w.PolicyById(c.SlaPolicyId) is { } policy)
            {
                foreach (var step in Escalation.Evaluate(c, policy.ToTargets(), w.CalendarFor(policy), now))
                {
                    if (!stored.Add((c.Id, step.Target, step.Kind, step.DueAt)))
                        continue;
                    db.SlaEvents.Add(
                        new SlaEvent
                        {
                            ConversationId = c.Id,
                            Target = step.Target,
                            Kind = step.Kind,
                            DueAt = step.DueAt,
                            At = now,
                            TeamId = c.TeamId,
                            AssignedStaffId = c.AssignedStaffId,
                        }
                    );
                    changed.Add(c.Id);
                    var what = $"{Describe(step.Target)} for @{c.CustomerHandle} ({w.Brand.Name})";
                    if (step.Kind == SlaEventKind.Warning)
                    {
                        warnings++;
                        var text = $"At risk: {what} is due at {step.DueAt:HH:mm} UTC.";
                        if (c.AssignedStaffId is { } staff)
                            await work.NotifyStaffAsync(
                                db,
                                staff,
                                $"warn:{c.Id}:{step.Target}:{step.DueAt.Ticks}",
                                text,
                                ConversationWork.LinkTo(w.Brand.Slug, c.Id),
                                ct
                            );
                        else
                            await work.NotifyTeamLeadAsync(db, w, c, $"warn:{c.Id}:{step.Target}:{step.DueAt.Ticks}", text, ct);
                        continue;
                    }
                    breaches++;
                    var before = c.Priority;
                    c.Priority = Escalation.Raise(c.Priority);
                    c.Version++;
                    AuditLog.Record(
                        db,
                        now,
                        nameof(Conversation),
                        c.Id.ToString(),
                        AuditAction.Escalated,
                        new { Priority = before.ToString() },
                        new
                        {
                            Priority = c.Priority.ToString(),
                            Breached = step.Target.ToString(),
                            Due = step.DueAt.ToString("O"),
                        }
                    );
                    await work.NotifyTeamLeadAsync(
                        db,
                        w,
                        c,
                        $"breach:{c.Id}:{step.Target}:{step.DueAt.Ticks}",
                        $"Breached: {what} was due at {step.DueAt:HH:mm} UTC.",
                        ct
                    );
                }
            }
            // Work of someone whose shift ended goes to someone on shift, or back to the team queue.
            if (c.AssignedStaffId is { } holder && !staffing.IsOnShift(holder))
            {
                work.Unassign(db, staffing, c, "shift ended");
                reassigned++;
                changed.Add(c.Id);
            }
            if (ConversationWork.NeedsAssignee(c) && work.TryAssign(db, w, staffing, c, "queue") is not null)
            {
                assigned++;
                changed.Add(c.Id);
            }
            if (changed.Contains(c.Id))
                work.Refresh(db, w, c);
        }
        var notified = db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.UserId).ToList();
        await db.SaveChangesAsync(ct);
        Operations.AgencyMeter.SlaEvents.Add(warnings, new KeyValuePair<string, object?>("kind", "warning"));
        Operations.AgencyMeter.SlaEvents.Add(breaches, new KeyValuePair<string, object?>("kind", "breach"));
        if (changed.Count > 0)
            notifier.Publish(new WorkChanged(w.Brand.AgencyId, w.Brand.Id, changed));
        notifier.PublishNotifications(notified);
        return new EscalationSummary(warnings, breaches, reassigned, assigned);
    }

    public static string Describe(SlaTarget target) =>
        target switch
        {
            SlaTarget.FirstResponse => "First response",
            SlaTarget.NextResponse => "Next response",
            _ => "Resolution",
        };
}

/// <summary>The Quartz job: one run per minute over all active brands, each in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class SlaEscalationJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("sla-escalation", "work");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        await fanOut.RunForJobAsync(
            "Escalation",
            (sp, tenant, token) => sp.GetRequiredService<SlaEscalation>().RunAsync(tenant, token),
            ct
        );
    }
}
