namespace Agency.Domain.Reporting;

/// <summary>What each figure means, as the portal's help shows it (docs/metrics.md says the same at more length).</summary>
public static class MetricDefinitions
{
    public static readonly IReadOnlyList<(string Metric, string Definition)> All =
    [
        (
            "Period",
            "Whole days in the brand's time zone, first and last day included. \"Period before\" is the same number of days just before. A conversation belongs to the period in which the customer's first post was written."
        ),
        (
            "Messages received",
            "Customer posts, comments, mentions and private messages written in the period, by when the customer wrote them (not when they reached us)."
        ),
        (
            "Conversations",
            "Cases that started in the period: everything one customer said on one account until it was resolved, public and private messages together."
        ),
        (
            "First response time",
            "From the customer's first post to the brand's first reply written by a person, public or private. Automatic acknowledgements do not stop it. Shown in calendar time (the clock never stops) and in service hours (only the brand's opening hours and non-holidays count). Median and 90th percentile are nearest-rank: the smallest time that half (nine in ten) of the answered conversations were within."
        ),
        (
            "Response rate",
            "Of the conversations labelled service question or complaint (spam and \"no action\" excluded), the share that got a reply from a person by now."
        ),
        (
            "First-response SLA met",
            "Conversations with a service-level policy whose first reply came within the policy's target, counted in the policy's time (service hours or round the clock), out of those decided. A target still running counts neither way until it is due; one closed without a reply counts as missed only if it was closed after the target."
        ),
        (
            "Resolution SLA met",
            "Resolved within the policy's resolution target, counting from the customer's first post. The clock stands still while the brand waits on the customer."
        ),
        (
            "Moved to private",
            "A case answered publicly and continued in a private channel stays one conversation. It counts once, and its first response is the first reply in either channel (normally the public acknowledgement)."
        ),
        (
            "Forwarded from marketing",
            "Service questions and complaints on marketing- or PR-owned accounts that were forwarded to the service team. Their first response counts from the customer's post, not from the forwarding. Outcome: waiting, answered, resolved, or sent back to marketing."
        ),
        (
            "Backlog now",
            "Open conversations in a service queue that still owe the customer a reply; \"oldest waiting\" is since when the longest-waiting of them has waited."
        ),
        ("Negative messages", "Share of labelled customer messages with negative sentiment."),
        ("Freshness", "Figures come from rollups brought up to date when a dashboard is opened and every minute by a background job."),
    ];
}
