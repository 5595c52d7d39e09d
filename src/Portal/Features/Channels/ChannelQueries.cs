using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Channels;

public sealed record AccountRow(
    Guid Id,
    Network Network,
    string Handle,
    Department Department,
    bool IsActive,
    int Posts,
    DateTime? LastEventAt,
    DateTime? LastErrorAt,
    string? LastError
);

/// <summary>The brand's connected accounts with their post counts and last delivery or error.</summary>
public sealed class ListAccounts(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<AccountRow>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db
            .ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.Network)
            .ThenBy(a => a.Handle)
            .Select(a => new AccountRow(
                a.Id,
                a.Network,
                a.Handle,
                a.Department,
                a.IsActive,
                db.Posts.Count(p => p.ChannelAccountId == a.Id),
                a.LastEventAt,
                a.LastErrorAt,
                a.LastError
            ))
            .ToListAsync(ct);
    }
}

/// <summary>One account as the form shows it (secrets never leave the server); null when not the brand's.</summary>
public sealed class GetAccount(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<ChannelAccountInput?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? null : ChannelAccountInput.From(account);
    }
}

public sealed record AccountStream(ChannelAccount Account, List<Post> Posts, List<(Intent Intent, int Count)> Mix);

/// <summary>An account's newest posts and the mix of their intents; null when the account is not the brand's.</summary>
public sealed class ReadStream(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<AccountStream?> HandleAsync(Guid accountId, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return null;
        var posts = await db
            .Posts.AsNoTracking()
            .Where(p => p.ChannelAccountId == accountId)
            .OrderByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Id)
            .Take(take)
            .ToListAsync(ct);
        var mix = posts
            .Where(p => p.Intent != null)
            .GroupBy(p => p.Intent!.Value)
            .OrderByDescending(g => g.Count())
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new AccountStream(account, posts, mix);
    }
}
