using System.ComponentModel;
using System.Globalization;
using System.Threading.RateLimiting;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.PublicApi;
using Agency.Domain.Reporting;
using Agency.Infrastructure.PublicApi;
using Agency.Infrastructure.Reporting;
using Agency.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Agency.Portal.Endpoints;

/// <summary>
/// The brand REST API (capability 11): read-only, one brand per key. A key is presented as <c>Authorization: Bearer agk_…</c>;
/// the key names its brand, which becomes the request's tenant, so every read goes through the brand's filters. A missing,
/// unknown or revoked key gets 401, bad parameters 400 with the reason, a conversation of another brand 404 (as if it did not
/// exist), too many calls 429. Described at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string RateLimitPolicy = "api";
    public const string DocumentName = "v1";
    private const string Realm = "agency-api";

    public static IServiceCollection AddBrandApi(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter())
        );
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.RequestsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
            );
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(
                        CultureInfo.InvariantCulture
                    );
                await Results
                    .Problem(
                        statusCode: 429,
                        title: "Too many requests",
                        detail: $"A key may make {options.RequestsPerMinute} calls a minute; wait for the time in Retry-After."
                    )
                    .ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocument>();
        });
        return services;
    }

    // A key's calls count together wherever they come from; calls without a key's shape count per address.
    private static string PartitionOf(HttpContext http) =>
        ApiKey.PrefixOf(Bearer(http)) is { } prefix ? "key:" + prefix : "ip:" + http.Connection.RemoteIpAddress;

    public static void MapBrandApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1")
            .WithTags("Brand")
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(Authenticate)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/brand", async (TenantContext tenant, BrandApi brands, HttpContext http) =>
                TypedResults.Ok(await brands.BrandAsync(tenant.Current, http.RequestAborted))
            )
            .WithName("GetBrand")
            .WithSummary("The key's brand and its social accounts");

        api.MapGet(
                "/conversations",
                async Task<Results<Ok<ApiConversationPage>, ProblemHttpResult>> (
                    [Description(
                        "Only conversations changed at or after this instant (ISO 8601 with an offset, e.g. 2026-11-01T00:00:00Z)."
                    )]
                        string? updatedSince,
                    [Description("Open, WaitingOnCustomer or Resolved.")] string? status,
                    [Description("X, Facebook or Instagram.")] string? network,
                    [Description("The next cursor of the page before.")] string? after,
                    [Description("Conversations per page, 1 to 200 (50 when not given).")] string? limit,
                    TenantContext tenant,
                    BrandApi brands,
                    HttpContext http
                ) =>
                {
                    var (query, error) = ParseQuery(updatedSince, status, network, after, limit);
                    if (query is null)
                        return Invalid(error!);
                    return TypedResults.Ok(await brands.ConversationsAsync(tenant.Current, query, http.RequestAborted));
                }
            )
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListConversations")
            .WithSummary("Conversations by their last change, oldest first")
            .WithDescription(
                "Any change counts: a message, an assignment, a resolve. Follow next while hasMore; keep the last next and ask again later to get only "
                    + "what changed since, each change once. Changes appear about two seconds after they are made. Each conversation is one case: the public thread and any private messages."
            );

        api.MapGet(
                "/conversations/{id}",
                async Task<Results<Ok<ApiConversationDetail>, ProblemHttpResult>> (
                    string id,
                    TenantContext tenant,
                    BrandApi brands,
                    HttpContext http
                ) =>
                {
                    var found = Guid.TryParse(id, out var guid)
                        ? await brands.ConversationAsync(tenant.Current, guid, http.RequestAborted)
                        : null;
                    return found is null
                        ? TypedResults.Problem(
                            statusCode: 404,
                            title: "No such conversation",
                            detail: "This brand has no conversation with this id."
                        )
                        : TypedResults.Ok(found);
                }
            )
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConversation")
            .WithSummary("One conversation with its messages (the customer's posts and the brand's replies; no internal notes)");

        api.MapGet(
                "/figures",
                async Task<Results<Ok<ApiFigures>, ProblemHttpResult>> (
                    [Description("First day, yyyy-MM-dd, in the brand's time zone.")] string? from,
                    [Description("Last day, yyyy-MM-dd, included; at most 366 days.")] string? to,
                    TenantContext tenant,
                    BrandReports reports,
                    HttpContext http
                ) =>
                {
                    var header = await reports.BrandAsync(tenant.Current, http.RequestAborted);
                    var (period, error) = PeriodParameters.Parse(from, to, header.Zone, "from", "to");
                    if (period is null)
                        return Invalid(error!);
                    var d = await reports.DashboardAsync(tenant.Current, period, http.RequestAborted);
                    return TypedResults.Ok(ApiFigures.Of(d, header.Zone.Id));
                }
            )
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetFigures")
            .WithSummary("The brand's service figures for whole days, as on its dashboard, with the same number of days before");
    }

    private static async ValueTask<object?> Authenticate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = await http
            .RequestServices.GetRequiredService<ApiKeyAuthenticator>()
            .AuthenticateAsync(Bearer(http), http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\"";
            return TypedResults.Problem(
                statusCode: 401,
                title: "No valid API key",
                detail: "Send the brand's API key as 'Authorization: Bearer agk_…'. Keys are made, and revoked, by the agency's admins on the brand's API access page."
            );
        }
        http.RequestServices.GetRequiredService<TenantContext>().Set(caller.Scope);
        return await next(context);
    }

    private static string? Bearer(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is var value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value[7..].Trim()
            : null;

    /// <summary>The query, or the first parameter that is wrong, said plainly.</summary>
    private static (ApiConversationQuery? Query, string? Error) ParseQuery(
        string? updatedSince,
        string? status,
        string? network,
        string? after,
        string? limit
    )
    {
        DateTime? since = null;
        if (updatedSince is not null)
        {
            if (
                !HasOffset(updatedSince)
                || !DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            )
                return (null, "updatedSince must be an instant with its offset, e.g. 2026-11-01T00:00:00Z.");
            since = instant.UtcDateTime;
        }
        ConversationStatus? state = null;
        if (status is not null)
        {
            if (Named<ConversationStatus>(status) is not { } s)
                return (null, "status must be Open, WaitingOnCustomer or Resolved.");
            state = s;
        }
        Network? net = null;
        if (network is not null)
        {
            if (Named<Network>(network) is not { } n)
                return (null, $"network must be one of {string.Join(", ", Enum.GetNames<Network>())}.");
            net = n;
        }
        ApiCursor? cursor = null;
        if (after is not null && (cursor = ApiCursor.Decode(after)) is null)
            return (null, "after must be a next cursor this API gave out.");
        var size = ApiConversationQuery.DefaultLimit;
        if (
            limit is not null
            && (
                !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size)
                || size is < 1 or > ApiConversationQuery.MaxLimit
            )
        )
            return (null, $"limit must be a whole number from 1 to {ApiConversationQuery.MaxLimit}.");
        return (new ApiConversationQuery(since, state, net, cursor, size), null);
    }

    // An enumeration value by its name only (Enum.TryParse also takes numbers, which the API does not promise).
    private static T? Named<T>(string text)
        where T : struct, Enum =>
        !int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    // An instant without an offset would be read in the server's zone: refused rather than guessed.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");

    private static ProblemHttpResult Invalid(string reason) =>
        TypedResults.Problem(statusCode: 400, title: "Invalid request", detail: reason);
}
