using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Agency.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Reporting;

/// <summary>What one refresh of one brand's rollups did.</summary>
public sealed record RollupSummary(int Facts, int Hours);

/// <summary>
/// Keeps a brand's reporting tables current, incrementally: the facts of conversations changed since
/// the last run and the hourly post counts of hours that gained or relabelled a post. A watermark
/// stops short of the last <see cref="Overlap"/> (a save still in flight then is caught next time);
/// recomputing a row twice gives the same row, so overlap and a second run are harmless.
/// </summary>
public sealed class ReportRollups(DatabaseSetup database, TimeProvider clock)
{
    /// <summary>
    /// How long a save may stay in flight: a watermark never moves past now minus this, so a row
    /// stamped earlier but committed after a run is still picked up by the next one.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int Batch = 2_000;
    /// <summary>Hours recomputed with one read of posts.</summary>
    private static readonly TimeSpan HourChunk = TimeSpan.FromDays(7);

    public async Task<RollupSummary> RefreshAsync(TenantScope brand, CancellationToken ct = default)
    {
        var brandId = brand.BrandId ?? throw new TenantException("Rollups are kept per brand.");
        var now = clock.GetUtcNow().UtcDateTime;
        RollupState state;
        await using (var db = database.Create(brand))
        {
            state = await db.RollupStates.SingleOrDefaultAsync(ct) ?? new RollupState { BrandId = brandId, PostsThrough = DateTime.MinValue, ConversationsThrough = DateTime.MinValue };
        }
        var (facts, conversationsThrough) = await RefreshFactsAsync(brand, state.ConversationsThrough, now, ct);
        var (hours, postsThrough) = await RefreshHoursAsync(brand, state.PostsThrough, ct);
        var settled = now - Overlap;
        conversationsThrough = conversationsThrough > settled ? Max(settled, state.ConversationsThrough) : conversationsThrough;
        postsThrough = postsThrough > settled ? Max(settled, state.PostsThrough) : postsThrough;

        await using (var db = database.Create(brand))
        {
            var stored = await db.RollupStates.SingleOrDefaultAsync(ct);
            if (stored is null) db.RollupStates.Add(stored = new RollupState { BrandId = brandId });
            stored.ConversationsThrough = Max(stored.ConversationsThrough, conversationsThrough);
            stored.PostsThrough = Max(stored.PostsThrough, postsThrough);
            stored.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node stored the first state at the same moment; its watermark is as good.
            }
        }
        return new RollupSummary(facts, hours);
    }

    /// <summary>Rebuilds every fact of the brand (after a change of SLA policies or service hours, whose effect reaches back).</summary>
    public async Task<RollupSummary> RebuildAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using (var db = database.Create(brand))
        {
            await db.RollupStates.ExecuteDeleteAsync(ct);
        }
        return await RefreshAsync(brand, ct);
    }

    private async Task<(int Count, DateTime Through)> RefreshFactsAsync(TenantScope brand, DateTime since, DateTime now, CancellationToken ct)
    {
        var from = since;
        var through = since;
        var count = 0;
        var afterId = Guid.Empty;
        var afterAt = from;
        BrandWork? work = null;
        Dictionary<Guid, Department>? departments = null;
        while (true)
        {
            await using var db = database.Create(brand);
            work ??= await BrandWork.LoadAsync(db, ct);
            departments ??= await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Department, ct);
            var at = afterAt;
            var id = afterId;
            var batch = await db.Conversations.AsNoTracking()
                .Where(c => c.ChangedAt > at || (c.ChangedAt == at && c.Id.CompareTo(id) > 0))
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.Id).ToList();
            var existing = await db.ConversationFacts.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
            foreach (var c in batch)
            {
                var policy = work.PolicyById(c.SlaPolicyId);
                var fact = FactBuilder.Build(c, departments.GetValueOrDefault(c.ChannelAccountId, Department.Service), policy,
                    policy is null ? work.AllHours : work.CalendarFor(policy), work.ServiceCalendar, now);
                if (existing.TryGetValue(c.Id, out var old)) db.Entry(old).CurrentValues.SetValues(fact);
                else db.ConversationFacts.Add(fact);
            }
            await db.SaveChangesAsync(ct);
            count += batch.Count;
            (afterAt, afterId) = (batch[^1].ChangedAt, batch[^1].Id);
            through = Max(through, afterAt);
            if (batch.Count < Batch) break;
        }
        return (count, through);
    }

    private async Task<(int Count, DateTime Through)> RefreshHoursAsync(TenantScope brand, DateTime since, CancellationToken ct)
    {
        var from = since;
        List<DateTime> dirty;
        DateTime through;
        Dictionary<Guid, Network> networks;
        await using (var db = database.Create(brand))
        {
            networks = await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Network, ct);
            // The hours (of the customer's post time) that gained or relabelled a post, and how far that reaches.
            var changed = await db.Posts.AsNoTracking().Where(p => p.ReceivedAt >= from).Select(p => new { At = p.ReceivedAt, p.CreatedAt }).ToListAsync(ct);
            changed.AddRange(await db.LabelCorrections.AsNoTracking().Where(c => c.CorrectedAt >= from)
                .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { At = c.CorrectedAt, p.CreatedAt }).ToListAsync(ct));
            if (changed.Count == 0) return (0, since);
            through = Max(since, changed.Max(c => c.At));
            dirty = changed.Select(c => Hour(c.CreatedAt)).Distinct().Order().ToList();
        }

        var done = 0;
        for (var i = 0; i < dirty.Count;)
        {
            // One read of posts per stretch of at most a week; every hour in the stretch is recomputed from its posts.
            var start = dirty[i];
            var j = i;
            while (j + 1 < dirty.Count && dirty[j + 1] - start < HourChunk) j++;
            var end = dirty[j].AddHours(1);
            var hours = dirty.Skip(i).Take(j - i + 1).ToHashSet();
            i = j + 1;

            await using var db = database.Create(brand);
            var rows = await db.Posts.AsNoTracking().Where(p => p.CreatedAt >= start && p.CreatedAt < end)
                .Select(p => new { p.CreatedAt, p.ChannelAccountId, p.Direction, p.Intent, p.Sentiment }).ToListAsync(ct);
            var stats = rows.Where(r => hours.Contains(Hour(r.CreatedAt)))
                .GroupBy(r => (Hour: Hour(r.CreatedAt), Network: networks.GetValueOrDefault(r.ChannelAccountId, Network.X), r.Intent, r.Sentiment))
                .Select(g => new HourStat
                {
                    BrandId = brand.BrandId!.Value,
                    HourUtc = g.Key.Hour,
                    Network = g.Key.Network,
                    Intent = g.Key.Intent,
                    Sentiment = g.Key.Sentiment,
                    Inbound = g.Count(r => r.Direction == Direction.Inbound),
                    Outbound = g.Count(r => r.Direction == Direction.Outbound),
                }).ToList();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var hourList = hours.ToList();
            await db.HourStats.Where(h => h.HourUtc >= start && h.HourUtc < end && hourList.Contains(h.HourUtc)).ExecuteDeleteAsync(ct);
            db.HourStats.AddRange(stats);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            done += hours.Count;
        }
        return (done, through);
    }

    public static DateTime Hour(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

/// <summary>The Quartz job: every minute, each brand's rollups brought up to date in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class ReportRollupJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("report-rollups", "reporting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await fanOut.RunForJobAsync("Report rollups", (sp, tenant, token) => sp.GetRequiredService<ReportRollups>().RefreshAsync(tenant, token), ct);
}
