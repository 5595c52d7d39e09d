namespace Agency.Portal.Features.Replies;

public static class RepliesFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddRepliesFeature(this IServiceCollection services)
    {
        services.AddScoped<SavedReplySettings>();
        return services;
    }
}
