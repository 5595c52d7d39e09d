namespace Agency.Domain.Forecasting;

/// <summary>An event on the calendar in series terms: intervals [From, To), its kind, and an uplift if one was given.</summary>
public sealed record CalendarEvent(string Name, string Kind, int FromIndex, int ToIndex, double? Expected);

/// <summary>
/// Turns calendar events into the regression's known events. An event already in the history gets
/// the multiplier it actually had: its volume against the same intervals in the weeks before it.
/// An event ahead uses the uplift entered, or else the average of past events of the same kind,
/// or else none (1.0).
/// </summary>
public static class EventEffects
{
    public static double? Observed(IReadOnlyList<double> history, int from, int to, int perWeek)
    {
        double during = 0,
            before = 0;
        var weeks = 0;
        for (var back = 1; back <= 2; back++)
        {
            if (from - back * perWeek < 0)
                break;
            weeks++;
            for (var t = from; t < Math.Min(to, history.Count); t++)
                before += history[t - back * perWeek];
        }
        for (var t = from; t < Math.Min(to, history.Count); t++)
            during += history[t];
        if (weeks == 0 || before <= 0)
            return null;
        return Math.Clamp(during / (before / weeks), 0.1, 20);
    }

    /// <summary>
    /// Scales a forecast (point and band) by the events ahead, for models that do not model events
    /// themselves; the forecast starts at series index <paramref name="offset"/> (the history's length).
    /// </summary>
    public static Forecast ApplyAhead(Forecast f, IReadOnlyList<KnownEvent> events, int offset)
    {
        var factor = Enumerable.Repeat(1.0, f.Point.Length).ToArray();
        foreach (var e in events)
            for (var t = Math.Max(e.FromIndex, offset); t < Math.Min(e.ToIndex, offset + factor.Length); t++)
                factor[t - offset] *= e.Multiplier;
        double[] Scale(double[] v) => v.Select((x, i) => x * factor[i]).ToArray();
        return f with { Point = Scale(f.Point), Lower = Scale(f.Lower), Upper = Scale(f.Upper) };
    }

    public static IReadOnlyList<KnownEvent> Resolve(IEnumerable<CalendarEvent> events, IReadOnlyList<double> history, int perWeek)
    {
        var list = events.ToList();
        var past = list.Where(e => e.ToIndex <= history.Count && e.FromIndex >= 0)
            .Select(e => (e, Observed(history, e.FromIndex, e.ToIndex, perWeek)))
            .Where(x => x.Item2 is not null)
            .ToList();
        var byKind = past.GroupBy(x => x.e.Kind).ToDictionary(g => g.Key, g => g.Average(x => x.Item2!.Value));
        var known = new List<KnownEvent>();
        foreach (var e in list)
        {
            var observed = past.FirstOrDefault(x => x.e == e).Item2;
            var multiplier = observed ?? e.Expected ?? byKind.GetValueOrDefault(e.Kind, 1.0);
            if (Math.Abs(multiplier - 1) > 1e-9)
                known.Add(new KnownEvent(e.Name, e.FromIndex, e.ToIndex, multiplier));
        }
        return known;
    }
}
