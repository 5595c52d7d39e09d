namespace Agency.Portal.Features.Inbox;

public static class InboxFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddInboxFeature(this IServiceCollection services)
    {
        services.AddScoped<InboxQueries>();
        return services;
    }
}
