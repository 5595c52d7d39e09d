using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Routing;

/// <summary>AddRouting would collide with ASP.NET Core's endpoint routing, hence the longer name.</summary>
public static class RoutingServices
{
    public static IServiceCollection AddServiceRouting(this IServiceCollection services) => services.AddSingleton<ConversationWork>();
}
