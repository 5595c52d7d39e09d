using Agency.Domain.Rostering;
using Agency.Infrastructure.Rostering;

namespace Agency.Infrastructure.Tests.Rostering;

public class CpSatRosterSolverTests
{
    private static RosterProblem Small() => NrpFormat.Read(new StringReader(Instances.Small));

    [Fact]
    public void The_solver_breaks_no_hard_rule_and_its_objective_is_the_roster_s_cost()
    {
        var p = Small();
        var progress = new List<SolverProgress>();
        var result = CpSatRosterSolver.Solve(p, TimeSpan.FromSeconds(20), new Progress(progress));
        Assert.True(result.HasRoster, result.Status);
        Assert.Empty(RosterRules.Violations(p, result.Roster!));
        Assert.Equal(RosterRules.Cost(p, result.Roster!).Total, (int)Math.Round(result.Objective));
        Assert.True(result.Bound <= result.Objective + 1e-6);
        Assert.NotEmpty(progress);
        Assert.True(
            progress.Zip(progress.Skip(1)).All(pair => pair.Second.Objective <= pair.First.Objective),
            "each reported roster is at least as good"
        );
    }

    [Fact]
    public void A_known_optimum_is_found_and_proven()
    {
        // One person, one week, one shift a day needed: at most five in a row and a weekend limit of zero
        // leave Saturday and Sunday uncovered, which costs 2 x 100.
        var p = new RosterProblem
        {
            Horizon = 7,
            Shifts = [new ShiftType("D", 480, new HashSet<string>())],
            Staff = [new StaffContract("A", new Dictionary<string, int> { ["D"] = 7 }, 7 * 480, 0, 5, 1, 1, 0)],
            Cover = [.. Enumerable.Range(0, 7).Select(d => new CoverRequirement(d, "D", 1, 100, 1))],
        };
        var result = CpSatRosterSolver.Solve(p, TimeSpan.FromSeconds(10));
        Assert.Equal(RosterOutcome.Optimal, result.Outcome);
        Assert.Equal(200, result.Objective);
        Assert.Equal(["D", "D", "D", "D", "D", null, null], Enumerable.Range(0, 7).Select(d => result.Roster![0, d]));
    }

    [Fact]
    public void Contracts_that_cannot_all_hold_are_reported_infeasible()
    {
        var p = new RosterProblem
        {
            Horizon = 7,
            Shifts = [new ShiftType("D", 480, new HashSet<string>())],
            Staff = [new StaffContract("A", new Dictionary<string, int> { ["D"] = 3 }, 7 * 480, 4 * 480, 5, 1, 1, 1)], // at least 4 shifts, at most 3
        };
        var result = CpSatRosterSolver.Solve(p, TimeSpan.FromSeconds(10));
        Assert.Equal(RosterOutcome.Infeasible, result.Outcome);
        Assert.False(result.HasRoster);
    }

    [Fact]
    public void Stopping_keeps_the_best_roster_found_so_far()
    {
        var p = Instances.Generated(staff: 150, days: 28, seed: 3); // too large to prove optimal quickly
        using var stop = new CancellationTokenSource();
        var progress = new List<SolverProgress>();
        var result = CpSatRosterSolver.Solve(p, TimeSpan.FromSeconds(60), new Progress(progress, after: 2, then: stop.Cancel), stop.Token);
        Assert.True(result.HasRoster, result.Status);
        Assert.Equal(RosterOutcome.Feasible, result.Outcome); // stopped, not proven optimal
        Assert.True(progress.Count >= 2);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(45), $"stopped after {result.Elapsed}");
        Assert.True(result.Objective <= progress[1].Objective);
        Assert.Empty(RosterRules.Violations(p, result.Roster!));
    }

    private sealed class Progress(List<SolverProgress> into, int after = int.MaxValue, Action? then = null) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value)
        {
            into.Add(value);
            if (into.Count == after)
                then?.Invoke();
        }
    }
}
