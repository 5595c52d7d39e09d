using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddSingleton<WorkNotifier>().AddSingleton<PresenceTracker>();
}
