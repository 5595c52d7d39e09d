using System.Diagnostics;

namespace Agency.Portal.Operations;

/// <summary>
/// Logs, as a warning, every request that took longer than <c>Operations:SlowRequestSeconds</c> (5 s unless set; 0 turns it off):
/// method, path, status and time, so that someone running the servers sees where people waited. Blazor's own connection
/// (<c>/_blazor</c>), which lasts as long as a page is open, is left out.
/// </summary>
public sealed class SlowRequests(RequestDelegate next, ILogger<SlowRequests> log, IConfiguration config)
{
    private readonly TimeSpan threshold = TimeSpan.FromSeconds(config.GetValue("Operations:SlowRequestSeconds", 5.0));

    public async Task InvokeAsync(HttpContext http)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await next(http);
        }
        finally
        {
            if (IsSlow(http.Request.Path, watch.Elapsed, threshold))
                log.LogWarning(
                    "Slow request: {Method} {Path} answered {Status} after {Milliseconds:N0} ms",
                    http.Request.Method,
                    http.Request.Path.Value,
                    http.Response.StatusCode,
                    watch.Elapsed.TotalMilliseconds
                );
        }
    }

    /// <summary>Whether a request to <paramref name="path"/> that took <paramref name="elapsed"/> is worth a warning.</summary>
    public static bool IsSlow(PathString path, TimeSpan elapsed, TimeSpan threshold) =>
        threshold > TimeSpan.Zero && elapsed >= threshold && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);
}
