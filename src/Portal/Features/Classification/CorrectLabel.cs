using Agency.Domain.Classification;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Classification;

/// <summary>One click to correct an item's intent: the label becomes the person's, and the correction is kept for learning.</summary>
public sealed class CorrectLabel(IDbContextFactory<AgencyDbContext> dbs, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Guid postId, Intent intent, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(intent))
            return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || post.Direction != Domain.Conversations.Direction.Inbound)
            return false;
        if (post.Intent == intent && post.IntentSource == LabelSource.Person)
            return true;
        db.LabelCorrections.Add(
            new LabelCorrection
            {
                PostId = post.Id,
                Text = post.Text,
                FromIntent = post.Intent,
                FromSource = post.IntentSource,
                ToIntent = intent,
                CorrectedBy = db.Tenant.UserName,
                CorrectedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        post.Intent = intent;
        post.IntentSource = LabelSource.Person;
        post.IntentConfidence = 1;
        post.IntentRule = db.Tenant.UserName is { } who ? $"corrected by {who}" : "corrected";
        await db.SaveChangesAsync(ct);
        return true;
    }
}
