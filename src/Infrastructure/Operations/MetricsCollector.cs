using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Agency.Infrastructure.Operations;

/// <summary>One figure for <c>/metrics</c>: a counter's total for one set of tags, or a gauge read at the scrape.</summary>
public sealed record MetricSample(string Name, string Kind, string Help, IReadOnlyList<KeyValuePair<string, string>> Tags, double Value);

/// <summary>
/// Adds up this process's <see cref="AgencyMeter"/> counters from the moment it starts listening (one per process, a singleton),
/// by instrument and tags.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Name, string Help, string Tags), long> totals = new();

    public MetricsCollector()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgencyMeter.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = string.Join(Separator, tags.ToArray().Select(t => $"{t.Key}{Separator}{t.Value}").Order(StringComparer.Ordinal));
            totals.AddOrUpdate((instrument.Name, instrument.Description ?? "", key), value, (_, sum) => sum + value);
        });
        listener.Start();
    }

    /// <summary>Every counter's totals so far, as Prometheus counters (<c>_total</c>).</summary>
    public IReadOnlyList<MetricSample> Snapshot() =>
        totals.Select(kv => new MetricSample(kv.Key.Name + "_total", "counter", kv.Key.Help, Parse(kv.Key.Tags), kv.Value))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => string.Join(Separator, s.Tags), StringComparer.Ordinal).ToList();

    // Tags are kept as one string per set (key, value, key, value…) with a separator no tag holds, so any value survives.
    private const char Separator = '\u001f';

    private static List<KeyValuePair<string, string>> Parse(string tags)
    {
        if (tags.Length == 0) return [];
        var parts = tags.Split(Separator);
        return Enumerable.Range(0, parts.Length / 2).Select(i => KeyValuePair.Create(parts[2 * i], parts[2 * i + 1])).ToList();
    }

    public void Dispose() => listener.Dispose();
}

/// <summary>The Prometheus text exposition format (version 0.0.4): HELP and TYPE once per metric, then one line per set of labels.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(IEnumerable<MetricSample> samples)
    {
        var text = new StringBuilder();
        foreach (var metric in samples.GroupBy(s => s.Name))
        {
            var first = metric.First();
            text.Append("# HELP ").Append(metric.Key).Append(' ').Append(first.Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            text.Append("# TYPE ").Append(metric.Key).Append(' ').Append(first.Kind).Append('\n');
            foreach (var s in metric)
            {
                text.Append(metric.Key);
                if (s.Tags.Count > 0) text.Append('{').Append(string.Join(',', s.Tags.Select(t => $"{t.Key}=\"{Escape(t.Value)}\""))).Append('}');
                text.Append(' ').Append(s.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
