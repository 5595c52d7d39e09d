using Agency.Infrastructure.Persistence;
using Agency.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Identity;

/// <summary>
/// Records when someone signed in. Bookkeeping must not keep people out: with another writer holding the database (a long import,
/// a SQLite file under load) the write waits at most two seconds, and is then left out with a warning instead of the sign-in waiting
/// for the database's full lock timeout.
/// </summary>
public sealed class SignInRecord(DatabaseSetup database, ILogger<SignInRecord> log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task WriteAsync(string userId, DateTime utcNow, CancellationToken ct = default)
    {
        try
        {
            await using var db = database.Create(TenantScope.None);
            db.Database.SetCommandTimeout(Patience);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, utcNow), ct);
        }
        catch (Exception e) when (e.IsStoreFailure())
        {
            log.LogWarning(e, "The sign-in of user {UserId} at {At:u} was not recorded: the database was busy.", userId, utcNow);
        }
    }
}
