using Agency.Portal.Features.Auditing;
using Agency.Portal.Features.Brands;
using Agency.Portal.Features.Calendars;
using Agency.Portal.Features.Channels;
using Agency.Portal.Features.Classification;
using Agency.Portal.Features.Common;
using Agency.Portal.Features.Conversations;
using Agency.Portal.Features.Home;
using Agency.Portal.Features.Identity;
using Agency.Portal.Features.Inbox;
using Agency.Portal.Features.Intake;
using Agency.Portal.Features.OutgoingWebhooks;
using Agency.Portal.Features.Planning;
using Agency.Portal.Features.PublicApi;
using Agency.Portal.Features.Replies;
using Agency.Portal.Features.Rostering;
using Agency.Portal.Features.Routing;
using Agency.Portal.Features.Shifts;
using Agency.Portal.Features.Sla;
using Agency.Portal.Features.Staff;

namespace Agency.Portal.Features;

public static class FeatureRegistration
{
    /// <summary>The use-case classes pages call; each is small and stateless, so scoped is enough. One call per feature.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<OperationScopes>();
        services.AddScoped<Lookups>();
        services.AddHomeFeature();
        services.AddBrandsFeature();
        services.AddCalendarsFeature();
        services.AddStaffFeature();
        services.AddIdentityFeature();
        services.AddAuditingFeature();
        services.AddChannelsFeature();
        services.AddIntakeFeature();
        services.AddPublicApiFeature();
        services.AddOutgoingWebhooksFeature();
        services.AddClassificationFeature();
        services.AddInboxFeature();
        services.AddConversationsFeature();
        services.AddRoutingFeature();
        services.AddSlaFeature();
        services.AddRepliesFeature();
        services.AddShiftsFeature();
        services.AddRosteringFeature();
        services.AddPlanningFeature();
        return services;
    }
}
