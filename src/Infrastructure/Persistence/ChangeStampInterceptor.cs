using Agency.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Persistence;

/// <summary>Stamps <see cref="Conversation.ChangedAt"/> on every save of a conversation, so that rollups can pick up what changed.</summary>
public sealed class ChangeStampInterceptor(TimeProvider clock) : SavingInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in context.ChangeTracker.Entries<Conversation>())
            if (e.State is EntityState.Added or EntityState.Modified)
                e.Entity.ChangedAt = now;
    }
}
