using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.PublicApi;

public static class PublicApiServices
{
    public static IServiceCollection AddPublicApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(Options.Create(config.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions()));
        services.AddSingleton<BrandApi>();
        services.AddSingleton<ApiKeyAuthenticator>();
        return services;
    }
}
