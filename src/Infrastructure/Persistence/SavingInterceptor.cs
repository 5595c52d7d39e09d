using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agency.Infrastructure.Persistence;

/// <summary>A SaveChanges interceptor that does the same work before sync and async saves.</summary>
public abstract class SavingInterceptor : SaveChangesInterceptor
{
    protected abstract void BeforeSave(DbContext? context);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }
}
