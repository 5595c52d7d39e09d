using Agency.Infrastructure.Operations;

namespace Agency.Infrastructure.Tests.Operations;

public sealed class MetricsTests
{
    [Fact]
    public void The_collector_adds_up_each_counter_by_its_tags()
    {
        using var collector = new MetricsCollector();
        // A tag no other test uses: counters are the process's, and tests run side by side.
        var mine = $"{Guid.NewGuid()},with=signs";
        AgencyMeter.RosterRuns.Add(2, new KeyValuePair<string, object?>("outcome", mine));
        AgencyMeter.RosterRuns.Add(3, new KeyValuePair<string, object?>("outcome", mine));
        AgencyMeter.ReplyAttempts.Add(1, new KeyValuePair<string, object?>("outcome", mine));
        var samples = collector.Snapshot().Where(s => s.Tags.Any(t => t.Value == mine)).ToList();
        Assert.Equal([("agency_reply_attempts_total", 1.0), ("agency_roster_runs_total", 5.0)], samples.Select(s => (s.Name, s.Value)));
        Assert.All(samples, s => Assert.Equal("counter", s.Kind));
        Assert.Equal("Roster runs finished on this server, by outcome.", samples[1].Help);
    }

    [Fact]
    public void Prometheus_text_names_each_metric_once_and_escapes_label_values()
    {
        var text = PrometheusText.Render(
        [
            new MetricSample("agency_x_total", "counter", "Things, counted.", [KeyValuePair.Create("outcome", "a \"quoted\" \\ value\nnext")], 3),
            new MetricSample("agency_x_total", "counter", "Things, counted.", [KeyValuePair.Create("outcome", "b")], 0.5),
            new MetricSample("agency_depth", "gauge", "A depth.", [], 7),
        ]);
        Assert.Equal(
            "# HELP agency_x_total Things, counted.\n# TYPE agency_x_total counter\n" +
            "agency_x_total{outcome=\"a \\\"quoted\\\" \\\\ value\\nnext\"} 3\nagency_x_total{outcome=\"b\"} 0.5\n" +
            "# HELP agency_depth A depth.\n# TYPE agency_depth gauge\nagency_depth 7\n", text);
    }
}
