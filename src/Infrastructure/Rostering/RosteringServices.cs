using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Rostering;

public static class RosteringServices
{
    public static IServiceCollection AddRostering(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RosterPlanner>();
        services.AddSingleton(
            Options.Create(config.GetSection(RosterRunnerOptions.Section).Get<RosterRunnerOptions>() ?? new RosterRunnerOptions())
        );
        services.AddSingleton<RosterTurns>();
        services.AddSingleton<RosterRunner>();
        return services;
    }
}
