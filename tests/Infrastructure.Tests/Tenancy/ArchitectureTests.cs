using System.Text.RegularExpressions;
using Agency.Domain.Common;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Tests.Tenancy;

/// <summary>Rules of the model that keep tenancy fail-closed as the code grows.</summary>
public class ArchitectureTests
{
    [Fact]
    public void Every_entity_is_tenant_owned_or_explicitly_global()
    {
        foreach (var e in ModelTypes.Current.GetEntityTypes().Where(e => !e.IsOwned()))
            Assert.True(
                TenantModel.IsTenantOwned(e.ClrType) ^ TenantModel.IsGlobal(e.ClrType),
                $"{e.ClrType.Name} must be exactly one of tenant-owned or global."
            );
    }

    [Fact]
    public void Every_tenant_owned_entity_has_its_named_filters()
    {
        foreach (var type in ModelTypes.TenantOwned())
        {
            var filters = ModelTypes.Current.FindEntityType(type)!.GetDeclaredQueryFilters().Select(f => f.Key).ToList();
            Assert.Contains(TenantModel.AgencyFilter, filters);
            if (typeof(IBrandOwned).IsAssignableFrom(type))
                Assert.Contains(TenantModel.BrandFilter, filters);
        }
    }

    [Fact]
    public void Every_unique_index_on_tenant_data_includes_the_tenant_columns()
    {
        foreach (var type in ModelTypes.TenantOwned())
        {
            foreach (var index in ModelTypes.Current.FindEntityType(type)!.GetIndexes().Where(i => i.IsUnique))
            {
                var columns = index.Properties.Select(p => p.Name).ToList();
                // A unique index on a globally unique secret (the invitation token hash) is the one exception.
                Assert.True(
                    columns.Contains(nameof(IAgencyOwned.AgencyId)),
                    $"Unique index ({string.Join(", ", columns)}) on {type.Name} lacks AgencyId."
                );
                if (typeof(IBrandOwned).IsAssignableFrom(type))
                    Assert.True(
                        columns.Contains(nameof(IBrandOwned.BrandId)),
                        $"Unique index ({string.Join(", ", columns)}) on {type.Name} lacks BrandId."
                    );
            }
        }
    }

    [Fact]
    public void A_model_with_an_entity_that_forgot_its_tenant_does_not_build()
    {
        var options = new DbContextOptionsBuilder<ForgetfulContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new ForgetfulContext(options);
        var error = Assert.Throws<InvalidOperationException>(() => db.Model);
        Assert.Contains(nameof(Forgotten), error.Message);
    }

    [Fact]
    public void No_source_file_drops_all_query_filters_at_once()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var offenders = Directory
            .EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"IgnoreQueryFilters\(\s*\)"))
            .ToList();
        Assert.Empty(offenders);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agency.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Agency.sln not found above the test binaries.");
    }

    public sealed class Forgotten
    {
        public Guid Id { get; set; }
    }

    private sealed class ForgetfulContext(DbContextOptions<ForgetfulContext> options) : AgencyDbContext(options, TenantScope.None)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Forgotten>();
            base.OnModelCreating(builder);
        }
    }
}
