using System.Diagnostics;
using Agency.Domain.Channels;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Intake;

public enum ImportFormat
{
    Twcs,
    JsonLines,
}

public sealed class ImportOptions
{
    /// <summary>Null: as fast as possible. Otherwise replay at the original pace times this factor (60 = an hour a minute).</summary>
    public double? ReplaySpeed { get; init; }

    /// <summary>Move all times so that the newest item is now (demo data that looks current).</summary>
    public bool ShiftToNow { get; init; }
    public int BatchSize { get; init; } = 1000;
}

public sealed record ImportProgress(int Done, int Total);

public sealed record ImportSummary(
    int Rows,
    int Imported,
    int Duplicates,
    IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyDictionary<string, int> ByAccount,
    TimeSpan Elapsed
);

/// <summary>
/// Imports or replays files of posts into an agency's brands through the same writer as webhooks:
/// each item is matched to a connected account by handle, stored once, classified and threaded.
/// Brand replies in the file become the brand's outbound posts, so response times are real.
/// </summary>
public sealed class Importer(
    DatabaseSetup database,
    CrossTenantReader crossTenant,
    PostWriter writer,
    PostNotifier notifier,
    Routing.ConversationWork work,
    Notifications.WorkNotifier workNotifier,
    TimeProvider clock
)
{
    private sealed record Routed(CrossTenantReader.AccountRef Account, InboundItem Item);

    public async Task<ImportSummary> ImportAsync(
        Guid agencyId,
        TextReader reader,
        ImportFormat format,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default
    )
    {
        var watch = Stopwatch.StartNew();
        var accounts = await crossTenant.AgencyChannelAccountsAsync(agencyId, ct);
        var rejected = new List<RejectedRow>();
        var routed = new List<Routed>();
        int rows;

        if (format == ImportFormat.Twcs)
        {
            var (parsed, bad) = TwcsImport.Read(reader);
            rejected.AddRange(bad);
            rows = parsed.Count + bad.Count;
            var xAccounts = accounts
                .Where(a => a.Network == Network.X)
                .GroupBy(a => a.Handle, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var handles = new HashSet<string>(xAccounts.Keys, StringComparer.OrdinalIgnoreCase);
            var byId = new Dictionary<string, TwcsRow>();
            foreach (var r in parsed)
                byId.TryAdd(r.TweetId, r);
            foreach (var r in parsed)
            {
                if (TwcsImport.HandleOf(r, byId, handles) is { } handle)
                    routed.Add(new Routed(xAccounts[handle], TwcsImport.ToItem(r, xAccounts[handle].Handle, TimeSpan.Zero)));
                else
                    rejected.Add(
                        new RejectedRow(r.Line, $"no connected X account of this agency matches this tweet (author {r.AuthorId})")
                    );
            }
        }
        else
        {
            var (parsed, bad) = JsonLinesImport.Read(reader);
            rejected.AddRange(bad);
            rows = parsed.Count + bad.Count;
            var byHandle = accounts
                .GroupBy(a => a.Handle, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var l in parsed)
            {
                if (byHandle.TryGetValue(l.Account, out var account))
                    routed.Add(new Routed(account, l.Item));
                else
                    rejected.Add(new RejectedRow(l.Line, $"no connected account with handle '{l.Account}'"));
            }
        }

        if (options.ShiftToNow && routed.Count > 0)
        {
            var shift = clock.GetUtcNow().UtcDateTime - routed.Max(r => r.Item.CreatedAt);
            routed = routed.Select(r => r with { Item = r.Item with { CreatedAt = r.Item.CreatedAt + shift } }).ToList();
        }
        routed = routed.OrderBy(r => r.Item.CreatedAt).ToList();
        // A plain import is history (nobody will resolve it); a replay or a demo moved to now behaves as live intake.
        var history = options.ReplaySpeed is null && !options.ShiftToNow;

        var byAccount = new Dictionary<string, int>();
        int imported = 0,
            duplicates = 0,
            done = 0;
        progress?.Report(new ImportProgress(0, routed.Count));
        foreach (var chunk in Chunks(routed, options))
        {
            if (options.ReplaySpeed is { } speed)
                await WaitForPaceAsync(routed[0].Item.CreatedAt, chunk[0].Item.CreatedAt, speed, watch, ct);
            foreach (var group in chunk.GroupBy(r => r.Account))
            {
                var account = group.Key;
                await using var db = database.Create(TenantScope.ForBrand(agencyId, account.BrandId, TenantSource.System));
                var entity = await db.ChannelAccounts.SingleAsync(a => a.Id == account.AccountId, ct);
                var result = await writer.AddAsync(db, entity, group.Select(r => r.Item).ToList(), ct, history);
                if (result.Stored > 0)
                    entity.LastEventAt = clock.GetUtcNow().UtcDateTime;
                await work.AfterPostsAsync(db, result.Touched, result.FirstInbound, ct);
                await db.SaveChangesAsync(ct);
                workNotifier.Publish(new Notifications.WorkChanged(agencyId, account.BrandId, result.Touched.Select(c => c.Id).ToList()));
                imported += result.Stored;
                duplicates += result.Duplicates;
                var key = $"{Networks.Describe(account.Network)} @{account.Handle}";
                byAccount[key] = byAccount.GetValueOrDefault(key) + result.Stored;
                if (result.Stored > 0)
                    notifier.Publish(new PostsArrived(account.BrandId, account.AccountId, result.Stored));
            }
            done += chunk.Count;
            progress?.Report(new ImportProgress(done, routed.Count));
        }
        return new ImportSummary(rows, imported, duplicates, rejected.OrderBy(r => r.Line).ToList(), byAccount, watch.Elapsed);
    }

    // Fast imports go in large batches per account (threading is per account, so each batch needs one
    // set of look-ups and one transaction); a replay sends what falls due together, in time order.
    private static IEnumerable<List<Routed>> Chunks(List<Routed> routed, ImportOptions options)
    {
        if (options.ReplaySpeed is null)
        {
            foreach (var account in routed.GroupBy(r => r.Account.AccountId))
            foreach (var chunk in account.Chunk(Math.Max(1, options.BatchSize)))
                yield return chunk.ToList();
            yield break;
        }
        foreach (var sameTime in routed.GroupBy(r => r.Item.CreatedAt))
            yield return sameTime.ToList();
    }

    private async Task WaitForPaceAsync(DateTime first, DateTime due, double speed, Stopwatch watch, CancellationToken ct)
    {
        var wait = TimeSpan.FromTicks((long)((due - first).Ticks / speed)) - watch.Elapsed;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, clock, ct);
    }
}
