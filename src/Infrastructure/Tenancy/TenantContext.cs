namespace Agency.Infrastructure.Tenancy;

/// <summary>Where the current tenant came from; kept for logs and for fail-closed checks.</summary>
public enum TenantSource
{
    None,
    User,
    Channel,
    ApiKey,
    Job,
    System,
}

/// <summary>
/// An immutable view of who is acting for which tenant. A DbContext copies one at creation, so a
/// context never changes tenant while it lives.
/// </summary>
public sealed record TenantScope(Guid? AgencyId, Guid? BrandId, string? UserId, string? UserName, TenantSource Source)
{
    public static readonly TenantScope None = new(null, null, null, null, TenantSource.None);

    public static TenantScope ForAgency(Guid agencyId, TenantSource source, string? userId = null, string? userName = null) =>
        new(agencyId, null, userId, userName, source);

    public static TenantScope ForBrand(Guid agencyId, Guid brandId, TenantSource source, string? userId = null, string? userName = null) =>
        new(agencyId, brandId, userId, userName, source);

    public TenantScope WithBrand(Guid brandId) =>
        AgencyId is null ? throw new TenantException("A brand cannot be chosen before its agency.") : this with { BrandId = brandId };
}

/// <summary>
/// The scoped, mutable holder of the current <see cref="TenantScope"/>: one per HTTP request,
/// Blazor circuit, webhook delivery, API call or job run.
/// </summary>
public sealed class TenantContext
{
    public TenantScope Current { get; private set; } = TenantScope.None;

    public Guid? AgencyId => Current.AgencyId;
    public Guid? BrandId => Current.BrandId;

    public Guid RequireAgency() => Current.AgencyId ?? throw new TenantException("No agency is set for this operation.");

    public Guid RequireBrand() => Current.BrandId ?? throw new TenantException("No brand is set for this operation.");

    public void Set(TenantScope scope)
    {
        // Changing agency inside one scope means two tenants would share services: refuse it.
        if (Current.AgencyId is { } current && scope.AgencyId is { } next && current != next)
            throw new TenantException("This scope already belongs to another agency.");
        Current = scope;
    }

    public void SetBrand(Guid? brandId) => Current = brandId is { } id ? Current.WithBrand(id) : Current with { BrandId = null };
}

/// <summary>A missing or mismatched tenant. Never caught to carry on: the operation must fail.</summary>
public sealed class TenantException(string message) : InvalidOperationException(message);
