using Agency.Domain.Channels;
using Agency.Domain.Conversations;
using Agency.Domain.Replies;
using Agency.Domain.Routing;
using Agency.Domain.Sla;
using Agency.Infrastructure.Persistence;
using Agency.Portal.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Agency.Portal.Features.Sla;

/// <summary>The current brand's SLA policies and service hours.</summary>
public sealed class SlaPolicySettings(IDbContextFactory<AgencyDbContext> dbs)
{
    public async Task<(List<SlaPolicy> Policies, List<ServiceHours> Hours)> SlaAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (
            await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct),
            (await db.ServiceHours.AsNoTracking().ToListAsync(ct)).OrderBy(h => h.Day).ThenBy(h => h.Start).ToList()
        ); // SQLite cannot order by TimeSpan
    }

    public async Task<Outcome<SlaPolicy>> SavePolicyAsync(SlaPolicy input, CancellationToken ct = default)
    {
        input.Name = input.Name.Trim();
        if (input.Check() is { } problem)
            return Outcome<SlaPolicy>.Invalid(problem);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.SlaPolicies.AnyAsync(p => p.Name == input.Name && p.Id != input.Id, ct))
            return Outcome<SlaPolicy>.Invalid(nameof(input.Name), "Another policy has this name.");
        if (
            await db.SlaPolicies.AnyAsync(
                p => p.Id != input.Id && p.Network == input.Network && p.Intent == input.Intent && p.Priority == input.Priority,
                ct
            )
        )
            return Outcome<SlaPolicy>.Invalid(
                nameof(input.Network),
                "Another policy already covers exactly this network, intent and priority."
            );
        db.SlaPolicies.Add(input);
        await db.SaveChangesAsync(ct);
        return Outcome<SlaPolicy>.Success(input);
    }

    public Task DeletePolicyAsync(Guid id, CancellationToken ct = default) => dbs.DeleteRowAsync(db => db.SlaPolicies, id, ct);

    /// <summary>Replaces the hours of one weekday from text such as "08:00-12:00, 13:00-20:00" (empty = closed).</summary>
    public async Task<Outcome<bool>> SetHoursAsync(DayOfWeek day, string text, CancellationToken ct = default)
    {
        var intervals = new List<OpeningInterval>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (
                ends.Length != 2
                || !TryTime(ends[0], out var start)
                || !TryTime(ends[1], out var end)
                || !new OpeningInterval(start, end).IsValid
            )
                return Outcome<bool>.Invalid(
                    day.ToString(),
                    $"'{part}' is not an interval like 09:00-17:30 (end after start, at most 24:00)."
                );
            intervals.Add(new OpeningInterval(start, end));
        }
        var sorted = intervals.OrderBy(i => i.Start).ToList();
        for (var k = 1; k < sorted.Count; k++)
            if (sorted[k].Start < sorted[k - 1].End)
                return Outcome<bool>.Invalid(day.ToString(), "The intervals overlap.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ServiceHours.RemoveRange(await db.ServiceHours.Where(h => h.Day == day).ToListAsync(ct));
        db.ServiceHours.AddRange(
            sorted.Select(i => new ServiceHours
            {
                Day = day,
                Start = i.Start,
                End = i.End,
            })
        );
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Success(true);
    }

    private static bool TryTime(string s, out TimeSpan t)
    {
        if (s == "24:00")
        {
            t = TimeSpan.FromHours(24);
            return true;
        }
        return TimeSpan.TryParseExact(s, @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out t) && t < TimeSpan.FromHours(24);
    }
}
