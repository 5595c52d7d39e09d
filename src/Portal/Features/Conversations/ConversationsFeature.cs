namespace Agency.Portal.Features.Conversations;

public static class ConversationsFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddConversationsFeature(this IServiceCollection services)
    {
        services.AddScoped<ConversationCommands>();
        return services;
    }
}
