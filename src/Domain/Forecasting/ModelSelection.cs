namespace Agency.Domain.Forecasting;

/// <summary>
/// How a model did in the rolling-origin backtest, and what it forecast for the history's last week from the weeks before
/// it (the last origin; empty when the history is too short for it), so that forecast and actual can be shown side by side.
/// </summary>
public sealed record BacktestResult(string Model, Accuracy Accuracy, int Origins)
{
    public IReadOnlyList<double> LastWeek { get; init; } = [];
}

/// <summary>
/// Chooses a model per series by rolling-origin backtest: from several forecast origins in the
/// history, each model forecasts the following week and is scored against what happened. The
/// lowest WAPE wins; on a tie the simpler model (listed first) wins.
/// </summary>
public static class ModelSelection
{
    public static (IForecaster Chosen, IReadOnlyList<BacktestResult> Results) Choose(
        IReadOnlyList<double> history,
        Seasonality s,
        IReadOnlyList<IForecaster> models,
        int origins = 3
    )
    {
        var scored = new List<(IForecaster Model, BacktestResult Score)>();
        foreach (var model in models)
        {
            var actual = new List<double>();
            var predicted = new List<double>();
            var used = 0;
            IReadOnlyList<double> lastWeek = [];
            for (var k = origins; k >= 1; k--)
            {
                var origin = history.Count - k * s.PerWeek;
                if (origin < model.MinimumHistory(s))
                    continue;
                var forecast = model.Fit(history.Take(origin).ToList(), s.PerWeek, s);
                actual.AddRange(history.Skip(origin).Take(s.PerWeek));
                var week = forecast.Point.Take(Math.Min(s.PerWeek, history.Count - origin)).ToArray();
                predicted.AddRange(week);
                if (k == 1)
                    lastWeek = week;
                used++;
            }
            if (used > 0)
                scored.Add((model, new BacktestResult(model.Name, Accuracy.Of(actual, predicted), used) { LastWeek = lastWeek }));
        }
        if (scored.Count == 0)
            return (models[0], []);
        var best = scored.Select((x, i) => (x, i)).OrderBy(x => Math.Round(x.x.Score.Accuracy.Wape, 4)).ThenBy(x => x.i).First().x;
        return (best.Model, scored.Select(x => x.Score).ToList());
    }
}
