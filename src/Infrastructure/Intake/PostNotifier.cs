namespace Agency.Infrastructure.Intake;

/// <summary>New posts stored for one account of one brand.</summary>
public sealed record PostsArrived(Guid BrandId, Guid ChannelAccountId, int Count);

/// <summary>
/// Tells open pages in this process that posts arrived, so streams update without a refresh.
/// With several nodes the same signal travels over the Redis backplane (see README).
/// </summary>
public sealed class PostNotifier
{
    public event Action<PostsArrived>? Arrived;

    public void Publish(PostsArrived e) => Arrived?.Invoke(e);
}

/// <summary>Wakes the inbox worker as soon as a delivery is committed, instead of at its next poll.</summary>
public sealed class IntakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
