using System.Diagnostics.Metrics;

namespace Agency.Infrastructure.Operations;

/// <summary>
/// The product's own counters for the people who run it (System.Diagnostics.Metrics; one meter for the process, as .NET
/// recommends). <see cref="MetricsCollector"/> adds them up and <c>/metrics</c> serves them with the queues' depths.
/// Counters carry no tenant: they are operational totals, not anyone's data.
/// </summary>
public static class AgencyMeter
{
    public const string Name = "Agency";
    private static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Tags: network (x, meta), outcome (stored, duplicate, bad_signature, malformed, unknown_account, too_large, unavailable).</summary>
    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "agency_webhook_deliveries",
        "{delivery}",
        "Webhook deliveries received, by network and outcome."
    );

    /// <summary>Tags: outcome (stored, duplicate, ignored).</summary>
    public static readonly Counter<long> IntakeItems = Meter.CreateCounter<long>(
        "agency_intake_items",
        "{item}",
        "Posts, comments and messages taken from deliveries, by outcome."
    );

    /// <summary>Tags: outcome (sent, retry, failed).</summary>
    public static readonly Counter<long> ReplyAttempts = Meter.CreateCounter<long>(
        "agency_reply_attempts",
        "{attempt}",
        "Attempts to send a reply to a network, by outcome."
    );

    /// <summary>Tags: kind (warning: a target at risk; breach: a target missed, priority raised and the lead told).</summary>
    public static readonly Counter<long> SlaEvents = Meter.CreateCounter<long>(
        "agency_sla_events",
        "{event}",
        "Service-level warnings and breaches raised by escalation, by kind."
    );

    /// <summary>Tags: outcome (delivered: answered 2xx; retry: not taken, tried again later; failed: not taken after the last attempt).</summary>
    public static readonly Counter<long> OutgoingWebhookCalls = Meter.CreateCounter<long>(
        "agency_outgoing_webhook_calls",
        "{call}",
        "Calls to brands' webhook endpoints, by outcome."
    );

    /// <summary>Tags: outcome (completed, stopped, failed).</summary>
    public static readonly Counter<long> RosterRuns = Meter.CreateCounter<long>(
        "agency_roster_runs",
        "{run}",
        "Roster runs finished on this server, by outcome."
    );
}
