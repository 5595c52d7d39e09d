namespace Agency.Portal.Features.Channels;

public static class ChannelsFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddChannelsFeature(this IServiceCollection services)
    {
        services.AddScoped<SaveChannelAccount>();
        services.AddScoped<ListAccounts>();
        services.AddScoped<GetAccount>();
        services.AddScoped<ReadStream>();
        return services;
    }
}
