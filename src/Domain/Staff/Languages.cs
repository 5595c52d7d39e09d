namespace Agency.Domain.Staff;

public static class Languages
{
    /// <summary>Languages offered in pickers; codes are ISO 639-1.</summary>
    public static readonly IReadOnlyDictionary<string, string> Common = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Spanish",
        ["fr"] = "French",
        ["de"] = "German",
        ["nl"] = "Dutch",
        ["it"] = "Italian",
        ["pt"] = "Portuguese",
        ["pl"] = "Polish",
        ["sv"] = "Swedish",
        ["tr"] = "Turkish",
        ["ar"] = "Arabic",
        ["hi"] = "Hindi",
        ["ja"] = "Japanese",
        ["zh"] = "Chinese",
        ["ms"] = "Malay",
    };

    /// <summary>What language detection answers when no language stands out (emoji, a few words).</summary>
    public const string Undetermined = "und";

    /// <summary>The language a conversation asks of the person who takes it: none when it is unknown or undetermined.</summary>
    public static string? Required(string? detected) =>
        string.IsNullOrWhiteSpace(detected) || string.Equals(detected, Undetermined, StringComparison.OrdinalIgnoreCase) ? null : detected;

    public static string Describe(string code) => Common.TryGetValue(code, out var name) ? name : code;
}
