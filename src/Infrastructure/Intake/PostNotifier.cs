namespace Agency.Infrastructure.Intake;

/// <summary>New posts stored for one account of one brand.</summary>
public sealed record PostsArrived(Guid BrandId, Guid ChannelAccountId, int Count);

/// <summary>
/// Tells open pages that posts arrived, so streams update without a refresh: pages in this process at once, and with several
/// servers sharing the database (<c>Jobs:Clustered</c>) the pages of the others too, through <see cref="Cluster.NodeRelay"/>.
/// </summary>
public sealed class PostNotifier
{
    public event Action<PostsArrived>? Arrived;

    /// <summary>Posts that arrived here, for the other servers.</summary>
    public event Action<PostsArrived>? Sent;

    public void Publish(PostsArrived e)
    {
        Arrived?.Invoke(e);
        Sent?.Invoke(e);
    }

    /// <summary>Posts that arrived on another server: told to this server's pages only.</summary>
    public void Deliver(PostsArrived e) => Arrived?.Invoke(e);
}

/// <summary>Wakes the inbox worker as soon as a delivery is committed, instead of at its next poll.</summary>
public sealed class IntakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            { /* already signalled */
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
