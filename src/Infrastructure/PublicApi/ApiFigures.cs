using Agency.Domain.Channels;
using Agency.Domain.Reporting;

namespace Agency.Infrastructure.PublicApi;

/// <summary>The headline figures of a stretch of days, as the brand dashboard shows them. Shares are 0 to 1; null when nothing counted.</summary>
public sealed record ApiKpis(
    int MessagesReceived,
    int Conversations,
    double? ResponseRate,
    int? FirstResponseMedianSeconds,
    int? FirstResponseP90Seconds,
    double? FirstResponseSlaMet,
    double? NegativeShare,
    int MovedToPrivate,
    int ForwardedFromMarketing
)
{
    public static ApiKpis From(Kpis k) =>
        new(
            k.Inbound,
            k.Conversations,
            k.ResponseRate,
            k.FirstResponseMedianSeconds,
            k.FirstResponseP90Seconds,
            k.SlaAttainment,
            k.NegativeShare,
            k.MovedToPrivate,
            k.Forwards
        );
}

/// <summary>Messages received on one day of the brand, by network, by intent and by sentiment.</summary>
public sealed record ApiDay(
    DateOnly Day,
    IReadOnlyDictionary<string, int> ByNetwork,
    IReadOnlyDictionary<string, int> ByIntent,
    int Negative,
    int Neutral,
    int Positive
);

public sealed record ApiResponseTimes(Network Network, int Conversations, int Responded, int? MedianSeconds, int? P90Seconds);

public sealed record ApiPolicy(
    string Policy,
    int FirstResponseMet,
    int FirstResponseMissed,
    int FirstResponseRunning,
    int ResolutionMet,
    int ResolutionMissed,
    int ResolutionRunning
);

/// <summary>A brand's service figures for whole days in its time zone (both ends included), and the same for the days before.</summary>
public sealed record ApiFigures(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    ApiKpis Period,
    ApiKpis PeriodBefore,
    IReadOnlyList<ApiDay> Days,
    IReadOnlyList<ApiResponseTimes> FirstResponseByNetwork,
    IReadOnlyList<ApiPolicy> ServiceLevels,
    int WaitingNow,
    DateTime? OldestWaitingSince,
    DateTime AsOf
)
{
    public static ApiFigures Of(BrandDashboard d, string timeZone) =>
        new(
            d.Period.From,
            d.Period.To,
            timeZone,
            ApiKpis.From(d.Current),
            ApiKpis.From(d.Previous),
            d.Days.Select(x => new ApiDay(
                    x.Day,
                    x.ByNetwork.ToDictionary(k => k.Key.ToString(), k => k.Value),
                    x.ByIntent.ToDictionary(k => k.Key.ToString(), k => k.Value),
                    x.Negative,
                    x.Neutral,
                    x.Positive
                ))
                .ToList(),
            d.ResponseTimes.Select(r => new ApiResponseTimes(r.Network, r.Conversations, r.Responded, r.MedianSeconds, r.P90Seconds))
                .ToList(),
            d.Sla.Select(s => new ApiPolicy(
                    s.Policy,
                    s.FirstMet,
                    s.FirstMissed,
                    s.FirstRunning,
                    s.ResolutionMet,
                    s.ResolutionMissed,
                    s.ResolutionRunning
                ))
                .ToList(),
            d.Backlog.Waiting,
            d.Backlog.OldestWaitingSince,
            d.AsOf
        );
}
