namespace Agency.Portal.Features.Calendars;

public static class CalendarsFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddCalendarsFeature(this IServiceCollection services)
    {
        services.AddScoped<AddBrandHoliday>();
        services.AddScoped<RemoveBrandHoliday>();
        services.AddScoped<ListBrandHolidays>();
        services.AddScoped<MarketingCalendar>();
        return services;
    }
}
