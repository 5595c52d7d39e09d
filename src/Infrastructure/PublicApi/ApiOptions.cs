namespace Agency.Infrastructure.PublicApi;

/// <summary>Settings of the brand REST API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How many calls one key (or one address without a key) may make a minute.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// How long a change must be old before the change feed lists it. A change is stamped just before its transaction commits; a reader
    /// that listed newer changes first would move its cursor past one still committing. Two seconds covers any commit that is not stuck.
    /// </summary>
    public double SettleSeconds { get; set; } = 2;
}
