namespace Agency.Portal.Features.Brands;

public static class BrandsFeature
{
    /// <summary>The use-case classes this feature's pages call.</summary>
    public static IServiceCollection AddBrandsFeature(this IServiceCollection services)
    {
        services.AddScoped<SaveBrand>();
        services.AddScoped<SetBrandLogo>();
        services.AddScoped<ListBrands>();
        services.AddScoped<GetBrand>();
        services.AddScoped<SummariseBrand>();
        return services;
    }
}
