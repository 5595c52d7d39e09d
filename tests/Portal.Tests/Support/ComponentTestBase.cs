using Agency.Domain.Tenancy;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Agency.Portal.Tests.Support;

/// <summary>
/// bUnit with MudBlazor and, for components that save, a real migrated SQLite database holding one
/// agency whose tenant is the test's.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("agency-bunit-");

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Setup = DatabaseSetup.Build(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString }, null);
        Services.AddSingleton(Setup);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Tenant);
        Services.AddScoped<IDbContextFactory<AgencyDbContext>, AgencyDbContextFactory>();
    }

    protected DatabaseSetup Setup { get; }

    /// <summary>Connections give up on a lock after 2 s (production waits 30): a test of a busy database need not wait long.</summary>
    protected string ConnectionString => $"Data Source={Path.Combine(_dir.FullName, "agency.db")};Default Timeout=2";

    /// <summary>Another writer holding the database until disposed, as a long import or another server would.</summary>
    protected Task<IAsyncDisposable> HoldWritesAsync() => SqliteLock.HoldAsync(ConnectionString);

    protected TenantContext Tenant { get; } = new();
    protected Guid AgencyId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await using (var db = Setup.Create(TenantScope.None))
        {
            await db.Database.MigrateAsync();
            var agency = new AgencyAccount { Name = "Test agency", Slug = "test-agency" };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            AgencyId = agency.Id;
        }
        Tenant.Set(TenantScope.ForAgency(AgencyId, TenantSource.User, "u1", "Test Admin"));
        await SeedAsync();
    }

    protected virtual Task SeedAsync() => Task.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        { /* temp folder */
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>The input a person finds by its visible label.</summary>
    protected static AngleSharp.Dom.IElement InputLabelled<T>(IRenderedComponent<T> cut, string label)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var l = cut.FindAll("label").FirstOrDefault(x => x.TextContent.Trim().TrimEnd('*').Trim() == label)
            ?? throw new InvalidOperationException($"No label '{label}'.");
        return cut.Find($"#{l.GetAttribute("for")}");
    }

    /// <summary>A brand of the test's agency, which becomes the tenant's brand.</summary>
    protected async Task<Brand> AddBrandAsync(string slug = "acme", string name = "Acme")
    {
        var brand = new Brand
        {
            Name = name,
            Slug = slug,
            TimeZoneId = "UTC",
        };
        await using (var db = Setup.Create(Tenant.Current))
        {
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
        }
        Tenant.SetBrand(brand.Id);
        return brand;
    }

    /// <summary>The dialogs of the last page rendered by <see cref="RenderBrandPageAsAdmin{TPage}"/> (message boxes open there).</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>A page of <paramref name="brand"/> as the agency's admin sees it, with MudBlazor's popovers, dialogs and messages.</summary>
    protected IRenderedComponent<Microsoft.AspNetCore.Components.CascadingValue<Agency.Portal.Components.Shared.PortalContext>> RenderBrandPageAsAdmin<TPage>(
        Brand brand
    )
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return RenderAsAdmin<TPage>(brand, withBrandParameter: true);
    }

    /// <summary>The agency's admin, entitled to <paramref name="brand"/>.</summary>
    protected Agency.Portal.Components.Shared.PortalContext AdminOf(Brand brand) =>
        new(
            new System.Security.Claims.ClaimsPrincipal(
                new System.Security.Claims.ClaimsIdentity(
                    [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.AgencyAdmin)],
                    "test"
                )
            ),
            [UserRole.AgencyAdmin],
            [new BrandAccess(AgencyId, brand.Id, brand.Slug, brand.Name, "#000000", "UTC", false, null)],
            null
        );

    /// <summary>A page as the agency's admin sees it (the brand page's route parameter only when it has one).</summary>
    protected IRenderedComponent<Microsoft.AspNetCore.Components.CascadingValue<Agency.Portal.Components.Shared.PortalContext>> RenderAsAdmin<TPage>(
        Brand brand,
        bool withBrandParameter = false
    )
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        Render<Microsoft.AspNetCore.Components.CascadingValue<Agency.Portal.Components.Shared.PortalContext>>(p =>
            p.Add(x => x.Value, AdminOf(brand))
                .AddChildContent(b =>
                {
                    b.OpenComponent<TPage>(0);
                    if (withBrandParameter)
                        b.AddAttribute(1, "Brand", brand.Slug);
                    b.CloseComponent();
                })
        );

    /// <summary>What the inbox, the conversation reads and the bell need.</summary>
    protected void AddInboxServices()
    {
        Services.AddSingleton(new Agency.Infrastructure.Tenancy.AgencyWideReader(Setup));
        Services.AddSingleton(sp => new Agency.Infrastructure.Routing.ConversationWork(
            sp.GetRequiredService<Agency.Infrastructure.Tenancy.AgencyWideReader>(),
            TimeProvider.System
        ));
        Services.AddSingleton<Agency.Infrastructure.Notifications.WorkNotifier>();
        Services.AddScoped<Agency.Portal.Features.Inbox.InboxQueries>();
    }

    protected static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> cut, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == text)
        ?? throw new InvalidOperationException($"No button '{text}'.");
}
