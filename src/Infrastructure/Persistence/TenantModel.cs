using System.Linq.Expressions;
using System.Reflection;
using Agency.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Agency.Infrastructure.Persistence;

/// <summary>
/// Puts the named tenant filters on every tenant-owned entity and refuses a model in which an
/// entity is neither tenant-owned nor explicitly global.
/// </summary>
public static class TenantModel
{
    public const string AgencyFilter = "Agency";
    public const string BrandFilter = "Brand";

    /// <summary>Framework tables (Identity, Data Protection keys) hold no tenant data by design.</summary>
    private static readonly string[] FrameworkNamespaces = ["Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.DataProtection"];

    public static bool IsGlobal(Type clrType) =>
        clrType.GetCustomAttribute<GlobalEntityAttribute>() is not null
        || FrameworkNamespaces.Any(ns => clrType.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true);

    public static bool IsTenantOwned(Type clrType) => typeof(IAgencyOwned).IsAssignableFrom(clrType);

    internal static void Apply(ModelBuilder builder, AgencyDbContext context)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (IsTenantOwned(clr))
            {
                if (IsGlobal(clr))
                    throw new InvalidOperationException($"{clr.Name} is tenant-owned and marked global; choose one.");
                if (entityType.BaseType is not null)
                    continue; // filters go on the root of a hierarchy
                ApplyFilters(builder, entityType, context);
            }
            else if (!IsGlobal(clr))
            {
                throw new InvalidOperationException(
                    $"{clr.Name} is neither tenant-owned (IAgencyOwned/IBrandOwned) nor marked [GlobalEntity]. "
                        + "Every entity must say which, so that no table is left without a tenant filter."
                );
            }
        }
    }

    private static void ApplyFilters(ModelBuilder builder, IMutableEntityType entityType, AgencyDbContext context)
    {
        var clr = entityType.ClrType;
        var ctx = Expression.Constant(context);
        var e = Expression.Parameter(clr, "e");

        builder
            .Entity(clr)
            .HasQueryFilter(
                AgencyFilter,
                Expression.Lambda(EqualsCurrent(e, nameof(IAgencyOwned.AgencyId), ctx, nameof(AgencyDbContext.CurrentAgencyId)), e)
            );
        builder.Entity(clr).HasIndex(nameof(IAgencyOwned.AgencyId));

        if (typeof(IBrandOwned).IsAssignableFrom(clr))
        {
            builder
                .Entity(clr)
                .HasQueryFilter(
                    BrandFilter,
                    Expression.Lambda(EqualsCurrent(e, nameof(IBrandOwned.BrandId), ctx, nameof(AgencyDbContext.CurrentBrandId)), e)
                );
            builder.Entity(clr).HasIndex(nameof(IAgencyOwned.AgencyId), nameof(IBrandOwned.BrandId));
        }
    }

    // e.Column == context.Current (Guid? comparison: a context without a tenant matches no row).
    private static BinaryExpression EqualsCurrent(ParameterExpression e, string column, Expression ctx, string current) =>
        Expression.Equal(Expression.Convert(Expression.Property(e, column), typeof(Guid?)), Expression.Property(ctx, current));
}
