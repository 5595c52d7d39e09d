namespace Agency.Portal.Features.Identity;

public static class IdentityFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services)
    {
        services.AddScoped<CreateInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ChangeUserAccess>();
        services.AddScoped<SetUserLock>();
        services.AddScoped<ListUsers>();
        services.AddScoped<GetUserAccess>();
        return services;
    }
}
