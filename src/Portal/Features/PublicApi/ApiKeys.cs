using Agency.Domain.PublicApi;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Features.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.PublicApi;

public sealed class ApiKeyInput
{
    public string Name { get; set; } = "";
}

public sealed class ApiKeyInputValidator : AbstractValidator<ApiKeyInput>
{
    public ApiKeyInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage("Say what the key is for, e.g. \"CRM sync\".")
            .MaximumLength(ApiKey.NameMaxLength)
            .WithMessage($"Keep the name to {ApiKey.NameMaxLength} characters.");
    }
}

/// <summary>A key as its brand's admins see it: never the secret, which is shown once when the key is made.</summary>
public sealed record ApiKeyRow(
    Guid Id,
    string Name,
    string Display,
    DateTime CreatedAt,
    string? CreatedBy,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    string? RevokedBy
);

/// <summary>A key just made: the row, and the whole key to copy now (it cannot be shown again).</summary>
public sealed record IssuedApiKey(ApiKeyRow Key, string Secret);

/// <summary>The brand's REST API keys: list, make (the secret shown once) and revoke. Every change is in the audit log.</summary>
public sealed class ApiKeys(IDbContextFactory<AgencyDbContext> dbs, TenantContext tenant, TimeProvider clock, ILogger<ApiKeys> log)
{
    private static readonly ApiKeyInputValidator Validator = new();

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        // Active keys first, newest first within each.
        return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).Select(Row).ToList();
    }

    public async Task<Outcome<IssuedApiKey>> CreateAsync(ApiKeyInput input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        var validation = await Validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
            return Outcome<IssuedApiKey>.Invalid(validation);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.Name == input.Name && k.RevokedAt == null, ct))
            return Outcome<IssuedApiKey>.Invalid(
                nameof(input.Name),
                "An active key of this brand already has this name; name the new one after what will use it."
            );
        var (key, secret) = ApiKey.Issue(input.Name, clock.GetUtcNow().UtcDateTime, tenant.Current.UserName);
        db.ApiKeys.Add(key);
        return await db.SaveAsync(
            new IssuedApiKey(Row(key), secret),
            "",
            "A key with this prefix was made at the same moment; try again.",
            log,
            ct
        );
    }

    /// <summary>Revokes the key: calls with it are refused from now on. Revoking a revoked key changes nothing.</summary>
    public async Task<Outcome<ApiKeyRow>> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
            return Outcome<ApiKeyRow>.Invalid("", "This key no longer exists.");
        key.Revoke(clock.GetUtcNow().UtcDateTime, tenant.Current.UserName);
        return await db.SaveAsync(Row(key), "", SaveOutcomes.NotSaved, log, ct);
    }

    private static ApiKeyRow Row(ApiKey k) =>
        new(k.Id, k.Name, k.Display, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt, k.RevokedBy);
}
