using Agency.Domain.Rostering;
using Agency.Infrastructure.Rostering;

namespace Agency.Bench;

/// <summary>
/// Roster optimiser on instances in the Curtois and Qu benchmark format: every file given (for
/// example the public Instance1..24 files), or a generated instance of our own when none is.
/// Prints objective, bound, status and time per instance; checks that no hard rule is broken.
/// </summary>
internal static class RosterBench
{
    public static int Run(IReadOnlyList<string> files, int seconds, int staff, int days)
    {
        var instances =
            files.Count > 0
                ? files.Select(f => (Name: Path.GetFileName(f), Problem: NrpFormat.Read(new StreamReader(f)))).ToList()
                : [($"generated {staff} staff x {days} days", Generate(staff, days))];
        Console.WriteLine($"CP-SAT, {Environment.ProcessorCount} workers, time limit {seconds} s per instance");
        foreach (var (name, p) in instances)
        {
            var firstFeasible = TimeSpan.Zero;
            var progress = new Progress(s =>
            {
                if (firstFeasible == TimeSpan.Zero)
                    firstFeasible = s.Elapsed;
            });
            var result = CpSatRosterSolver.Solve(p, TimeSpan.FromSeconds(seconds), progress);
            var violations = result.Roster is { } r ? RosterRules.Violations(p, r).Count : -1;
            var cost = result.Roster is { } roster ? RosterRules.Cost(p, roster) : null;
            Console.WriteLine(
                $"  {name}: {result.Outcome}, objective {result.Objective:N0}, bound {result.Bound:N0}, gap {(result.Objective == 0 ? 0 : (result.Objective - result.Bound) / result.Objective):P1}, "
                    + $"first roster after {firstFeasible.TotalSeconds:F1} s, {result.Elapsed.TotalSeconds:F1} s in all; hard-rule violations {violations}"
                    + (cost is null ? "" : $"; cost: requests {cost.Requests}, under-cover {cost.UnderCover}, over-cover {cost.OverCover}")
            );
            Console.WriteLine(
                $"RESULT roster_instance=\"{name}\" objective={result.Objective} bound={result.Bound} seconds={result.Elapsed.TotalSeconds:F1} status={result.Outcome}"
            );
        }
        return 0;
    }

    private sealed class Progress(Action<SolverProgress> on) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => on(value);
    }

    // Early, late and night shifts; contracts of 4-5 shifts a week; weekday peaks (as the tests' generator).
    private static RosterProblem Generate(int staff, int days)
    {
        var rng = new Random(3);
        var weeks = (days + 6) / 7;
        var cover = new List<CoverRequirement>();
        for (var d = 0; d < days; d++)
        {
            var weekend = RosterProblem.IsWeekendDay(d);
            var scale = staff / 10.0;
            cover.Add(new CoverRequirement(d, "E", (int)Math.Round((weekend ? 2 : 3) * scale), 100, 1));
            cover.Add(new CoverRequirement(d, "L", (int)Math.Round((weekend ? 2 : 3) * scale), 100, 1));
            cover.Add(new CoverRequirement(d, "N", (int)Math.Round(scale), 100, 1));
        }
        return new RosterProblem
        {
            Horizon = days,
            Shifts =
            [
                new ShiftType("E", 480, new HashSet<string>()),
                new ShiftType("L", 480, new HashSet<string> { "E" }),
                new ShiftType("N", 600, new HashSet<string> { "E", "L" }),
            ],
            Staff = Enumerable
                .Range(0, staff)
                .Select(i => new StaffContract(
                    $"S{i}",
                    new Dictionary<string, int>
                    {
                        ["E"] = days,
                        ["L"] = days,
                        ["N"] = i % 3 == 0 ? 0 : weeks * 2,
                    },
                    weeks * 5 * 500,
                    weeks * 4 * 480 - 480,
                    5,
                    2,
                    2,
                    Math.Max(1, weeks / 2)
                ))
                .ToList(),
            Cover = cover,
            OnRequests = Enumerable
                .Range(0, staff)
                .Where(_ => rng.NextDouble() < 0.5)
                .Select(i => new ShiftRequest($"S{i}", rng.Next(days), "E", 1 + rng.Next(3)))
                .ToList(),
        };
    }
}
