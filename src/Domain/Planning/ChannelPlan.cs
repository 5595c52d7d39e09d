using Agency.Domain.Channels;
using Agency.Domain.Common;
using Agency.Domain.Staffing;

namespace Agency.Domain.Planning;

/// <summary>How a brand's channel is planned: the interval, the work per conversation and the target.</summary>
public class ChannelPlan : IBrandOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Network Network { get; set; }
    public int IntervalMinutes { get; set; } = 30;
    public double AverageHandlingMinutes { get; set; } = 6;

    /// <summary>Conversations one agent works at once.</summary>
    public int Concurrency { get; set; } = 3;

    /// <summary>Share answered within the target, e.g. 0.8.</summary>
    public double ServiceLevel { get; set; } = 0.8;
    public int TargetMinutes { get; set; } = 60;

    /// <summary>Share of paid time not spent answering (breaks, training, absence).</summary>
    public double Shrinkage { get; set; } = 0.3;
    public int HorizonWeeks { get; set; } = 2;

    /// <summary>People on this channel at every interval whatever the forecast (0: only as the forecast needs).</summary>
    public int MinimumStaff { get; set; }

    public static readonly int[] Intervals = [15, 30, 60];

    /// <summary>The defaults people expect: within the hour on X, within hours on Facebook and Instagram.</summary>
    public static ChannelPlan DefaultFor(Network network) =>
        network == Network.X
            ? new ChannelPlan { Network = network }
            : new ChannelPlan
            {
                Network = network,
                TargetMinutes = 360,
                AverageHandlingMinutes = 8,
            };

    public AsyncWork ToWork() =>
        AsyncWork.FromMinutes(IntervalMinutes, AverageHandlingMinutes, Concurrency, ServiceLevel, TargetMinutes, Shrinkage);

    /// <summary>Problems by field; empty when the plan can be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var p = new Dictionary<string, string>();
        if (!Intervals.Contains(IntervalMinutes))
            p[nameof(IntervalMinutes)] = "Choose 15, 30 or 60 minutes.";
        if (AverageHandlingMinutes is <= 0 or > 240)
            p[nameof(AverageHandlingMinutes)] = "Handling time is between a few seconds and 4 hours.";
        if (Concurrency is < 1 or > 20)
            p[nameof(Concurrency)] = "Between 1 and 20 conversations at once.";
        if (ServiceLevel is <= 0 or >= 1)
            p[nameof(ServiceLevel)] = "A share between 1 % and 99 %.";
        if (TargetMinutes is < 1 or > 7 * 24 * 60)
            p[nameof(TargetMinutes)] = "Between 1 minute and a week.";
        if (Shrinkage is < 0 or >= 0.9)
            p[nameof(Shrinkage)] = "Between 0 % and 89 %.";
        if (HorizonWeeks is < 1 or > 6)
            p[nameof(HorizonWeeks)] = "Forecast 1 to 6 weeks ahead.";
        if (MinimumStaff is < 0 or > 50)
            p[nameof(MinimumStaff)] = "Between 0 and 50 people.";
        return p;
    }
}

/// <summary>
/// One forecast of one channel of a brand: the model chosen by backtest with its accuracy and the
/// baseline's, the forecast with its 80 % interval, the recent actuals, and the staff needed.
/// Series are per interval of the brand's local time from <see cref="FirstLocalDay"/>.
/// </summary>
public class ForecastRun : IBrandOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid BrandId { get; set; }
    public Network Network { get; set; }
    public int IntervalMinutes { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The first local day of the forecast (history ends the day before).</summary>
    public DateOnly FirstLocalDay { get; set; }
    public int HistoryDays { get; set; }
    public required string Model { get; set; }
    public double Wape { get; set; }
    public double Bias { get; set; }
    public double BaselineWape { get; set; }
    public double BaselineBias { get; set; }
    public int HistoryPosts { get; set; }

    /// <summary>The last two weeks of actual volume before the forecast.</summary>
    public List<double> RecentActual { get; set; } = [];
    public List<double> Point { get; set; } = [];

    /// <summary>
    /// What the chosen model forecast for the last week of <see cref="RecentActual"/> from the weeks before it (the backtest's
    /// last origin): forecast against actual for a week that has happened. Empty for history too short to backtest.
    /// </summary>
    public List<double> BacktestLastWeek { get; set; } = [];
    public List<double> Lower { get; set; } = [];
    public List<double> Upper { get; set; } = [];

    /// <summary>Calendar events ahead that scale this forecast, as "name ×multiplier".</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Staff needed per interval (after shrinkage), by <see cref="StaffRequirement"/>.</summary>
    public List<int> Required { get; set; } = [];

    /// <summary>The model that turned the forecast into staff needed, chosen by the channel's target (<see cref="StaffRequirement.ModelFor"/>).</summary>
    public StaffingModel StaffingModel { get; set; }

    /// <summary>Inbound posts of the history per language (<see cref="LanguageMix"/>), most first; parallel to <see cref="LanguagePosts"/>.</summary>
    public List<string> LanguageCodes { get; set; } = [];
    public List<int> LanguagePosts { get; set; } = [];

    // The channel's plan when this forecast was made, kept so that staff needed for part of the volume (one language's posts)
    // is worked out as the whole was. Runs stored before these were kept have Concurrency 0.
    public double AverageHandlingMinutes { get; set; }
    public int Concurrency { get; set; }
    public double ServiceLevel { get; set; }
    public int TargetMinutes { get; set; }
    public double Shrinkage { get; set; }
    public int MinimumStaff { get; set; }

    /// <summary>Whether the run knows the plan it was staffed by (runs stored before it was kept do not).</summary>
    public bool KnowsPlan => Concurrency > 0 && AverageHandlingMinutes > 0 && TargetMinutes > 0;

    /// <summary>Whether the run knows its posts' languages and the plan it was staffed by.</summary>
    public bool KnowsLanguages => LanguageCodes.Count > 0 && LanguageCodes.Count == LanguagePosts.Count && KnowsPlan;

    /// <summary>The plan this run was staffed by, on intervals of <paramref name="interval"/> (the forecast's own when not given).</summary>
    public AsyncWork Work(TimeSpan? interval = null) =>
        KnowsPlan
            ? AsyncWork.FromMinutes(
                interval?.TotalMinutes ?? IntervalMinutes,
                AverageHandlingMinutes,
                Concurrency,
                ServiceLevel,
                TargetMinutes,
                Shrinkage
            )
            : throw new InvalidOperationException("This forecast does not know the plan it was staffed by.");

    public IReadOnlyList<(string Language, int Posts)> Languages => LanguageCodes.Zip(LanguagePosts).ToList();

    /// <summary>The share of the history's posts written in <paramref name="language"/> (0 when none or not known).</summary>
    public double ShareOf(string language)
    {
        var total = LanguagePosts.Sum();
        var i = LanguageCodes.FindIndex(c => string.Equals(c, language, StringComparison.OrdinalIgnoreCase));
        return total == 0 || i < 0 || i >= LanguagePosts.Count ? 0 : (double)LanguagePosts[i] / total;
    }

    /// <summary>
    /// Staff needed per interval for a share of the forecast volume (one language's posts), by the same plan as <see cref="Required"/>:
    /// a smaller queue of its own, so the parts need more than their share of the whole. The channel's minimum only when asked.
    /// </summary>
    public int[] RequiredFor(double share, bool withMinimum)
    {
        var part = StaffRequirement.Required(Point.Select(v => v * Math.Clamp(share, 0, 1)).ToList(), Work());
        return withMinimum ? part.Select(r => Math.Max(r, MinimumStaff)).ToArray() : part;
    }

    /// <summary>The index of the interval containing <paramref name="utc"/> in the brand's zone (may be outside the series).</summary>
    public int IndexAt(DateTime utc, TimeZoneInfo brandZone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, brandZone);
        return (int)Math.Floor((local - FirstLocalDay.ToDateTime(TimeOnly.MinValue)).TotalMinutes / IntervalMinutes);
    }

    /// <summary>People needed at <paramref name="utc"/> (the interval containing it, in the brand's zone), or null outside the horizon.</summary>
    public int? RequiredAt(DateTime utc, TimeZoneInfo brandZone) =>
        IndexAt(utc, brandZone) is var i && i >= 0 && i < Required.Count ? Required[i] : null;

    /// <summary>What the simulation predicts for the required staffing: share answered in time, and the 90th percentile answer time in minutes.</summary>
    public double SimulatedServiceLevel { get; set; }
    public double? SimulatedP90Minutes { get; set; }
}
