using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Reporting;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Reporting;

public sealed record TranscriptRow(
    Guid Id,
    DateTime StartedAt,
    Network Network,
    string Customer,
    Intent? Intent,
    Sentiment? Sentiment,
    ConversationStatus Status,
    int? FirstResponseSeconds,
    bool MovedToPrivate,
    bool Forwarded,
    int Messages
);

public sealed record TranscriptMessage(
    DateTime At,
    Direction Direction,
    bool IsPrivate,
    bool IsAutomatic,
    string Author,
    string Text,
    Intent? Intent
);

public sealed record Transcript(
    TranscriptRow Summary,
    string Account,
    IReadOnlyList<string> Tags,
    DateTime? ResolvedAt,
    IReadOnlyList<TranscriptMessage> Messages
);

public sealed record BrandHeader(Guid Id, string Name, string Slug, string Color, TimeZoneInfo Zone, byte[]? Logo, string? LogoContentType);

/// <summary>
/// A brand's figures and transcripts for its managers and the agency: dashboards from the rollups
/// (brought up to date first), the live backlog, and read-only conversations without internal notes.
/// </summary>
public sealed class BrandReports(DatabaseSetup database, ReportRollups rollups, TimeProvider clock)
{
    public async Task<BrandHeader> BrandAsync(TenantScope brand, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var b = await db.Brands.AsNoTracking().SingleAsync(x => x.Id == brand.BrandId, ct);
        return new BrandHeader(b.Id, b.Name, b.Slug, b.Color, b.TimeZone, b.Logo, b.LogoContentType);
    }

    /// <param name="catchUpWait">
    /// How long a person waits for the rollups to catch up (after a large import they may need many seconds): after it, the last
    /// complete figures are shown, marked <see cref="BrandDashboard.CatchingUp"/>, while the refresh goes on. Null (files, e-mail, API)
    /// waits for complete figures.
    /// </param>
    public async Task<BrandDashboard> DashboardAsync(
        TenantScope brand,
        ReportPeriod period,
        CancellationToken ct = default,
        TimeSpan? catchUpWait = null
    )
    {
        var catchingUp = false;
        if (catchUpWait is not { } patience)
            await rollups.RefreshAsync(brand, ct);
        else
        {
            // Not cancelled with the page: a refresh under its lease finishes for the next reader.
            var refresh = rollups.RefreshAsync(brand, CancellationToken.None);
            _ = refresh.ContinueWith(
                t => _ = t.Exception,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously
            );
            catchingUp = await Task.WhenAny(refresh, Task.Delay(patience, ct)) != refresh;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The two periods are read side by side, each with its own context (readers do not block each other).
        var current = PeriodFactsAsync(brand, period, now, ct);
        var before = PeriodHeadlineAsync(brand, period.Previous, now, ct);
        await Task.WhenAll(current, before);
        await using var db = database.Create(brand);
        var (first, last) = (period.Previous.From, period.To);
        var days = await db
            .DayStats.AsNoTracking()
            .Where(d => d.Day >= first && d.Day <= last)
            .Select(d => new DayStat
            {
                Day = d.Day,
                Network = d.Network,
                Intent = d.Intent,
                Sentiment = d.Sentiment,
                Inbound = d.Inbound,
                Outbound = d.Outbound,
            })
            .ToListAsync(ct);
        var policies = await db.SlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return DashboardCalculator.Compute(period, await current, await before, days, policies, await BacklogAsync(db, ct), now) with
        {
            CatchingUp = catchingUp,
        };
    }

    /// <summary>
    /// The conversations that started in the period, as the dashboard counts them: tallies by every attribute it
    /// shows (<see cref="TalliesAsync"/>), the clocks of answered conversations (for percentiles) and the tag sets.
    /// </summary>
    public async Task<PeriodFacts> PeriodFactsAsync(TenantScope brand, ReportPeriod period, DateTime now, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var tallies = await TalliesAsync(db, period, now, ct);
        var facts = In(db, period);
        var responses = await facts
            .Where(f => f.FirstResponseSeconds != null || f.FirstResponseBusinessSeconds != null)
            .Select(f => new ResponseSample(f.Network, f.NoAction, f.Forwarded, f.FirstResponseSeconds, f.FirstResponseBusinessSeconds))
            .ToListAsync(ct);
        var tags = await facts.Where(f => f.Tags != "").GroupBy(f => f.Tags).Select(g => new TagSet(g.Key, g.Count())).ToListAsync(ct);
        return new PeriodFacts(tallies, responses, tags);
    }

    /// <summary>The headline of the period (what the period after it is compared by) and the seconds its percentiles are taken of.</summary>
    public async Task<PeriodHeadline> PeriodHeadlineAsync(
        TenantScope brand,
        ReportPeriod period,
        DateTime now,
        CancellationToken ct = default
    )
    {
        await using var db = database.Create(brand);
        var tallies = await TalliesAsync(db, period, now, ct);
        var seconds = await In(db, period)
            .Where(f => !f.NoAction && f.FirstResponseSeconds != null)
            .Select(f => f.FirstResponseSeconds!.Value)
            .ToListAsync(ct);
        return new PeriodFacts(tallies, [], []).Headline with { AnsweredSeconds = seconds };
    }

    /// <summary>
    /// The period's conversations counted by attribute: those with both SLA targets settled from the day tallies
    /// (a few rows per day), those with a target still running read one by one and judged as of <paramref name="now"/>
    /// (the database works out "due by now → missed", as <see cref="ConversationFact.FirstResponseAsOf"/> does).
    /// </summary>
    private static async Task<List<FactTally>> TalliesAsync(AgencyDbContext db, ReportPeriod period, DateTime now, CancellationToken ct)
    {
        var (first, last) = (period.From, period.To);
        var settled = await db
            .DayTallies.AsNoTracking()
            .Where(d => d.Day >= first && d.Day <= last)
            .GroupBy(d => new
            {
                d.Network,
                d.SlaPolicyId,
                d.NoAction,
                d.NeedsResponse,
                d.Responded,
                d.FirstResponseSla,
                d.ResolutionSla,
                d.MovedToPrivate,
                d.Forwarded,
                d.ForwardOutcome,
            })
            .Select(g => new FactTally(
                g.Key.Network,
                g.Key.SlaPolicyId,
                g.Key.NoAction,
                g.Key.NeedsResponse,
                g.Key.Responded,
                g.Key.FirstResponseSla,
                g.Key.ResolutionSla,
                g.Key.MovedToPrivate,
                g.Key.Forwarded,
                g.Key.ForwardOutcome,
                g.Sum(d => d.Count)
            ))
            .ToListAsync(ct);
        var running = await In(db, period)
            .Where(f => f.FirstResponseSla == SlaResult.Running || f.ResolutionSla == SlaResult.Running)
            .Select(f => new FactRow(
                f.Network,
                f.SlaPolicyId,
                f.NoAction,
                f.NeedsResponse,
                f.FirstResponseSla == SlaResult.Running && f.FirstResponseDueAt <= now ? SlaResult.Missed : f.FirstResponseSla,
                f.ResolutionSla == SlaResult.Running && f.ResolutionDueAt <= now ? SlaResult.Missed : f.ResolutionSla,
                f.MovedToPrivate,
                f.Forwarded,
                f.ForwardOutcome,
                f.FirstResponseSeconds,
                f.FirstResponseBusinessSeconds
            ))
            .ToListAsync(ct);
        return FactTally.Merge(settled.Concat(PeriodFacts.From(running, []).Tallies));
    }

    private static IQueryable<ConversationFact> In(AgencyDbContext db, ReportPeriod period)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        return db.ConversationFacts.AsNoTracking().Where(f => f.StartedAt >= from && f.StartedAt < to);
    }

    /// <summary>Active conversations in a service queue still owed an answer, and since when the oldest has waited.</summary>
    public static async Task<Backlog> BacklogAsync(AgencyDbContext db, CancellationToken ct)
    {
        var waiting = db
            .Conversations.AsNoTracking()
            .Where(c => c.Queue == QueueState.In && (c.FirstResponseAt == null || c.AwaitingReplySince != null));
        var count = await waiting.CountAsync(ct);
        if (count == 0)
            return new Backlog(0, null);
        var unanswered = await waiting
            .Where(c => c.FirstResponseAt == null)
            .OrderBy(c => c.StartedAt)
            .Select(c => (DateTime?)c.StartedAt)
            .FirstOrDefaultAsync(ct);
        var again = await waiting
            .Where(c => c.AwaitingReplySince != null)
            .OrderBy(c => c.AwaitingReplySince)
            .Select(c => c.AwaitingReplySince)
            .FirstOrDefaultAsync(ct);
        return new Backlog(count, new[] { unanswered, again }.Where(d => d is not null).Min());
    }

    public const int PageSize = 50;

    /// <summary>Conversations that started in the period, newest first, optionally only those whose customer or messages contain <paramref name="search"/>.</summary>
    public async Task<(IReadOnlyList<TranscriptRow> Rows, int Total)> TranscriptsAsync(
        TenantScope brand,
        ReportPeriod period,
        string? search,
        int page,
        CancellationToken ct = default
    )
    {
        await using var db = database.Create(brand);
        var (from, to) = (period.FromUtc, period.ToUtc);
        var q = db.Conversations.AsNoTracking().Where(c => c.StartedAt >= from && c.StartedAt < to);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var withText = db
                .Posts.Where(p => p.ConversationId != null && p.CreatedAt >= from && p.Text.Contains(term))
                .Select(p => p.ConversationId!.Value);
            q = q.Where(c =>
                (c.CustomerHandle != null && c.CustomerHandle.Contains(term))
                || (c.CustomerName != null && c.CustomerName.Contains(term))
                || withText.Contains(c.Id)
            );
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.StartedAt)
            .ThenBy(c => c.Id)
            .Skip(Math.Max(0, page) * PageSize)
            .Take(PageSize)
            .Select(c => new TranscriptRow(
                c.Id,
                c.StartedAt,
                c.Network,
                c.CustomerHandle ?? c.CustomerName ?? c.CustomerExternalId,
                c.Intent,
                c.Sentiment,
                c.Status,
                null,
                c.MovedToPrivateAt != null,
                c.Forwarded,
                c.InboundCount + c.OutboundCount
            ))
            .ToListAsync(ct);
        // Response times come from the facts (computed once); rows not yet rolled up show none.
        var ids = rows.Select(r => r.Id).ToList();
        var seconds = await db
            .ConversationFacts.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.FirstResponseSeconds, ct);
        return (rows.Select(r => r with { FirstResponseSeconds = seconds.GetValueOrDefault(r.Id) }).ToList(), total);
    }

    /// <summary>One conversation as the customer and the brand wrote it: public and private messages, never internal notes. Null when it is not this brand's.</summary>
    public async Task<Transcript?> TranscriptAsync(TenantScope brand, Guid id, CancellationToken ct = default)
    {
        await using var db = database.Create(brand);
        var c = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return null;
        var handle = await db
            .ChannelAccounts.AsNoTracking()
            .Where(a => a.Id == c.ChannelAccountId)
            .Select(a => a.Handle)
            .SingleOrDefaultAsync(ct);
        var account = handle is null ? "" : "@" + handle;
        var messages = await db
            .Posts.AsNoTracking()
            .Where(p => p.ConversationId == id)
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .Select(p => new TranscriptMessage(
                p.CreatedAt,
                p.Direction,
                p.IsPrivate,
                p.IsAutomatic,
                p.AuthorHandle ?? p.AuthorName ?? p.AuthorExternalId,
                p.Text,
                p.Intent
            ))
            .ToListAsync(ct);
        var fact = await db
            .ConversationFacts.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => f.FirstResponseSeconds)
            .FirstOrDefaultAsync(ct);
        var row = new TranscriptRow(
            c.Id,
            c.StartedAt,
            c.Network,
            c.CustomerHandle ?? c.CustomerName ?? c.CustomerExternalId,
            c.Intent,
            c.Sentiment,
            c.Status,
            fact ?? (c.FirstResponseAt is { } f ? (int)(f - c.StartedAt).TotalSeconds : null),
            c.MovedToPrivateAt is not null,
            c.Forwarded,
            messages.Count
        );
        return new Transcript(row, account, c.Tags, c.ResolvedAt, messages);
    }

    /// <summary>Every conversation of the period with its figures (for the CSV export), oldest first.</summary>
    public async Task<IReadOnlyList<(ConversationFact Fact, string Customer, string? Policy)>> ConversationFactsAsync(
        TenantScope brand,
        ReportPeriod period,
        CancellationToken ct = default
    )
    {
        await rollups.RefreshAsync(brand, ct);
        await using var db = database.Create(brand);
        var (from, to) = (period.FromUtc, period.ToUtc);
        var policies = await db.SlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = await db
            .ConversationFacts.AsNoTracking()
            .Where(f => f.StartedAt >= from && f.StartedAt < to)
            .Join(
                db.Conversations,
                f => f.Id,
                c => c.Id,
                (f, c) => new { f, Customer = c.CustomerHandle ?? c.CustomerName ?? c.CustomerExternalId }
            )
            .OrderBy(x => x.f.StartedAt)
            .ThenBy(x => x.f.Id)
            .ToListAsync(ct);
        return rows.Select(r => (r.f, r.Customer, r.f.SlaPolicyId is { } p ? policies.GetValueOrDefault(p) : null)).ToList();
    }
}
