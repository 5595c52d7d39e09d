using System.Collections.Concurrent;
using System.Data.Common;
using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Infrastructure.Jobs;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Routing;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Agency.Infrastructure.Reporting;

/// <summary>What one refresh of one brand's rollups did.</summary>
public sealed record RollupSummary(int Facts, int Days);

/// <summary>
/// Keeps a brand's reporting tables current, incrementally: the facts of conversations changed since
/// the last run and the daily post counts of local days that gained or relabelled a post. A watermark
/// stops short of the last <see cref="Overlap"/> (a save still in flight then is caught next time);
/// recomputing a row twice gives the same row, so overlap and a second run are harmless.
/// A brand is refreshed by one refresh at a time: within a process by a gate, across servers sharing the
/// database by a lease on the brand's <see cref="RollupState"/> row (renewed while held; one whose server
/// stopped is free after <see cref="LeaseTime"/>). A brand with nothing new is not written to at all.
/// </summary>
public sealed class ReportRollups(DatabaseSetup database, TimeProvider clock)
{
    /// <summary>How long a lease holds without renewal; a refresh renews it every quarter of this.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    /// <summary>How long a dashboard waits for another server's refresh of the brand before showing the figures as they are.</summary>
    public static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a save may stay in flight: a watermark never moves past now minus this, so a row
    /// stamped earlier but committed after a run is still picked up by the next one.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private const int Batch = 2_000;

    /// <summary>Days recomputed with one read of posts.</summary>
    private const int ChunkDays = 7;

    /// <summary>One run at a time per brand in this process (the job and a page opening would otherwise insert the same facts twice).</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    /// <summary>
    /// Brings the brand's rollups up to date. While another server refreshes the brand, a dashboard (<paramref name="wait"/>) waits
    /// for it and refreshes what is still new, for at most <see cref="LeaseWait"/>; the job leaves the brand to that server.
    /// </summary>
    public Task<RollupSummary> RefreshAsync(TenantScope brand, CancellationToken ct = default, bool wait = true) =>
        GatedAsync(brand, () => RefreshLeasedAsync(brand, wait, ct), ct);

    private async Task<RollupSummary> GatedAsync(TenantScope brand, Func<Task<RollupSummary>> run, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(brand.BrandId ?? throw new TenantException("Rollups are kept per brand."), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await run();
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly RollupSummary Nothing = new(0, 0);

    /// <summary>Refreshes under the brand's lease; see <see cref="RefreshAsync"/>.</summary>
    private async Task<RollupSummary> RefreshLeasedAsync(TenantScope brand, bool wait, CancellationToken ct)
    {
        var waitUntil = DateTime.UtcNow + LeaseWait;
        while (true)
        {
            if (await UpToDateAsync(brand, ct))
                return Nothing;
            var holder = await TakeLeaseAsync(brand, ct);
            if (holder is not null)
            {
                using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var renewal = RenewLeaseAsync(brand, holder, renewing.Token);
                try
                {
                    return await RefreshOnceAsync(brand, ct);
                }
                finally
                {
                    await renewing.CancelAsync();
                    await renewal;
                    await ReleaseLeaseAsync(brand, holder);
                }
            }
            // Another server refreshes the brand: the job leaves it to that server; a dashboard waits, then refreshes what is still new.
            if (!wait || DateTime.UtcNow >= waitUntil)
                return Nothing;
            await Task.Delay(LeasePoll, ct);
        }
    }

    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether nothing changed after the brand's watermarks (reads only: a dashboard of a quiet brand writes nothing).</summary>
    private async Task<bool> UpToDateAsync(TenantScope brand, CancellationToken ct)
    {
        await using var db = database.Create(brand);
        if (
            await db.RollupStates.AsNoTracking().SingleOrDefaultAsync(ct) is not { } state
            || state.ConversationsThrough == DateTime.MinValue
            || state.PostsThrough == DateTime.MinValue
        )
            return false;
        var (conversations, posts) = (state.ConversationsThrough, state.PostsThrough);
        return !await db.Conversations.AnyAsync(c => c.ChangedAt > conversations, ct)
            && !await db.Posts.AnyAsync(p => p.ReceivedAt > posts, ct)
            && !await db.LabelCorrections.AnyAsync(c => c.CorrectedAt > posts, ct);
    }

    /// <summary>The brand's lease for this refresh (its holder's name), or null while another refresh holds it. The brand's state row is
    /// made first when it has none (unbuilt watermarks: the refresh counts everything).</summary>
    private async Task<string?> TakeLeaseAsync(TenantScope brand, CancellationToken ct)
    {
        var holder = $"{Environment.MachineName}:{Guid.NewGuid():N}";
        holder = holder[Math.Max(0, holder.Length - 64)..];
        await using var db = database.Create(brand);
        if (!await db.RollupStates.AnyAsync(ct))
        {
            db.RollupStates.Add(
                new RollupState
                {
                    BrandId = brand.BrandId!.Value,
                    PostsThrough = DateTime.MinValue,
                    ConversationsThrough = DateTime.MinValue,
                }
            );
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another server made it at the same moment.
            }
            db.ChangeTracker.Clear();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + LeaseTime;
        // Not cancelled half-way: a page closed while the lease was being taken could leave it held by nobody for LeaseTime, and every
        // dashboard of the brand would wait LeaseWait for it. Once taken, a cancelled refresh gives it back at once.
        var taken = await db
            .RollupStates.Where(x => x.LeaseUntil == null || x.LeaseUntil < now)
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LeaseHolder, holder).SetProperty(x => x.LeaseUntil, until),
                CancellationToken.None
            );
        if (taken == 1 && ct.IsCancellationRequested)
        {
            await ReleaseLeaseAsync(brand, holder);
            ct.ThrowIfCancellationRequested();
        }
        return taken == 1 ? holder : null;
    }

    /// <summary>Keeps the lease while the refresh runs: a long rebuild is not taken over by another server.</summary>
    private async Task RenewLeaseAsync(TenantScope brand, string holder, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LeaseTime / 4, ct);
                await using var db = database.Create(brand);
                var until = clock.GetUtcNow().UtcDateTime + LeaseTime;
                await db
                    .RollupStates.Where(x => x.LeaseHolder == holder)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.LeaseUntil, until), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (DbException)
            {
                // Renewed at the next turn; the lease holds for a while yet.
            }
        }
    }

    private async Task ReleaseLeaseAsync(TenantScope brand, string holder)
    {
        await using var db = database.Create(brand);
        await db
            .RollupStates.Where(x => x.LeaseHolder == holder)
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LeaseHolder, (string?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null),
                CancellationToken.None
            );
    }

    private async Task<RollupSummary> RefreshOnceAsync(TenantScope brand, CancellationToken ct)
    {
        var brandId = brand.BrandId ?? throw new TenantException("Rollups are kept per brand.");
        var now = clock.GetUtcNow().UtcDateTime;
        RollupState? known;
        await using (var db = database.Create(brand))
        {
            known = await db.RollupStates.AsNoTracking().SingleOrDefaultAsync(ct);
        }
        var state = known
            ?? new RollupState
            {
                BrandId = brandId,
                PostsThrough = DateTime.MinValue,
                ConversationsThrough = DateTime.MinValue,
            };
        // A watermark at its start (a new brand, or a rebuild) counts everything afresh.
        static DateTime? Since(DateTime? watermark) => watermark == DateTime.MinValue ? null : watermark;
        var (facts, conversationsThrough) = await RefreshFactsAsync(brand, Since(known?.ConversationsThrough), now, ct);
        var (days, postsThrough) = await RefreshDaysAsync(brand, Since(known?.PostsThrough), ct);
        var settled = now - Overlap;
        conversationsThrough = conversationsThrough > settled ? Max(settled, state.ConversationsThrough) : conversationsThrough;
        postsThrough = postsThrough > settled ? Max(settled, state.PostsThrough) : postsThrough;

        if (
            known is not null
            && facts == 0
            && days == 0
            && conversationsThrough <= state.ConversationsThrough
            && postsThrough <= state.PostsThrough
        )
            return Nothing; // nothing new: no write for a dashboard view

        await using (var db = database.Create(brand))
        {
            var stored = await db.RollupStates.SingleOrDefaultAsync(ct);
            // A rebuild asked for while this refresh ran (watermarks sent back to their start) stays asked for: the next refresh does it.
            if (known is not null && (stored is null || stored.Rebuilds != known.Rebuilds))
                return new RollupSummary(facts, days);
            if (stored is null)
                db.RollupStates.Add(stored = new RollupState { BrandId = brandId });
            stored.ConversationsThrough = Max(stored.ConversationsThrough, conversationsThrough);
            stored.PostsThrough = Max(stored.PostsThrough, postsThrough);
            stored.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another node stored the first state at the same moment; its watermark is as good.
            }
        }
        return new RollupSummary(facts, days);
    }

    /// <summary>
    /// Rebuilds every fact and day of the brand (after a change of time zone, SLA policies or service hours, whose effect reaches back):
    /// the watermarks go back to their start (<see cref="RequestRebuildAsync"/>), then the brand is refreshed, after another server's
    /// refresh of it when one runs. Should that take longer than <see cref="LeaseWait"/>, the next refresh rebuilds.
    /// </summary>
    public async Task<RollupSummary> RebuildAsync(TenantScope brand, CancellationToken ct = default)
    {
        await RequestRebuildAsync(database, brand, ct);
        return await RefreshAsync(brand, ct);
    }

    /// <summary>Sends the brand's watermarks back to their start, so that its next refresh counts everything afresh. A refresh already
    /// running does not move them on when it ends (see <see cref="RefreshOnceAsync"/>).</summary>
    public static async Task RequestRebuildAsync(DatabaseSetup database, TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        await db.RollupStates.ExecuteUpdateAsync(
            u =>
                u.SetProperty(x => x.PostsThrough, DateTime.MinValue)
                    .SetProperty(x => x.ConversationsThrough, DateTime.MinValue)
                    .SetProperty(x => x.Rebuilds, x => x.Rebuilds + 1),
            ct
        );
    }

    /// <summary>
    /// Facts of conversations changed after <paramref name="since"/> (every conversation when null). A
    /// watermark is only ever a time up to which every change was read, so reading resumes strictly after it.
    /// </summary>
    private async Task<(int Count, DateTime Through)> RefreshFactsAsync(
        TenantScope brand,
        DateTime? since,
        DateTime now,
        CancellationToken ct
    )
    {
        var through = since ?? DateTime.MinValue;
        var count = 0;
        (DateTime At, Guid Id)? after = null;
        BrandWork? work = null;
        Dictionary<Guid, Department>? departments = null;
        TimeZoneInfo? zone = null;
        var days = new SortedSet<DateOnly>();
        if (since is null)
        {
            // Every fact is recomputed and every day counted again, in the brand's current time zone: nothing stays counted under an old one.
            await using var db = database.Create(brand);
            await db.DayTallies.ExecuteDeleteAsync(ct);
        }
        while (true)
        {
            await using var db = database.Create(brand);
            var changed = db.Conversations.AsNoTracking();
            if (after is var (at, id))
                // The range condition on its own lets the (brand, ChangedAt, Id) index find the start.
                changed = changed.Where(c => c.ChangedAt >= at).Where(c => c.ChangedAt > at || c.Id.CompareTo(id) > 0);
            else if (since is { } w)
                changed = changed.Where(c => c.ChangedAt > w);
            var batch = await changed.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
                break;
            work ??= await BrandWork.LoadAsync(db, ct);
            departments ??= await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Department, ct);
            zone ??= await ZoneAsync(db, brand, ct);
            var ids = batch.Select(c => c.Id).ToList();
            var existing = await db.ConversationFacts.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
            foreach (var c in batch)
            {
                days.Add(LocalDay(c.StartedAt, zone));
                if (existing.GetValueOrDefault(c.Id) is { } before)
                    days.Add(LocalDay(before.StartedAt, zone));
                var policy = work.PolicyById(c.SlaPolicyId);
                var fact = FactBuilder.Build(
                    c,
                    departments.GetValueOrDefault(c.ChannelAccountId, Department.Service),
                    policy,
                    policy is null ? work.AllHours : work.CalendarFor(policy),
                    work.ServiceCalendar,
                    now
                );
                if (existing.TryGetValue(c.Id, out var old))
                    db.Entry(old).CurrentValues.SetValues(fact);
                else
                    db.ConversationFacts.Add(fact);
            }
            await db.SaveChangesAsync(ct);
            count += batch.Count;
            after = (batch[^1].ChangedAt, batch[^1].Id);
            through = Max(through, batch[^1].ChangedAt);
            if (batch.Count < Batch)
                break;
        }
        if (zone is not null)
            await CountDaysAgainAsync(brand, days.ToList(), zone, ct);
        return (count, through);
    }

    /// <summary>The <see cref="DayTally"/> rows of the given local days counted again from their settled facts.</summary>
    private async Task CountDaysAgainAsync(TenantScope brand, List<DateOnly> dirty, TimeZoneInfo zone, CancellationToken ct)
    {
        foreach (var (first, last, days) in Stretches(dirty))
        {
            var stretch = new ReportPeriod(first, last, zone);
            var (start, end) = (stretch.FromUtc, stretch.ToUtc);
            await using var db = database.Create(brand);
            var facts = await db
                .ConversationFacts.AsNoTracking()
                .Where(f =>
                    f.StartedAt >= start
                    && f.StartedAt < end
                    && f.FirstResponseSla != SlaResult.Running
                    && f.ResolutionSla != SlaResult.Running
                )
                .ToListAsync(ct);
            var tallies = DayTally.Tally(facts, zone).Where(t => days.Contains(t.Day)).ToList();
            await ReplaceDaysAsync(db, db.DayTallies, first, last, days, tallies, ct);
        }
    }

    /// <summary>Sorted days in stretches of at most <see cref="ChunkDays"/>, each read with one query.</summary>
    private static IEnumerable<(DateOnly First, DateOnly Last, HashSet<DateOnly> Days)> Stretches(List<DateOnly> sorted)
    {
        for (var i = 0; i < sorted.Count; )
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].DayNumber - sorted[i].DayNumber < ChunkDays)
                j++;
            yield return (sorted[i], sorted[j], sorted.Skip(i).Take(j - i + 1).ToHashSet());
            i = j + 1;
        }
    }

    /// <summary>The rows of <paramref name="days"/> replaced by <paramref name="rows"/> in one transaction.</summary>
    private static async Task ReplaceDaysAsync<T>(
        AgencyDbContext db,
        DbSet<T> set,
        DateOnly first,
        DateOnly last,
        HashSet<DateOnly> days,
        List<T> rows,
        CancellationToken ct
    )
        where T : class, IDayRow
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dayList = days.ToList();
        await set.Where(d => d.Day >= first && d.Day <= last && dayList.Contains(d.Day)).ExecuteDeleteAsync(ct);
        set.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(AgencyDbContext db, TenantScope brand, CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById(await db.Brands.Where(b => b.Id == brand.BrandId).Select(b => b.TimeZoneId).SingleAsync(ct)); // not the logo

    /// <summary>
    /// Daily post counts of the local days (in the brand's time zone) that gained or relabelled a post
    /// after <paramref name="since"/>; every day of the brand when null, after removing the old rows
    /// (so that a change of time zone leaves no day counted under the old one).
    /// </summary>
    private async Task<(int Count, DateTime Through)> RefreshDaysAsync(TenantScope brand, DateTime? since, CancellationToken ct)
    {
        var from = since ?? DateTime.MinValue;
        List<DateOnly> dirty;
        DateTime through;
        Dictionary<Guid, Network> networks;
        TimeZoneInfo zone;
        await using (var db = database.Create(brand))
        {
            // When (the customer's post time) the posts stored or relabelled after the watermark were written, and how far that reaches.
            var changed = await db
                .Posts.AsNoTracking()
                .Where(p => p.ReceivedAt > from)
                .Select(p => new { At = p.ReceivedAt, p.CreatedAt })
                .ToListAsync(ct);
            changed.AddRange(
                await db
                    .LabelCorrections.AsNoTracking()
                    .Where(c => c.CorrectedAt > from)
                    .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { At = c.CorrectedAt, p.CreatedAt })
                    .ToListAsync(ct)
            );
            if (since is null)
                await db.DayStats.ExecuteDeleteAsync(ct);
            if (changed.Count == 0)
                return (0, from);
            networks = await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Network, ct);
            zone = await ZoneAsync(db, brand, ct);
            through = Max(from, changed.Max(c => c.At));
            dirty = changed.Select(c => LocalDay(c.CreatedAt, zone)).Distinct().Order().ToList();
        }

        var done = 0;
        foreach (var (first, last, days) in Stretches(dirty))
        {
            // One read of posts per stretch; every day in the stretch is recomputed from its posts.
            var stretch = new ReportPeriod(first, last, zone);
            var (start, end) = (stretch.FromUtc, stretch.ToUtc);
            await using var db = database.Create(brand);
            var rows = await db
                .Posts.AsNoTracking()
                .Where(p => p.CreatedAt >= start && p.CreatedAt < end)
                .Select(p => new
                {
                    p.CreatedAt,
                    p.ChannelAccountId,
                    p.Direction,
                    p.Intent,
                    p.Sentiment,
                })
                .ToListAsync(ct);
            var stats = rows.Select(r => (Row: r, Day: LocalDay(r.CreatedAt, zone)))
                .Where(r => days.Contains(r.Day))
                .GroupBy(r =>
                    (r.Day, Network: networks.GetValueOrDefault(r.Row.ChannelAccountId, Network.X), r.Row.Intent, r.Row.Sentiment)
                )
                .Select(g => new DayStat
                {
                    BrandId = brand.BrandId!.Value,
                    Day = g.Key.Day,
                    Network = g.Key.Network,
                    Intent = g.Key.Intent,
                    Sentiment = g.Key.Sentiment,
                    Inbound = g.Count(r => r.Row.Direction == Direction.Inbound),
                    Outbound = g.Count(r => r.Row.Direction == Direction.Outbound),
                })
                .ToList();
            await ReplaceDaysAsync(db, db.DayStats, first, last, days, stats, ct);
            done += days.Count;
        }
        return (done, through);
    }

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

/// <summary>The Quartz job: every minute, each brand's rollups brought up to date in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class ReportRollupJob(BrandFanOut fanOut) : IJob
{
    public static readonly JobKey Key = new("report-rollups", "reporting");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await fanOut.RunForJobAsync(
            "Report rollups",
            (sp, tenant, token) => sp.GetRequiredService<ReportRollups>().RefreshAsync(tenant, token, wait: false),
            ct
        );
}
