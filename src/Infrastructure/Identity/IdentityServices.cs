using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>ASP.NET Core Identity on the agency's database, its password and lockout rules, and invitation mail.</summary>
    public static IServiceCollection AddAgencyIdentity(this IServiceCollection services, IConfiguration config)
    {
        services
            .AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<Persistence.AgencyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AgencyClaimsFactory>();
        services.AddSingleton<SignInRecord>();

        services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        if (config.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { Sink: true })
        {
            services.AddSingleton<Mail.LocalMailSink>();
            services.AddHostedService(sp => sp.GetRequiredService<Mail.LocalMailSink>());
        }
        return services;
    }
}
