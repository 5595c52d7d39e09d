using System.Reflection;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Tests.Architecture;

/// <summary>The shape of the code (issue 25): one name per feature in every project, thin pages, lease columns out of the domain.</summary>
public class CodeShapeTests
{
    // Portal feature folders with no namesake in Domain or Infrastructure, and why.
    private static readonly Dictionary<string, string> PortalOnlyFeatures = new()
    {
        ["Brands"] = "the brand admin pages; a brand is Tenancy's entity",
        ["Home"] = "the landing page, which only links to the features",
        ["Inbox"] = "reads across the user's brands; the work it shows belongs to Routing, Sla and Conversations",
    };

    // Domain entities that still carry lease or claim columns, and why.
    private static readonly Dictionary<string, string> DomainTypesWithLeases = new()
    {
        ["InboxDelivery"] = "a work-queue row: its claim commits with the work it guards",
        ["OutboundMessage"] = "a work-queue row: its claim commits with the send it guards",
        ["WebhookEndpoint"] = "not yet moved to a shared lease table (issue 25, item 5)",
        ["RollupState"] = "not yet moved to a shared lease table (issue 25, item 5)",
    };

    [Fact]
    public void Every_portal_feature_folder_is_named_as_in_domain_or_infrastructure()
    {
        var root = RepoPaths.Root();
        var known = Folders(Path.Combine(root, "src", "Domain")).Concat(Folders(Path.Combine(root, "src", "Infrastructure"))).ToHashSet();
        var strays = Folders(Path.Combine(root, "src", "Portal", "Features"))
            .Where(f => !known.Contains(f) && !PortalOnlyFeatures.ContainsKey(f))
            .ToList();
        Assert.True(strays.Count == 0, $"Portal feature folders without a namesake: {string.Join(", ", strays)}");
    }

    [Fact]
    public void The_old_catch_all_folders_are_gone()
    {
        var root = RepoPaths.Root();
        foreach (
            var path in new[] { "src/Infrastructure/Work", "src/Portal/Features/Workspace", "src/Infrastructure/Persistence/Migrations" }
        )
        {
            var full = Path.Combine(root, path);
            Assert.False(
                Directory.Exists(full) && Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories).Any(),
                $"{path} should not hold code any more."
            );
        }
    }

    [Fact]
    public void No_component_reads_the_database_itself()
    {
        var offenders = typeof(PortalSetup)
            .Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(ReadsTheDatabase)
            .Select(t => t.Name)
            .ToHashSet();
        Assert.True(
            offenders.Count == 0,
            $"Components that inject the database: {string.Join(", ", offenders)}; call a use-case class instead."
        );
    }

    [Fact]
    public void Lease_columns_stay_out_of_domain_entities_but_for_the_listed_ones()
    {
        var carriers = typeof(Domain.Common.IAudited)
            .Assembly.GetTypes()
            .Where(t =>
                t.GetProperties()
                    .Any(p => p.Name.StartsWith("Lease", StringComparison.Ordinal) || p.Name.StartsWith("Claim", StringComparison.Ordinal))
            )
            .Select(t => t.Name)
            .ToHashSet();
        Assert.Empty(carriers.Except(DomainTypesWithLeases.Keys));
        Assert.Empty(DomainTypesWithLeases.Keys.Except(carriers));
    }

    private static bool ReadsTheDatabase(Type t) =>
        t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => p.PropertyType)
            .Concat(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType))
            .Any(x => typeof(AgencyDbContext).IsAssignableFrom(x) || x == typeof(IDbContextFactory<AgencyDbContext>));

    // Folders that hold source (git keeps no empty folders, a working copy may).
    private static IEnumerable<string> Folders(string path) =>
        Directory
            .EnumerateDirectories(path)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "Properties" or "wwwroot"))
            .Where(d =>
                Directory
                    .EnumerateFiles(d, "*.*", SearchOption.AllDirectories)
                    .Any(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            )
            .Select(Path.GetFileName)
            .OfType<string>();
}
