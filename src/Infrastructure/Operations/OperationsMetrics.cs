using Agency.Infrastructure.Tenancy;

namespace Agency.Infrastructure.Operations;

/// <summary>What <c>/metrics</c> serves: this server's counters and, read at the scrape, the depth of the queues all servers share.</summary>
public sealed class OperationsMetrics(MetricsCollector collector, CrossTenantReader crossTenant)
{
    public async Task<string> RenderAsync(CancellationToken ct = default)
    {
        var q = await crossTenant.QueueDepthsAsync(ct);
        IReadOnlyList<MetricSample> gauges =
        [
            Gauge(
                "agency_inbox_deliveries",
                "Webhook and import deliveries in the inbox, by status (pending: waiting to be processed; parked: failed, shown on the brand's Intake page).",
                ("status", "pending"),
                q.DeliveriesPending
            ),
            Gauge("agency_inbox_deliveries", "", ("status", "parked"), q.DeliveriesParked),
            Gauge(
                "agency_outbox_replies",
                "Replies in the outbox, by status (queued: waiting to be sent or retried; failed: shown to agents for a retry).",
                ("status", "queued"),
                q.RepliesQueued
            ),
            Gauge("agency_outbox_replies", "", ("status", "failed"), q.RepliesFailed),
            Gauge(
                "agency_outgoing_webhook_calls_waiting",
                "Calls to brands' webhook endpoints not yet taken, by status (pending: to be sent or retried; failed: given up, shown on the brand's Webhooks page).",
                ("status", "pending"),
                q.WebhookCallsPending
            ),
            Gauge("agency_outgoing_webhook_calls_waiting", "", ("status", "failed"), q.WebhookCallsFailed),
            Gauge("agency_roster_runs_running", "Roster runs being built on any server.", null, q.RosterRunsRunning),
        ];
        return PrometheusText.Render([.. collector.Snapshot(), .. gauges]);
    }

    private static MetricSample Gauge(string name, string help, (string Key, string Value)? tag, int value) =>
        new(name, "gauge", help, tag is { } t ? [KeyValuePair.Create(t.Key, t.Value)] : [], value);
}
