using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Conversations;

public static class ConversationServices
{
    public static IServiceCollection AddConversations(this IServiceCollection services) => services.AddSingleton<ConversationActions>();
}
