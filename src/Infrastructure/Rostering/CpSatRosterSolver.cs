using Agency.Domain.Rostering;
using Google.OrTools.Sat;

namespace Agency.Infrastructure.Rostering;

/// <summary>How the search stands: the best roster's cost so far and the proven lower bound.</summary>
public sealed record SolverProgress(double Objective, double Bound, TimeSpan Elapsed, int Solutions);

public enum RosterOutcome
{
    Optimal,
    Feasible,
    Infeasible,
    NoSolutionInTime,
    InvalidProblem,
}

public sealed record RosterResult(RosterOutcome Outcome, Roster? Roster, double Objective, double Bound, TimeSpan Elapsed, string Status)
{
    public bool HasRoster => Roster is not null;
}

/// <summary>
/// Solves a roster with Google OR-Tools CP-SAT: one Boolean per person, day and shift; every hard
/// rule a constraint (never broken); the soft rules' cost minimised. Runs with a time limit, reports
/// each better roster and the bound as they improve, and can be stopped keeping the best so far.
/// </summary>
public static class CpSatRosterSolver
{
    public static RosterResult Solve(
        RosterProblem p,
        TimeSpan timeLimit,
        IProgress<SolverProgress>? progress = null,
        CancellationToken ct = default,
        int workers = 0
    )
    {
        if (p.Validate().Count > 0)
            return new RosterResult(RosterOutcome.InvalidProblem, null, 0, 0, TimeSpan.Zero, string.Join(" ", p.Validate()));
        var model = new CpModel();
        int S = p.Staff.Count,
            D = p.Horizon,
            T = p.Shifts.Count;
        var x = new BoolVar[S, D, T];
        var work = new BoolVar[S, D];
        var shiftIndex = p.Shifts.Select((s, i) => (s.Id, i)).ToDictionary(z => z.Id, z => z.i);
        for (var s = 0; s < S; s++)
        for (var d = 0; d < D; d++)
        {
            for (var t = 0; t < T; t++)
                x[s, d, t] = model.NewBoolVar($"x_{s}_{d}_{t}");
            work[s, d] = model.NewBoolVar($"w_{s}_{d}");
            model.Add(LinearExpr.Sum(Enumerable.Range(0, T).Select(t => x[s, d, t])) == work[s, d]); // at most one shift a day
        }

        for (var s = 0; s < S; s++)
        {
            var c = p.Staff[s];
            foreach (var d in p.DaysOff.GetValueOrDefault(c.Id) ?? new HashSet<int>())
                model.Add(work[s, d] == 0);
            // Rest: a shift that may not follow another on the next day.
            for (var d = 0; d + 1 < D; d++)
            for (var t = 0; t < T; t++)
                foreach (var next in p.Shifts[t].CannotBeFollowedBy)
                    model.AddBoolOr([x[s, d, t].Not(), x[s, d + 1, shiftIndex[next]].Not()]);
            foreach (var (id, max) in c.MaxShifts)
                model.Add(LinearExpr.Sum(Enumerable.Range(0, D).Select(d => x[s, d, shiftIndex[id]])) <= max);
            var minutes = LinearExpr.WeightedSum(
                Enumerable.Range(0, D).SelectMany(d => Enumerable.Range(0, T).Select(t => x[s, d, t])),
                Enumerable.Range(0, D).SelectMany(_ => p.Shifts.Select(sh => (long)sh.Minutes))
            );
            model.Add(minutes <= c.MaxTotalMinutes);
            model.Add(minutes >= c.MinTotalMinutes);
            // At most N working days in any N+1.
            for (var d = 0; d + c.MaxConsecutiveShifts < D; d++)
                model.Add(
                    LinearExpr.Sum(Enumerable.Range(d, c.MaxConsecutiveShifts + 1).Select(k => work[s, k])) <= c.MaxConsecutiveShifts
                );
            // No run shorter than the minimum inside the horizon: forbid off, on x L, off (and the reverse for days off).
            ForbidShortRuns(model, work, s, D, c.MinConsecutiveShifts, working: true);
            ForbidShortRuns(model, work, s, D, c.MinConsecutiveDaysOff, working: false);
            var weekends = new List<BoolVar>();
            for (var w = 0; w < p.Weeks; w++)
            {
                var days = new[] { 7 * w + 5, 7 * w + 6 }.Where(d => d < D).ToList();
                if (days.Count == 0)
                    continue;
                var we = model.NewBoolVar($"we_{s}_{w}");
                foreach (var d in days)
                    model.AddImplication(work[s, d], we);
                model.AddBoolOr(days.Select(d => (ILiteral)work[s, d]).Append(we.Not()));
                weekends.Add(we);
            }
            model.Add(LinearExpr.Sum(weekends) <= c.MaxWeekends);
        }

        var terms = new List<LinearExpr>();
        var staffIndex = p.Staff.Select((c, i) => (c.Id, i)).ToDictionary(z => z.Id, z => z.i);
        foreach (var r in p.OnRequests)
            terms.Add(r.Weight * (1 - (LinearExpr)x[staffIndex[r.StaffId], r.Day, shiftIndex[r.ShiftId]]));
        foreach (var r in p.OffRequests)
            terms.Add(r.Weight * (LinearExpr)x[staffIndex[r.StaffId], r.Day, shiftIndex[r.ShiftId]]);
        foreach (var c in p.Cover)
        {
            var under = model.NewIntVar(0, Math.Max(0, c.Requirement), $"u_{c.Day}_{c.ShiftId}");
            var over = model.NewIntVar(0, S, $"o_{c.Day}_{c.ShiftId}");
            model.Add(
                LinearExpr.Sum(Enumerable.Range(0, S).Select(s => x[s, c.Day, shiftIndex[c.ShiftId]])) - c.Requirement == over - under
            );
            terms.Add(c.UnderWeight * (LinearExpr)under);
            terms.Add(c.OverWeight * (LinearExpr)over);
        }
        model.Minimize(LinearExpr.Sum(terms));

        var solver = new CpSolver
        {
            StringParameters =
                $"max_time_in_seconds:{timeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:{(workers > 0 ? workers : Math.Max(1, Environment.ProcessorCount))}",
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var callback = new Reporter(progress, watch);
        var status = CpSatSearch.Solve(solver, model, callback, ct);
        watch.Stop();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            var outcome = status == CpSolverStatus.Infeasible ? RosterOutcome.Infeasible : RosterOutcome.NoSolutionInTime;
            return new RosterResult(outcome, null, 0, solver.BestObjectiveBound, watch.Elapsed, status.ToString());
        }
        var roster = new Roster(S, D);
        for (var s = 0; s < S; s++)
        for (var d = 0; d < D; d++)
        for (var t = 0; t < T; t++)
            if (solver.BooleanValue(x[s, d, t]))
                roster[s, d] = p.Shifts[t].Id;
        return new RosterResult(
            status == CpSolverStatus.Optimal ? RosterOutcome.Optimal : RosterOutcome.Feasible,
            roster,
            solver.ObjectiveValue,
            solver.BestObjectiveBound,
            watch.Elapsed,
            status.ToString()
        );
    }

    private static void ForbidShortRuns(CpModel model, BoolVar[,] work, int s, int days, int minimum, bool working)
    {
        ILiteral On(int d) => working ? work[s, d] : work[s, d].Not();
        ILiteral Off(int d) => working ? work[s, d].Not() : work[s, d];
        for (var length = 1; length < minimum; length++)
        for (var start = 1; start + length < days; start++)
        {
            // Not (off before, on for `length` days, off after).
            var clause = new List<ILiteral> { On(start - 1), On(start + length) };
            for (var k = start; k < start + length; k++)
                clause.Add(Off(k));
            model.AddBoolOr(clause);
        }
    }

    private sealed class Reporter(IProgress<SolverProgress>? progress, System.Diagnostics.Stopwatch watch) : CpSolverSolutionCallback
    {
        private int _solutions;

        public override void OnSolutionCallback()
        {
            _solutions++;
            progress?.Report(new SolverProgress(ObjectiveValue(), BestObjectiveBound(), watch.Elapsed, _solutions));
        }
    }
}
