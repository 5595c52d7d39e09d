using Agency.Domain.Common;

namespace Agency.Infrastructure.Cluster;

/// <summary>
/// A signal one server sends the others that share the database (<see cref="NodeRelay"/>): what changed, never content —
/// ids of the agency, brand, conversations or users concerned, and for the collision warning the display name of a colleague
/// who has a conversation open. Rows live a few minutes.
/// </summary>
[GlobalEntity(
    "Signals between servers hold ids of what changed (and, for the collision warning, a colleague's display name), never content; only the relay reads them, to tell its own pages, which read the data in their tenant."
)]
public class NodeSignal
{
    public long Id { get; set; }

    /// <summary>The process that sent it; it does not read its own.</summary>
    public string Node { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime At { get; set; }
}
