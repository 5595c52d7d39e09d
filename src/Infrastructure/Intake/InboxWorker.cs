using Agency.Infrastructure.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agency.Infrastructure.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Largest webhook body accepted (bytes); larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Run the inbox worker in this process.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for pending deliveries when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A customer who returns this long after their conversation was resolved starts a new one.</summary>
    public TimeSpan QuietPeriod { get; set; } = Domain.Conversations.Threading.DefaultQuietPeriod;
}

/// <summary>
/// Processes committed deliveries in the background, oldest first, each in its own brand's scope.
/// After a crash, whatever was committed and not processed is simply still pending.
/// </summary>
public sealed class InboxWorker(
    CrossTenantReader crossTenant,
    IntakeProcessor processor,
    IntakeSignal signal,
    IOptions<IntakeOptions> options,
    ILogger<InboxWorker> logger,
    TimeProvider? clock = null
) : BackgroundService
{
    /// <summary>How long a server holds deliveries it is processing (a batch takes seconds); one whose server stopped is free after it.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The inbox worker failed to read its queue; retrying.");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Processes one batch of pending deliveries (those another server holds are left to it); returns how many it took.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        // Claimed for this server: another server draining at the same time takes others.
        var pending = await crossTenant.ClaimPendingDeliveriesAsync(
            500,
            (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
            ClaimFor,
            ct
        );
        foreach (var brand in pending.GroupBy(d => (d.AgencyId, d.BrandId)))
        {
            var scope = TenantScope.ForBrand(brand.Key.AgencyId, brand.Key.BrandId, TenantSource.Channel);
            var ids = brand.Select(d => d.DeliveryId).ToList();
            try
            {
                await processor.ProcessBatchAsync(scope, ids, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deliveries of brand {Brand} failed", brand.Key.BrandId);
                foreach (var id in ids)
                    await processor.RecordFailureAsync(scope, id, ex, ct);
            }
        }
        return pending.Count;
    }
}
