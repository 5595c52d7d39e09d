using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Intake;

/// <summary>Puts a parked delivery back in the queue once its cause is fixed.</summary>
public sealed class RetryDelivery(IDbContextFactory<AgencyDbContext> dbs, Infrastructure.Intake.IntakeSignal signal)
{
    public async Task<bool> HandleAsync(Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var delivery = await db.InboxDeliveries.SingleOrDefaultAsync(
            d => d.Id == deliveryId && d.Status == Domain.Intake.DeliveryStatus.Parked,
            ct
        );
        if (delivery is null)
            return false;
        delivery.Retry();
        await db.SaveChangesAsync(ct);
        signal.Pulse();
        return true;
    }
}
