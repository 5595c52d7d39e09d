namespace Agency.Portal.Features.Shifts;

public static class ShiftsFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddShiftsFeature(this IServiceCollection services)
    {
        services.AddScoped<ShiftDesk>();
        services.AddScoped<ReadMyShifts>();
        return services;
    }
}
