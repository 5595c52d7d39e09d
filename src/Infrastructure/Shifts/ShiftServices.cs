using Microsoft.Extensions.DependencyInjection;

namespace Agency.Infrastructure.Shifts;

public static class ShiftServices
{
    public static IServiceCollection AddShifts(this IServiceCollection services) => services.AddSingleton<ShiftBook>();
}
