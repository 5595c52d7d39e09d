using Agency.Portal.Features.Audit;
using Agency.Portal.Features.Brands;
using Agency.Portal.Features.Channels;
using Agency.Portal.Features.Classification;
using Agency.Portal.Features.Common;
using Agency.Portal.Features.Staff;
using Agency.Portal.Features.Users;

namespace Agency.Portal.Features;

public static class FeatureRegistration
{
    /// <summary>The use-case classes pages call; each is small and stateless, so scoped is enough.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<OperationScopes>();
        services.AddScoped<SaveBrand>();
        services.AddScoped<SetBrandLogo>();
        services.AddScoped<AddBrandHoliday>();
        services.AddScoped<RemoveBrandHoliday>();
        services.AddScoped<SaveStaffMember>();
        services.AddScoped<SaveTeam>();
        services.AddScoped<CreateInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ChangeUserAccess>();
        services.AddScoped<SetUserLock>();
        services.AddScoped<SearchAuditLog>();
        services.AddScoped<SaveChannelAccount>();
        services.AddScoped<Integration.ApiKeys>();
        services.AddScoped<Integration.Webhooks>();
        services.AddScoped<RetryDelivery>();
        services.AddScoped<CorrectLabel>();
        services.AddScoped<ClassificationSettings>();
        services.AddScoped<Workspace.WorkspaceQueries>();
        services.AddScoped<Workspace.ConversationCommands>();
        services.AddScoped<Workspace.ServiceSettings>();
        services.AddScoped<Schedules.RosterDesk>();
        services.AddScoped<Workspace.MarketingQueries>();
        services.AddScoped<Planning.PlanningSettings>();
        services.AddScoped<Planning.MarketingCalendar>();
        return services;
    }
}
