namespace Agency.Domain.Common;

/// <summary>A row that belongs to one agency, the hard tenant boundary.</summary>
public interface IAgencyOwned
{
    Guid AgencyId { get; set; }
}

/// <summary>A row that belongs to one brand (and so to that brand's agency).</summary>
public interface IBrandOwned : IAgencyOwned
{
    Guid BrandId { get; set; }
}

/// <summary>
/// Marks an entity that deliberately belongs to no tenant. Persistence refuses to build a model
/// where an entity is neither tenant-owned nor marked global, so forgetting a filter fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GlobalEntityAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>Administrative entities whose every change is written to the audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>Rows that are written once and never changed or deleted (the audit log).</summary>
public interface IAppendOnly;
