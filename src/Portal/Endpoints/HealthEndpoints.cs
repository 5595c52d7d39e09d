using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Agency.Infrastructure.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agency.Portal.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: the database is reachable and fully migrated.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write })
            .AllowAnonymous();

        // Prometheus scrapes: from this machine (a sidecar, an agent on the host), or anywhere with Operations:MetricsToken as a bearer token.
        app.MapGet("/metrics", async (HttpContext http, OperationsMetrics metrics, IConfiguration config) =>
            {
                if (!MayScrape(http, config["Operations:MetricsToken"]))
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    return Results.Text(
                        "Metrics are served to this machine, or with the bearer token set in Operations:MetricsToken.",
                        statusCode: StatusCodes.Status401Unauthorized
                    );
                }
                return Results.Text(await metrics.RenderAsync(http.RequestAborted), PrometheusText.ContentType);
            })
            .AllowAnonymous();
    }

    private static bool MayScrape(HttpContext http, string? token)
    {
        if (
            !string.IsNullOrEmpty(token)
            && http.Request.Headers.Authorization.ToString() is var header
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
        )
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(header[7..])),
                SHA256.HashData(Encoding.UTF8.GetBytes(token))
            );
        return http.Connection.RemoteIpAddress is { } from
            && IPAddress.IsLoopback(from)
            && !http.Request.Headers.ContainsKey("X-Forwarded-For");
    }

    private static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(
            JsonSerializer.Serialize(
                new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new
                    {
                        name = e.Key,
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                    }),
                }
            )
        );
    }
}
