using Agency.Domain.Channels;
using Agency.Domain.Staff;

namespace Agency.Domain.Routing;

/// <summary>One member of staff as assignment sees them at this moment.</summary>
public sealed record AssignmentCandidate(
    Guid StaffId,
    string Name,
    bool OnShift,
    bool ServesBrand,
    IReadOnlyCollection<Network> Channels,
    IReadOnlyCollection<string> Languages,
    int OpenConversations,
    int Capacity,
    DateTime? LastAssignedAt
);

/// <summary>
/// Picks who gets a conversation: only people on shift now, skilled for the brand, the channel and
/// the language, and below their concurrent-conversation capacity; the least loaded first, then the
/// one idle longest. Nobody eligible means the item waits in the team queue.
/// </summary>
public static class Assignment
{
    public static AssignmentCandidate? Pick(IEnumerable<AssignmentCandidate> candidates, Network network, string? language) =>
        candidates
            .Where(c => IsEligible(c, network, language))
            .OrderBy(c => c.OpenConversations)
            .ThenBy(c => c.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(c => c.StaffId)
            .FirstOrDefault();

    // An undetermined language ("und": emoji, a few words) asks for no language, so anyone may take it.
    public static bool IsEligible(AssignmentCandidate c, Network network, string? language) =>
        Languages.Required(language) is var required
        && c.OnShift
        && c.ServesBrand
        && c.OpenConversations < c.Capacity
        && (c.Channels.Count == 0 || c.Channels.Contains(network))
        && (required is null || c.Languages.Count == 0 || c.Languages.Contains(required, StringComparer.OrdinalIgnoreCase));

    /// <summary>Why someone cannot take the conversation, for the lead's reassignment list.</summary>
    public static string? WhyNot(AssignmentCandidate c, Network network, string? language) =>
        !c.OnShift ? "not on shift"
        : !c.ServesBrand ? "does not serve this brand"
        : c.Channels.Count > 0 && !c.Channels.Contains(network) ? $"does not work {Networks.Describe(network)}"
        : Languages.Required(language) is { } required
        && c.Languages.Count > 0
        && !c.Languages.Contains(required, StringComparer.OrdinalIgnoreCase)
            ? $"does not speak '{language}'"
        : c.OpenConversations >= c.Capacity ? $"at capacity ({c.OpenConversations}/{c.Capacity})"
        : null;
}
