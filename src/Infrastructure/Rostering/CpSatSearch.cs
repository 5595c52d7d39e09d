using Google.OrTools.Sat;

namespace Agency.Infrastructure.Rostering;

/// <summary>CP-SAT's search, stopped by a cancellation token whenever it comes.</summary>
internal static class CpSatSearch
{
    /// <summary>
    /// Solves the model until its time limit or the token's stop. CP-SAT forgets a stop asked for before its search began
    /// (<see cref="CpSolver.Solve"/> makes the handle that <see cref="CpSolver.StopSearch"/> reaches), so a stop that comes while the
    /// model is handed over is asked again every 100 ms until the search ends (the solver's response is then there to read, as after
    /// any search).
    /// </summary>
    public static CpSolverStatus Solve(CpSolver solver, CpModel model, CpSolverSolutionCallback callback, CancellationToken ct)
    {
        using var stopping = new Timer(
            _ =>
            {
                if (ct.IsCancellationRequested)
                    solver.StopSearch();
            },
            null,
            0,
            100
        );
        return solver.Solve(model, callback);
    }
}
