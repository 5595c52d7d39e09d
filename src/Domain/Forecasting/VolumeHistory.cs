namespace Agency.Domain.Forecasting;

/// <summary>
/// Counts posts per interval of the brand's local wall clock, from a local midnight for a number of
/// days: the series the forecasts read. Local time is what staff and customers live by, so on the
/// day clocks go forward the skipped hour's intervals stay empty, and on the day they go back both
/// passes through the repeated hour count into its intervals.
/// </summary>
public static class VolumeHistory
{
    public static double[] Bucket(IEnumerable<DateTime> utcTimes, TimeZoneInfo zone, DateOnly firstLocalDay, int days, TimeSpan interval)
    {
        var s = Seasonality.ForInterval(interval);
        var counts = new double[days * s.PerDay];
        foreach (var utc in utcTimes)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
            var day = DateOnly.FromDateTime(local).DayNumber - firstLocalDay.DayNumber;
            if (day < 0 || day >= days)
                continue;
            var slot = (int)(local.TimeOfDay.Ticks / interval.Ticks);
            counts[day * s.PerDay + slot]++;
        }
        return counts;
    }

    /// <summary>The start (UTC) of each local interval; a local time skipped by a clock change maps to the instant the clocks jump.</summary>
    public static DateTime StartUtc(TimeZoneInfo zone, DateOnly firstLocalDay, int index, TimeSpan interval)
    {
        var s = Seasonality.ForInterval(interval);
        var local = firstLocalDay.AddDays(index / s.PerDay).ToDateTime(TimeOnly.MinValue) + interval * (index % s.PerDay);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }
}
