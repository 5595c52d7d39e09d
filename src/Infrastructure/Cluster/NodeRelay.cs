using System.Text.Json;
using System.Threading.Channels;
using Agency.Infrastructure.Intake;
using Agency.Infrastructure.Notifications;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Cluster;

/// <summary>
/// Carries the live-update signals between servers that share the database (<c>Jobs:Clustered</c>): work changed, notifications
/// changed, posts arrived, and who has a conversation open or is typing in it (the collision warning). What this server publishes is written to <c>NodeSignals</c> in batches; every
/// <see cref="Poll"/> the signals of the other servers since the last read are delivered to this server's pages. A read looks
/// back <see cref="LookBack"/> (a row may commit after a later one) and skips what it delivered before, and rows older than
/// <see cref="Keep"/> are deleted. Signals carry ids only; the pages read what changed from the database as they do for local
/// changes. Presence signals name the colleague (their display name), as the warning shows it.
/// </summary>
public sealed class NodeRelay : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan LookBack = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);

    /// <summary>How often this server says again which of its pages have which conversation open.</summary>
    public static readonly TimeSpan PresenceKeepAlive = TimeSpan.FromSeconds(30);

    private const string Work = "work",
        Notifications = "notifications",
        Posts = "posts",
        Presences = "presence";
    private readonly DatabaseSetup _database;
    private readonly WorkNotifier _work;
    private readonly PostNotifier _posts;
    private readonly PresenceTracker _presence;
    private readonly TimeProvider _clock;
    private readonly ILogger<NodeRelay> _log;
    private readonly Channel<(string Kind, string Payload)> _outgoing = Channel.CreateUnbounded<(string, string)>();
    private readonly Dictionary<long, DateTime> _delivered = [];

    // Taken from the queue and not yet stored (the database was unreachable): sent first next time, the oldest dropped beyond MaxPending.
    private readonly List<(string Kind, string Payload)> _pending = [];
    private const int MaxPending = 10_000;
    private DateTime _readFrom,
        _lastCleanup,
        _lastKeepAlive;

    public NodeRelay(
        DatabaseSetup database,
        WorkNotifier work,
        PostNotifier posts,
        PresenceTracker presence,
        TimeProvider clock,
        ILogger<NodeRelay> log
    )
    {
        (_database, _work, _posts, _presence, _clock, _log) = (database, work, posts, presence, clock, log);
        _readFrom = _lastCleanup = _lastKeepAlive = clock.GetUtcNow().UtcDateTime; // signals sent before this server started are not replayed
        var node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        Node = node.Length <= 128 ? node : node[^128..];
        work.Sent += e => Send(Work, JsonSerializer.Serialize(new WorkSignal(e.AgencyId, e.BrandId, [.. e.ConversationIds])));
        work.NotificationsSent += users => Send(Notifications, JsonSerializer.Serialize(users));
        posts.Sent += e => Send(Posts, JsonSerializer.Serialize(e));
        presence.Sent += e => Send(Presences, JsonSerializer.Serialize(e));
    }

    /// <summary>This process among the servers (each process is its own, even two on one machine).</summary>
    public string Node { get; }

    private void Send(string kind, string payload) => _outgoing.Writer.TryWrite((kind, payload));

    /// <summary>Gathers a burst of updates published here into one write.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A turn every Poll to read the others' signals, and one as soon as this server publishes something (after Gather), so an
        // update waits only for the other server's next read.
        using var timer = new PeriodicTimer(Poll);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RelayOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // The database was unreachable for a moment: what waits to be sent is kept for the next turn, and the next read looks back.
                    _log.LogWarning(e, "Signals between servers not relayed this time");
                }
                var published =
                    _pending.Count > 0 ? Task.Delay(Poll, stoppingToken) : _outgoing.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, published) == tick)
                {
                    if (!await tick)
                        break;
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    await Task.Delay(Gather, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One turn: sends what this server published, delivers what the others did, and now and then clears old signals.</summary>
    internal async Task RelayOnceAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (now - _lastKeepAlive >= PresenceKeepAlive)
        {
            _presence.SendAll();
            _lastKeepAlive = now;
        }
        await using var db = _database.Create(TenantScope.None);
        while (_outgoing.Reader.TryRead(out var next))
            _pending.Add(next);
        if (_pending.Count > MaxPending)
        {
            _log.LogWarning(
                "{Count} signals for the other servers could not be stored in time; the oldest are dropped",
                _pending.Count - MaxPending
            );
            _pending.RemoveRange(0, _pending.Count - MaxPending);
        }
        if (_pending.Count > 0)
        {
            db.NodeSignals.AddRange(
                _pending.Select(x => new NodeSignal
                {
                    Node = Node,
                    Kind = x.Kind,
                    Payload = x.Payload,
                    At = now,
                })
            );
            await db.SaveChangesAsync(ct);
            _pending.Clear();
            db.ChangeTracker.Clear();
        }

        var from = _readFrom - LookBack;
        var signals = await db.NodeSignals.AsNoTracking().Where(s => s.At >= from && s.Node != Node).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var signal in signals)
        {
            if (!_delivered.TryAdd(signal.Id, signal.At))
                continue;
            Deliver(signal);
        }
        _readFrom = now;
        foreach (var (id, at) in _delivered.Where(d => d.Value < from).ToList())
            _delivered.Remove(id);

        if (now - _lastCleanup >= TimeSpan.FromMinutes(1))
        {
            var old = now - Keep;
            await db.NodeSignals.Where(s => s.At < old).ExecuteDeleteAsync(ct);
            _lastCleanup = now;
        }
    }

    private void Deliver(NodeSignal signal)
    {
        try
        {
            switch (signal.Kind)
            {
                case Work when JsonSerializer.Deserialize<WorkSignal>(signal.Payload) is { ConversationIds: not null } w:
                    _work.Deliver(new WorkChanged(w.AgencyId, w.BrandId, w.ConversationIds));
                    break;
                case Notifications when JsonSerializer.Deserialize<List<string>>(signal.Payload) is { } users:
                    _work.DeliverNotifications(users);
                    break;
                case Posts when JsonSerializer.Deserialize<PostsArrived>(signal.Payload) is { } p:
                    _posts.Deliver(p);
                    break;
                case Presences
                    when JsonSerializer.Deserialize<PresenceSignal>(signal.Payload) is { CircuitId: not null, UserName: not null } presence:
                    _presence.Deliver(presence);
                    break;
                default:
                    _log.LogWarning("Signal {Id} from {Node} of kind {Kind} not understood; skipped", signal.Id, signal.Node, signal.Kind);
                    break;
            }
        }
        catch (JsonException e)
        {
            _log.LogWarning(e, "Signal {Id} from {Node} not read; skipped", signal.Id, signal.Node);
        }
    }

    private sealed record WorkSignal(Guid AgencyId, Guid BrandId, List<Guid> ConversationIds);
}
