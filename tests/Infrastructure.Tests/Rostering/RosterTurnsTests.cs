using Agency.Infrastructure.Rostering;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Tests.Rostering;

public sealed class RosterTurnsTests
{
    [Fact]
    public void At_most_the_configured_runs_hold_a_turn_and_a_turn_given_back_twice_counts_once()
    {
        var turns = new RosterTurns(Options.Create(new RosterRunnerOptions { MaxConcurrentRuns = 3 }));
        var taken = Enumerable.Range(0, 3).Select(_ => turns.TryTake()).ToList();
        Assert.All(taken, Assert.NotNull);
        Assert.Null(turns.TryTake());
        taken[0]!.Dispose();
        taken[0]!.Dispose();
        Assert.NotNull(turns.TryTake());
        Assert.Null(turns.TryTake());
    }

    [Fact]
    public async Task A_waiting_run_gets_the_turn_given_back_and_a_cancelled_wait_takes_none()
    {
        var turns = new RosterTurns(Options.Create(new RosterRunnerOptions { MaxConcurrentRuns = 1 }));
        var held = turns.TryTake()!;
        using var cancel = new CancellationTokenSource();
        var cancelled = turns.TakeAsync(cancel.Token);
        var next = turns.TakeAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(turns.TryTake());
    }

    [Fact]
    public void Each_run_gets_an_equal_share_of_the_cores_and_at_least_one()
    {
        Assert.Equal(1, new RosterRunnerOptions { MaxConcurrentRuns = Environment.ProcessorCount * 2 }.WorkersPerRun);
        Assert.Equal(Environment.ProcessorCount, new RosterRunnerOptions { MaxConcurrentRuns = 1 }.WorkersPerRun);
        Assert.True(new RosterRunnerOptions().Concurrent >= 1);
    }
}
