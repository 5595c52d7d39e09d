using System.Globalization;
using Agency.Domain.Reporting;

namespace Agency.Portal.Endpoints;

/// <summary>A period of whole local days given as two query parameters (yyyy-MM-dd), or the first reason it cannot be one.</summary>
internal static class PeriodParameters
{
    /// <param name="fromName">How the first parameter is named in messages ("The first day", "from").</param>
    /// <param name="toName">How the second is named.</param>
    public static (ReportPeriod? Period, string? Error) Parse(string? from, string? to, TimeZoneInfo zone, string fromName, string toName)
    {
        var (first, last) = (Day(from), Day(to));
        if (first is null && from is not null)
            return (null, $"{fromName} must be a date written yyyy-MM-dd.");
        if (last is null && to is not null)
            return (null, $"{toName} must be a date written yyyy-MM-dd.");
        var choice = ReportPeriod.Create(first, last, zone);
        return (choice.Period, choice.Error);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
