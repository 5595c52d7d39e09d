using Agency.Domain.Channels;
using Agency.Domain.Planning;
using Agency.Portal.Features.Common;
using Agency.Portal.Features.Planning;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Agency.Portal.Tests.Planning;

public sealed class ForecastChartTests : BunitContext
{
    public ForecastChartTests() => Services.AddMudServices();

    // Two weeks of 4 posts an hour, then 7 days forecast at 6 an hour (band 4 to 10); 1 person needed at night, 3 by day,
    // 4 at noon on the second day. Half-hour intervals, forecast from Monday 30 November.
    private static ForecastRun Run() =>
        new()
        {
            Model = "Holt-Winters",
            Network = Network.X,
            IntervalMinutes = 30,
            FirstLocalDay = new DateOnly(2026, 11, 30),
            RecentActual = Enumerable.Repeat(2.0, 14 * 48).ToList(),
            Point = Enumerable.Repeat(3.0, 7 * 48).ToList(),
            BacktestLastWeek = Enumerable.Repeat(1.5, 7 * 48).ToList(),
            Lower = Enumerable.Repeat(2.0, 7 * 48).ToList(),
            Upper = Enumerable.Repeat(5.0, 7 * 48).ToList(),
            Required = Enumerable
                .Range(0, 7 * 48)
                .Select(i =>
                    i == 48 + 24 ? 4
                    : i % 48 is >= 18 and < 34 ? 3
                    : 1
                )
                .ToList(),
        };

    [Fact]
    public void The_forecast_is_drawn_with_its_band_on_a_round_axis_and_summed_up_in_words()
    {
        var cut = Render<ForecastChart>(p => p.Add(x => x.Run, Run()));
        var chart = cut.Find("[aria-label='Forecast chart']");

        // One band point per forecast hour along the high bound and back along the low one.
        var band = chart.QuerySelector("path.forecast-band")!;
        Assert.Equal("336", band.GetAttribute("data-band-points"));
        Assert.Equal(336, band.GetAttribute("d")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(part => part.Contains(',')));
        // The axis runs to 10 posts an hour (the high bound) in steps of 2.5, and the band's top edge reaches it.
        var ticks = chart.QuerySelectorAll("text.chart-value").Select(t => t.TextContent).ToList();
        Assert.Equal(["0", "2.5", "5", "7.5", "10"], ticks);
        Assert.Contains(",16 ", band.GetAttribute("d"));
        // Three weeks shown, Monday 16 November to Sunday 6 December: six weekend days shaded.
        Assert.Equal(6, chart.QuerySelectorAll("rect.chart-weekend").Length);
        // Last week's backtest lies over last week's actuals: 168 hours, ending where the forecast starts.
        var backtest = chart.QuerySelector("path.forecast-backtest")!;
        Assert.Equal("168", backtest.GetAttribute("data-backtest-hours"));
        var lastX = backtest.GetAttribute("d")!.Split(' ')[^1].TrimStart('L').Split(',')[0];
        var firstForecastX = chart.QuerySelector("path.forecast-point")!.GetAttribute("d")!.Split(' ')[0].TrimStart('M').Split(',')[0];
        Assert.True(
            double.Parse(lastX, System.Globalization.CultureInfo.InvariantCulture)
                < double.Parse(firstForecastX, System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.Equal(
            "Next 7 days: about 1,008 posts expected (the last two weeks had 1,344); busiest hour Mon 30 Nov 00:00, about 6 posts. "
                + "Last week the model forecast 504 posts and 672 came.",
            cut.Find("[aria-label='Forecast summary']").TextContent
        );
    }

    [Fact]
    public void Staff_needed_is_a_step_area_per_interval_with_its_peak_marked()
    {
        var cut = Render<ForecastChart>(p => p.Add(x => x.Run, Run()));
        var staff = cut.Find("[aria-label='Staff needed chart']");
        Assert.Equal("336", staff.QuerySelector("path.forecast-staff")!.GetAttribute("data-staff-intervals"));
        Assert.Equal("4", staff.QuerySelector("[data-peak]")!.GetAttribute("data-peak"));
        Assert.Equal(["0", "1", "2", "3", "4"], staff.QuerySelectorAll("text.chart-value").Select(t => t.TextContent).ToList());
        Assert.Equal(2, staff.QuerySelectorAll("rect.chart-weekend").Length);
        // 7 days x (16 half hours x 3 + 32 x 1) + 1 more at the peak = 561 half hours: 280.5 agent-hours.
        Assert.Contains("at most 4 on duty at once, 280 agent-hours", staff.QuerySelector("svg")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_run_without_points_draws_empty_charts_rather_than_failing()
    {
        var run = Run();
        run.Point.Clear();
        run.Lower.Clear();
        run.Upper.Clear();
        run.Required.Clear();
        run.BacktestLastWeek.Clear();
        var cut = Render<ForecastChart>(p => p.Add(x => x.Run, run));
        Assert.Equal("No forecast points.", cut.Find("[aria-label='Forecast summary']").TextContent);
        Assert.Equal("", cut.Find("path.forecast-band").GetAttribute("d"));
        Assert.Null(cut.Find("[aria-label='Staff needed chart']").QuerySelector("[data-peak]"));
        Assert.Equal("0", cut.Find("path.forecast-backtest").GetAttribute("data-backtest-hours"));
    }
}

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(10, false, 10, 2.5)]
    [InlineData(7, false, 8, 2)]
    [InlineData(47, false, 60, 20)]
    [InlineData(0.3, false, 0.3, 0.1)]
    [InlineData(0, false, 1, 0.5)]
    [InlineData(3, true, 3, 1)]
    [InlineData(13, true, 15, 5)]
    [InlineData(0, true, 1, 1)]
    public void The_axis_top_is_round_and_at_or_above_the_largest_value(double max, bool whole, double top, double step)
    {
        var scale = ChartScale.For(max, whole);
        Assert.Equal(top, scale.Top, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.InRange(scale.Ticks().Count(), 2, 6);
        Assert.Equal(top, scale.Ticks().Last(), 9);
    }
}
