using Agency.Portal.Features.Auditing;
using Agency.Portal.Features.Brands;
using Agency.Portal.Features.Calendars;
using Agency.Portal.Features.Channels;
using Agency.Portal.Features.Classification;
using Agency.Portal.Features.Common;
using Agency.Portal.Features.Staff;
using Agency.Portal.Features.Identity;

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
        services.AddScoped<PublicApi.ApiKeys>();
        services.AddScoped<OutgoingWebhooks.Webhooks>();
        services.AddScoped<RetryDelivery>();
        services.AddScoped<CorrectLabel>();
        services.AddScoped<ClassificationSettings>();
        services.AddScoped<Inbox.InboxQueries>();
        services.AddScoped<Conversations.ConversationCommands>();
        services.AddScoped<Routing.RoutingRuleSettings>();
        services.AddScoped<Sla.SlaPolicySettings>();
        services.AddScoped<Replies.SavedReplySettings>();
        services.AddScoped<Shifts.ShiftDesk>();
        services.AddScoped<Rostering.RosterDesk>();
        services.AddScoped<Routing.MarketingQueries>();
        services.AddScoped<Planning.PlanningSettings>();
        services.AddScoped<Calendars.MarketingCalendar>();
        return services;
    }
}
