using System.Diagnostics.Metrics;
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
        var text = PrometheusText.Render([
            new MetricSample(
                "agency_x_total",
                "counter",
                "Things, counted.",
                [KeyValuePair.Create("outcome", "a \"quoted\" \\ value\nnext")],
                3
            ),
            new MetricSample("agency_x_total", "counter", "Things, counted.", [KeyValuePair.Create("outcome", "b")], 0.5),
            new MetricSample("agency_depth", "gauge", "A depth.", [], 7),
        ]);
        Assert.Equal(
            "# HELP agency_x_total Things, counted.\n# TYPE agency_x_total counter\n"
                + "agency_x_total{outcome=\"a \\\"quoted\\\" \\\\ value\\nnext\"} 3\nagency_x_total{outcome=\"b\"} 0.5\n"
                + "# HELP agency_depth A depth.\n# TYPE agency_depth gauge\nagency_depth 7\n",
            text
        );
    }

    [Fact]
    public void Request_durations_fill_cumulative_buckets_by_method_route_and_status()
    {
        using var collector = new MetricsCollector();
        using var hosting = new Meter(MetricsCollector.HostingMeter);
        var duration = hosting.CreateHistogram<double>(MetricsCollector.RequestDuration, "s");
        var route = $"/b/{{brand}}/{Guid.NewGuid()}";
        KeyValuePair<string, object?>[] tags =
        [
            new("http.request.method", "GET"),
            new("http.route", route),
            new("http.response.status_code", 200),
            new("url.scheme", "http"),
        ];
        foreach (var seconds in new[] { 0.003, 0.2, 3.0 })
            duration.Record(seconds, tags);

        var mine = collector.Snapshot().Where(s => s.Tags.Contains(KeyValuePair.Create("route", route))).ToList();
        string? At(string le) =>
            mine.SingleOrDefault(s =>
                    s.Name.EndsWith("_bucket", StringComparison.Ordinal) && s.Tags.Contains(KeyValuePair.Create("le", le))
                )
                ?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("1", "1", "2", "2", "3", "3"), (At("0.005"), At("0.1"), At("0.25"), At("2.5"), At("5"), At("+Inf")));
        Assert.Equal(3, mine.Single(s => s.Name == "agency_http_request_duration_seconds_count").Value);
        Assert.Equal(3.203, mine.Single(s => s.Name == "agency_http_request_duration_seconds_sum").Value, 9);
        // Only method, route and status are kept as labels.
        Assert.Equal(["le", "method", "route", "status"], mine[0].Tags.Select(t => t.Key).Order());

        var text = PrometheusText.Render(mine);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "# TYPE agency_http_request_duration_seconds histogram"));
        Assert.Contains(
            $"agency_http_request_duration_seconds_bucket{{method=\"GET\",route=\"{route}\",status=\"200\",le=\"+Inf\"}} 3",
            text
        );
    }
}
