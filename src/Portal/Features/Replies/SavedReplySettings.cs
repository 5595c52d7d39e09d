using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Replies;

/// <summary>The current brand's saved replies.</summary>
public sealed class SavedReplySettings(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<List<SavedReply>> RepliesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SavedReplies.AsNoTracking().OrderBy(r => r.Purpose).ThenBy(r => r.Title).ToListAsync(ct);
    }

    public async Task<Outcome<SavedReply>> AddReplyAsync(SavedReply input, CancellationToken ct = default)
    {
        input.Title = input.Title.Trim();
        input.Text = input.Text.Trim();
        if (SavedReply.Check(input.Title, input.Text) is { } problem)
            return Outcome<SavedReply>.Invalid(problem);
        // Templates that go out in public unedited must fit the network's public limit.
        if (input.Network is { } n && input.Purpose != SavedReplyPurpose.Reply && ReplyLimits.Check(n, false, input.Text) is { } tooLong)
            return Outcome<SavedReply>.Invalid(nameof(input.Text), tooLong);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SavedReplies.AnyAsync(r => r.Title == input.Title, ct))
            return Outcome<SavedReply>.Invalid(nameof(input.Title), "Another saved reply has this title.");
        db.SavedReplies.Add(input);
        await db.SaveChangesAsync(ct);
        return Outcome<SavedReply>.Success(input);
    }

    public Task DeleteReplyAsync(Guid id, CancellationToken ct = default) => dbs.DeleteRowAsync(db => db.SavedReplies, id, ct);
}
