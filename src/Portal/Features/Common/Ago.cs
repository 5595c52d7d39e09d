namespace Agency.Portal.Features.Common;

/// <summary>How long ago an instant was, as people say it in a list ("just now", "5 min ago", "3 h ago", "2 days ago").</summary>
public static class Ago
{
    public static string Since(DateTime utc, DateTime nowUtc)
    {
        var span = nowUtc - utc;
        return span.TotalMinutes < 1 ? "just now"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h ago"
            : $"{(int)span.TotalDays} days ago";
    }
}
