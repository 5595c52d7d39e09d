using Agency.Domain.Channels;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Intake;

public sealed record IntakeState(
    Dictionary<Guid, string> Accounts,
    int Processed,
    int Waiting,
    int Parked,
    List<InboxDelivery> ParkedDeliveries
);

/// <summary>How the brand's deliveries stand, and the newest 200 parked ones with their reasons.</summary>
public sealed class ReadIntakeState(IDbContextFactory<AgencyDbContext> dbs)
{
    public const int ParkedShown = 200;

    public async Task<IntakeState> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var accounts = await db
            .ChannelAccounts.AsNoTracking()
            .ToDictionaryAsync(a => a.Id, a => $"{Networks.Describe(a.Network)} @{a.Handle}", ct);
        var byStatus = await db.InboxDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(DeliveryStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var parked = await db
            .InboxDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Parked)
            .OrderByDescending(d => d.ReceivedAt)
            .Take(ParkedShown)
            .ToListAsync(ct);
        return new IntakeState(accounts, Of(DeliveryStatus.Processed), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Parked), parked);
    }
}
