using Agency.Domain.Tenancy;
using Agency.Infrastructure.Conversations;
using Agency.Infrastructure.Tenancy;
using Agency.Portal.Components.Shared;

namespace Agency.Portal.Features.Conversations;

/// <summary>
/// The workspace's actions for the current brand, with who may do what: service staff answer and
/// change status, leads (re)assign, marketing owners forward to service.
/// </summary>
public sealed class ConversationCommands(ConversationActions actions, TenantContext tenant)
{
    private static readonly WorkResult NotAllowed = WorkResult.Refused("Your role cannot do this.");

    private TenantScope Brand =>
        tenant.Current.BrandId is null ? throw new TenantException("Conversations are worked inside a brand.") : tenant.Current;

    public static bool CanAnswer(PortalContext p) => p.IsAgencyAdmin || p.Has(UserRole.TeamLead) || p.Has(UserRole.Agent);

    public static bool CanAssign(PortalContext p) => p.IsAgencyAdmin || p.Has(UserRole.TeamLead);

    public static bool CanForward(PortalContext p) => CanAnswer(p) || p.Has(UserRole.MarketingOwner);

    public Task<WorkResult> ReplyAsync(PortalContext p, Guid id, int version, ConversationActions.ReplyInput input) =>
        CanAnswer(p) ? actions.ReplyAsync(Brand, id, version, input) : Task.FromResult(NotAllowed);

    public Task<WorkResult> MoveToPrivateAsync(PortalContext p, Guid id, int version, string text) =>
        CanAnswer(p) ? actions.MoveToPrivateAsync(Brand, id, version, text) : Task.FromResult(NotAllowed);

    public Task<WorkResult> NoteAsync(PortalContext p, Guid id, string text) =>
        CanAnswer(p) ? actions.AddNoteAsync(Brand, id, text) : Task.FromResult(NotAllowed);

    public Task<WorkResult> ResolveAsync(PortalContext p, Guid id, int version) =>
        CanAnswer(p) ? actions.ResolveAsync(Brand, id, version) : Task.FromResult(NotAllowed);

    public Task<WorkResult> ReopenAsync(PortalContext p, Guid id, int version) =>
        CanAnswer(p) ? actions.ReopenAsync(Brand, id, version) : Task.FromResult(NotAllowed);

    public Task<WorkResult> WaitAsync(PortalContext p, Guid id, int version) =>
        CanAnswer(p) ? actions.WaitOnCustomerAsync(Brand, id, version) : Task.FromResult(NotAllowed);

    public Task<WorkResult> AssignAsync(PortalContext p, Guid id, int version, Guid? staffId) =>
        CanAssign(p) ? actions.AssignAsync(Brand, id, version, staffId) : Task.FromResult(NotAllowed);

    public Task<WorkResult> ForwardAsync(PortalContext p, Guid id) =>
        CanForward(p) ? actions.ForwardAsync(Brand, id) : Task.FromResult(NotAllowed);

    public Task<WorkResult> SendBackAsync(PortalContext p, Guid id, int version, string reason) =>
        CanAnswer(p) ? actions.SendBackAsync(Brand, id, version, reason) : Task.FromResult(NotAllowed);

    public Task<WorkResult> RetryAsync(PortalContext p, Guid messageId) =>
        CanAnswer(p) ? actions.RetryAsync(Brand, messageId) : Task.FromResult(NotAllowed);
}
