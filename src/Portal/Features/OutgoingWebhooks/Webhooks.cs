using Agency.Domain.OutgoingWebhooks;
using Agency.Infrastructure.OutgoingWebhooks;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agency.Portal.Features.OutgoingWebhooks;

public sealed class WebhookInput
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public HashSet<string> Events { get; set; } = [WebhookEvents.ConversationChanged];
}

public sealed class WebhookInputValidator : AbstractValidator<WebhookInput>
{
    public WebhookInputValidator(bool allowInsecure)
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage("Say which system this is, e.g. \"CRM\".")
            .MaximumLength(WebhookEndpoint.NameMaxLength)
            .WithMessage($"Keep the name to {WebhookEndpoint.NameMaxLength} characters.");
        RuleFor(x => x.Url)
            .Custom(
                (url, context) =>
                {
                    if (WebhookEndpoint.CheckUrl(url, allowInsecure) is { } problem)
                        context.AddFailure(problem);
                }
            );
        RuleFor(x => x.Events)
            .NotEmpty()
            .WithMessage("Choose at least one thing to be told about.")
            .Must(e => e.All(WebhookEvents.Subscribable.Contains))
            .WithMessage("Choose from the list.");
    }
}

/// <summary>An endpoint as its brand's admins see it: never its secret, which is shown once when made or rotated.</summary>
public sealed record WebhookRow(
    Guid Id,
    string Name,
    string Url,
    IReadOnlyList<string> Events,
    bool IsActive,
    DateTime CreatedAt,
    string? CreatedBy,
    DateTime? LastSuccessAt,
    DateTime? LastFailureAt,
    string? LastError,
    int ConsecutiveFailures,
    IReadOnlyList<WebhookCall> Recent,
    int Waiting
);

/// <summary>A call of the endpoint, as listed under it.</summary>
public sealed record WebhookCall(
    Guid Id,
    string Event,
    DateTime CreatedAt,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTime? NextAttemptAt,
    int? LastStatusCode,
    string? LastError
);

/// <summary>A secret to copy now, for the endpoint named.</summary>
public sealed record ShownSecret(Guid EndpointId, string Name, string Secret);

/// <summary>The brand's webhook endpoints: add, pause, resume, rotate the secret, remove, send a test, and see and redo recent calls.</summary>
public sealed class Webhooks(
    IDbContextFactory<AgencyDbContext> dbs,
    TenantContext tenant,
    WebhookSecrets secrets,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<Webhooks> log
)
{
    private const int Recent = 10;

    public WebhookInputValidator Validator { get; } = new(options.Value.AllowInsecure);

    public async Task<IReadOnlyList<WebhookRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var waiting = await db
            .WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .GroupBy(d => d.EndpointId)
            .Select(g => new { Endpoint = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Endpoint, x => x.Count, ct);
        var rows = new List<WebhookRow>();
        foreach (var e in endpoints)
        {
            var recent = await db
                .WebhookDeliveries.AsNoTracking()
                .Where(d => d.EndpointId == e.Id)
                .OrderByDescending(d => d.CreatedAt)
                .ThenByDescending(d => d.Id)
                .Take(Recent)
                .Select(d => new WebhookCall(
                    d.Id,
                    d.Event,
                    d.CreatedAt,
                    d.Status,
                    d.Attempts,
                    d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
                    d.LastStatusCode,
                    d.LastError
                ))
                .ToListAsync(ct);
            rows.Add(
                new WebhookRow(
                    e.Id,
                    e.Name,
                    e.Url,
                    e.Events,
                    e.IsActive,
                    e.CreatedAt,
                    e.CreatedBy,
                    e.LastSuccessAt,
                    e.LastFailureAt,
                    e.LastError,
                    e.ConsecutiveFailures,
                    recent,
                    waiting.GetValueOrDefault(e.Id)
                )
            );
        }
        return rows;
    }

    public async Task<Outcome<ShownSecret>> CreateAsync(WebhookInput input, CancellationToken ct = default)
    {
        (input.Name, input.Url) = (input.Name.Trim(), input.Url.Trim());
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<ShownSecret>.Invalid(validation);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookEndpoint.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Name = input.Name,
            Url = input.Url,
            Events = WebhookEvents.Subscribable.Where(input.Events.Contains).ToList(),
            SecretProtected = secrets.Protect(secret),
            CreatedAt = now,
            CreatedBy = tenant.Current.UserName,
        };
        endpoint.FollowFrom(now);
        db.WebhookEndpoints.Add(endpoint);
        return await db.SaveAsync(new ShownSecret(endpoint.Id, endpoint.Name, secret), "", SaveOutcomes.NotSaved, log, ct);
    }

    /// <summary>Pauses or resumes calls. A resumed endpoint goes on from where it was paused: what changed meanwhile is sent too.</summary>
    public Task<Outcome<bool>> SetActiveAsync(Guid id, bool active, CancellationToken ct = default) =>
        ChangeAsync(id, (_, e) => e.IsActive = active, ct);

    public Task<Outcome<ShownSecret>> RotateSecretAsync(Guid id, CancellationToken ct = default) =>
        ChangeAsync(
            id,
            (_, e) =>
            {
                var secret = WebhookEndpoint.NewSecret();
                e.SecretProtected = secrets.Protect(secret);
                return new ShownSecret(id, e.Name, secret);
            },
            ct
        );

    public Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken ct = default) =>
        ChangeAsync(
            id,
            (db, e) =>
            {
                db.WebhookEndpoints.Remove(e);
                return true;
            },
            ct
        );

    /// <summary>Queues a test call, sent within seconds.</summary>
    public async Task<Outcome<bool>> TestAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return Outcome<bool>.Invalid("", "This endpoint no longer exists.");
        if (!endpoint.IsActive)
            return Outcome<bool>.Invalid("", "Resume the endpoint first: a paused endpoint is not called.");
        var brand = await db
            .Brands.AsNoTracking()
            .Where(b => b.Id == tenant.RequireBrand())
            .Select(b => new WebhookBrand(b.Id, b.Slug, b.Name))
            .SingleAsync(ct);
        WebhookDispatcher.Ping(db, endpoint, brand, clock.GetUtcNow().UtcDateTime, tenant.Current.UserName);
        var saved = await db.SaveAsync(true, "", SaveOutcomes.NotSaved, log, ct);
        if (saved.Succeeded)
            signal.Pulse();
        return saved;
    }

    /// <summary>Sends a call again from the start (after the endpoint was fixed).</summary>
    public async Task<Outcome<bool>> RedeliverAsync(Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
            return Outcome<bool>.Invalid("", "This call is no longer kept.");
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        var saved = await db.SaveAsync(true, "", SaveOutcomes.NotSaved, log, ct);
        if (saved.Succeeded)
            signal.Pulse();
        return saved;
    }

    // The endpoint changed (or removed) and saved; what the change gives back is the outcome's value.
    private async Task<Outcome<T>> ChangeAsync<T>(Guid id, Func<AgencyDbContext, WebhookEndpoint, T> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
            return Outcome<T>.Invalid("", "This endpoint no longer exists.");
        return await db.SaveAsync(change(db, endpoint), "", SaveOutcomes.NotSaved, log, ct);
    }
}
