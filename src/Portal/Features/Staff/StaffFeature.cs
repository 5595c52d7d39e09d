namespace Agency.Portal.Features.Staff;

public static class StaffFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddStaffFeature(this IServiceCollection services)
    {
        services.AddScoped<SaveStaffMember>();
        services.AddScoped<SaveTeam>();
        services.AddScoped<ListStaff>();
        services.AddScoped<GetStaffMember>();
        services.AddScoped<ListTeams>();
        services.AddScoped<GetTeam>();
        return services;
    }
}
