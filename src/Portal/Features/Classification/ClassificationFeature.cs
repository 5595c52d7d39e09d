namespace Agency.Portal.Features.Classification;

public static class ClassificationFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddClassificationFeature(this IServiceCollection services)
    {
        services.AddScoped<CorrectLabel>();
        services.AddScoped<ClassificationSettings>();
        return services;
    }
}
