using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Agency.Infrastructure.Operations;

/// <summary>
/// One figure for <c>/metrics</c>: a counter's total for one set of tags, a gauge read at the scrape, or one series of a histogram
/// (<paramref name="Family"/> is then the histogram's name, and <paramref name="Name"/> ends in _bucket, _sum or _count).
/// </summary>
public sealed record MetricSample(
    string Name,
    string Kind,
    string Help,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    double Value,
    string? Family = null
)
{
    public string FamilyName => Family ?? Name;
}

/// <summary>
/// Adds up this process's <see cref="AgencyMeter"/> counters, and ASP.NET Core's request durations into histogram buckets, from the
/// moment it starts listening (one per process, a singleton), by instrument and tags.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>ASP.NET Core's own meter and its request duration histogram (seconds), tagged by method, route and status.</summary>
    public const string HostingMeter = "Microsoft.AspNetCore.Hosting",
        RequestDuration = "http.server.request.duration";

    /// <summary>Upper bounds of the request duration buckets, in seconds (Prometheus's defaults).</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private const string DurationName = "agency_http_request_duration_seconds";
    private const string DurationHelp = "Time to answer an HTTP request, by method, route template and status code.";
    private static readonly (string From, string To)[] DurationTags =
    [
        ("http.request.method", "method"),
        ("http.route", "route"),
        ("http.response.status_code", "status"),
    ];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Name, string Help, string Tags), long> totals = new();
    private readonly ConcurrentDictionary<string, Histogram> durations = new();

    public MetricsCollector()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgencyMeter.Name || (instrument.Meter.Name == HostingMeter && instrument.Name == RequestDuration))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, tags, _) =>
            {
                var key = Key(tags.ToArray().Select(t => KeyValuePair.Create(t.Key, t.Value?.ToString() ?? "")));
                totals.AddOrUpdate((instrument.Name, instrument.Description ?? "", key), value, (_, sum) => sum + value);
            }
        );
        listener.SetMeasurementEventCallback<double>(
            (instrument, value, tags, _) =>
            {
                if (instrument.Name != RequestDuration)
                    return;
                var all = tags.ToArray();
                var kept = DurationTags.Select(d =>
                    KeyValuePair.Create(d.To, all.FirstOrDefault(t => t.Key == d.From).Value?.ToString() ?? "")
                );
                durations.GetOrAdd(Key(kept), _ => new Histogram()).Record(value);
            }
        );
        listener.Start();
    }

    /// <summary>Every counter's totals so far (Prometheus counters, <c>_total</c>), then the request duration histograms.</summary>
    public IReadOnlyList<MetricSample> Snapshot()
    {
        var counters = totals
            .Select(kv => new MetricSample(kv.Key.Name + "_total", "counter", kv.Key.Help, Parse(kv.Key.Tags), kv.Value))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => string.Join(Separator, s.Tags), StringComparer.Ordinal);
        var histograms = durations.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Samples(Parse(kv.Key)));
        return [.. counters, .. histograms];
    }

    private static string Key(IEnumerable<KeyValuePair<string, string>> tags) =>
        string.Join(Separator, tags.Select(t => $"{t.Key}{Separator}{t.Value}").Order(StringComparer.Ordinal));

    /// <summary>One histogram's cumulative buckets, sum and count, taken under its own lock.</summary>
    private sealed class Histogram
    {
        private readonly long[] counts = new long[Buckets.Length];
        private long count;
        private double sum;

        public void Record(double seconds)
        {
            lock (counts)
            {
                for (var i = 0; i < Buckets.Length; i++)
                    if (seconds <= Buckets[i])
                        counts[i]++;
                count++;
                sum += seconds;
            }
        }

        public IEnumerable<MetricSample> Samples(IReadOnlyList<KeyValuePair<string, string>> tags)
        {
            long[] buckets;
            long n;
            double total;
            lock (counts)
                (buckets, n, total) = ((long[])counts.Clone(), count, sum);
            for (var i = 0; i < Buckets.Length; i++)
                yield return new MetricSample(
                    DurationName + "_bucket",
                    "histogram",
                    DurationHelp,
                    [.. tags, KeyValuePair.Create("le", Buckets[i].ToString("R", CultureInfo.InvariantCulture))],
                    buckets[i],
                    DurationName
                );
            yield return new MetricSample(
                DurationName + "_bucket",
                "histogram",
                DurationHelp,
                [.. tags, KeyValuePair.Create("le", "+Inf")],
                n,
                DurationName
            );
            yield return new MetricSample(DurationName + "_sum", "histogram", DurationHelp, tags, total, DurationName);
            yield return new MetricSample(DurationName + "_count", "histogram", DurationHelp, tags, n, DurationName);
        }
    }

    // Tags are kept as one string per set (key, value, key, value…) with a separator no tag holds, so any value survives.
    private const char Separator = '\u001f';

    private static List<KeyValuePair<string, string>> Parse(string tags)
    {
        if (tags.Length == 0)
            return [];
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
        foreach (var metric in samples.GroupBy(s => s.FamilyName))
        {
            var first = metric.First();
            text.Append("# HELP ")
                .Append(metric.Key)
                .Append(' ')
                .Append(first.Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                .Append('\n');
            text.Append("# TYPE ").Append(metric.Key).Append(' ').Append(first.Kind).Append('\n');
            foreach (var s in metric)
            {
                text.Append(s.Name);
                if (s.Tags.Count > 0)
                    text.Append('{').Append(string.Join(',', s.Tags.Select(t => $"{t.Key}=\"{Escape(t.Value)}\""))).Append('}');
                text.Append(' ').Append(s.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Escape(string value) =>
        value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
