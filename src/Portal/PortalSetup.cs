using Agency.Domain.Tenancy;
using Agency.Infrastructure.Identity;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Seeding;
using Agency.Portal.Components;
using Agency.Portal.Components.Account;
using Agency.Portal.Endpoints;
using Agency.Portal.Features;
using Agency.Portal.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Agency.Portal;

public static class PortalSetup
{
    public const string AgencyAdminPolicy = "AgencyAdmin";

    /// <summary>People who answer customers: agents, team leads, agency admins.</summary>
    public const string ServicePolicy = "Service";

    /// <summary>People who change how a brand's work is routed and timed: team leads and agency admins.</summary>
    public const string LeadPolicy = "Lead";

    /// <summary>People who plan shifts: schedulers, team leads, agency admins.</summary>
    public const string ShiftPolicy = "Shifts";

    /// <summary>Who may open a conversation: service roles and the brand's marketing owners (to follow and forward).</summary>
    public const string ConversationPolicy = "Conversation";
    public const string CalendarPolicy = "Calendar";

    /// <summary>Brand dashboards and reports: the brand's managers and the agency's roles that run its service.</summary>
    public const string ReportPolicy = "Reports";

    /// <summary>Read-only transcripts: brand managers, admins and team leads.</summary>
    public const string TranscriptPolicy = "Transcripts";

    /// <summary>The agency console across all brands.</summary>
    public const string ConsolePolicy = "Console";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

        services.AddBrandApi(builder.Configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Agency.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // API-like paths get status codes, not a redirect to the sign-in page.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden),
            };
        });
        services
            .AddAuthorizationBuilder()
            .AddPolicy(AgencyAdminPolicy, p => p.RequireRole(Roles.AgencyAdmin))
            .AddPolicy(ServicePolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Agent))
            .AddPolicy(LeadPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead))
            .AddPolicy(ShiftPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Scheduler))
            .AddPolicy(ConversationPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Agent, Roles.MarketingOwner))
            .AddPolicy(CalendarPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Scheduler, Roles.MarketingOwner))
            .AddPolicy(ReportPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Scheduler, Roles.BrandManager))
            .AddPolicy(TranscriptPolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.BrandManager))
            .AddPolicy(ConsolePolicy, p => p.RequireRole(Roles.AgencyAdmin, Roles.TeamLead, Roles.Scheduler));

        services.AddFeatures();
        if (builder.Configuration.GetValue("Outbound:StandIn", false))
            services.AddSingleton<Agency.Infrastructure.Replies.PlatformStandIn>();
        return builder;
    }

    /// <summary>
    /// In development and tests there is no internet: replies go to the platform stand-in on this
    /// server's own address (real HTTP, the platforms' request shapes), never to X or Meta.
    /// </summary>
    private static void MapPlatformStandIn(WebApplication app)
    {
        if (app.Services.GetService<Agency.Infrastructure.Replies.PlatformStandIn>() is not { } standIn)
            return;
        standIn.Map(app, "/standin");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app
                .Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()
                ?.Addresses.FirstOrDefault();
            if (address is null)
                return;
            address = address
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
            var options = app
                .Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Agency.Infrastructure.Replies.OutboundOptions>>()
                .Value;
            options.GraphBaseUrl = $"{address}/standin/graph/v21.0";
            options.XBaseUrl = $"{address}/standin/x";
            app.Logger.LogWarning(
                "Replies go to the platform stand-in at {Address}/standin (Outbound:StandIn), not to X or Meta.",
                address
            );
        });
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/health"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Migrates the database, seeds the demo in development, and says where to sign in.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        var seed = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        await DatabaseInitializer.InitializeAsync(app.Services, seed);
        if (seed)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var urls = string.Join(", ", app.Urls);
                var lines = DemoData.Users.Select(u => $"  {Roles.Describe(u.Role), -22} {u.Email}");
                app.Logger.LogWarning(
                    "Agency is running at {Urls}. Sign in at /Account/Login with one of the demo users (password {Password}):{NewLine}{Users}",
                    urls,
                    DemoData.Password,
                    Environment.NewLine,
                    string.Join(Environment.NewLine, lines)
                );
            });
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<Operations.SlowRequests>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantMiddleware>();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.Services.GetRequiredService<Agency.Infrastructure.Operations.MetricsCollector>(); // counting starts with the server
        app.MapBrandEndpoints();
        app.MapReportEndpoints();
        app.MapWebhookEndpoints();
        app.MapBrandApi();
        MapPlatformStandIn(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
