using Agency.Domain.Rostering;

namespace Agency.Infrastructure.Tests.Rostering;

/// <summary>Instances of our own in the benchmark's terms: a small file, and generated ones of any size.</summary>
public static class Instances
{
    public static string Small => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Instances", "small-14.txt"));

    /// <summary>Early, late and night shifts; contracts of 4-5 shifts a week; cover that rises on weekdays; random requests.</summary>
    public static RosterProblem Generated(int staff, int days, int seed)
    {
        var rng = new Random(seed);
        var shifts = new[]
        {
            new ShiftType("E", 480, new HashSet<string>()),
            new ShiftType("L", 480, new HashSet<string> { "E" }),
            new ShiftType("N", 600, new HashSet<string> { "E", "L" }),
        };
        var weeks = (days + 6) / 7;
        var contracts = Enumerable
            .Range(0, staff)
            .Select(i => new StaffContract(
                $"S{i}",
                new Dictionary<string, int>
                {
                    ["E"] = days,
                    ["L"] = days,
                    ["N"] = i % 3 == 0 ? 0 : weeks * 2,
                },
                MaxTotalMinutes: weeks * 5 * 500,
                MinTotalMinutes: weeks * 4 * 480 - 480,
                MaxConsecutiveShifts: 5,
                MinConsecutiveShifts: 2,
                MinConsecutiveDaysOff: 2,
                MaxWeekends: Math.Max(1, weeks / 2)
            ))
            .ToList();
        var cover = new List<CoverRequirement>();
        for (var d = 0; d < days; d++)
        {
            var weekend = RosterProblem.IsWeekendDay(d);
            var scale = staff / 10.0;
            cover.Add(new CoverRequirement(d, "E", (int)Math.Round((weekend ? 2 : 3) * scale), 100, 1));
            cover.Add(new CoverRequirement(d, "L", (int)Math.Round((weekend ? 2 : 3) * scale), 100, 1));
            cover.Add(new CoverRequirement(d, "N", (int)Math.Round(1 * scale), 100, 1));
        }
        var on = Enumerable
            .Range(0, staff)
            .Where(_ => rng.NextDouble() < 0.5)
            .Select(i => new ShiftRequest($"S{i}", rng.Next(days), "E", 1 + rng.Next(3)))
            .ToList();
        var off = Enumerable
            .Range(0, staff)
            .Where(_ => rng.NextDouble() < 0.5)
            .Select(i => new ShiftRequest($"S{i}", rng.Next(days), "L", 1 + rng.Next(3)))
            .Where(r => !on.Any(o => o.StaffId == r.StaffId && o.Day == r.Day))
            .ToList();
        var daysOff = Enumerable
            .Range(0, staff)
            .Where(_ => rng.NextDouble() < 0.3)
            .ToDictionary(i => $"S{i}", _ => (IReadOnlySet<int>)new HashSet<int> { rng.Next(days) });
        return new RosterProblem
        {
            Horizon = days,
            Shifts = shifts,
            Staff = contracts,
            Cover = cover,
            OnRequests = on,
            OffRequests = off,
            DaysOff = daysOff,
        };
    }
}
