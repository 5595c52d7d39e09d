namespace Agency.Domain.Classification;

/// <summary>
/// A small stop-word detector for the languages the agency's staff answer in. Social posts are
/// short, so it answers "und" (undetermined) rather than guess when no language stands out.
/// </summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] =
        [
            "the",
            "and",
            "is",
            "to",
            "my",
            "you",
            "it",
            "for",
            "not",
            "i",
            "a",
            "of",
            "this",
            "your",
            "have",
            "with",
            "was",
            "are",
            "can",
            "why",
            "what",
            "please",
            "thanks",
        ],
        ["es"] =
        [
            "el",
            "la",
            "de",
            "que",
            "y",
            "en",
            "los",
            "mi",
            "no",
            "es",
            "por",
            "para",
            "una",
            "con",
            "pero",
            "gracias",
            "hola",
            "muy",
        ],
        ["fr"] =
        [
            "le",
            "la",
            "les",
            "de",
            "et",
            "est",
            "un",
            "une",
            "je",
            "pas",
            "pour",
            "mon",
            "vous",
            "avec",
            "merci",
            "bonjour",
            "mais",
            "très",
        ],
        ["de"] =
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "ich",
            "nicht",
            "mein",
            "ein",
            "eine",
            "mit",
            "für",
            "danke",
            "bitte",
            "aber",
            "sie",
            "wir",
        ],
        ["nl"] = ["de", "het", "een", "en", "is", "ik", "niet", "mijn", "van", "met", "voor", "bedankt", "maar", "wij", "jullie"],
        ["pt"] = ["o", "a", "de", "que", "e", "do", "da", "não", "meu", "um", "uma", "para", "com", "obrigado", "obrigada", "mas", "você"],
        ["it"] = ["il", "la", "di", "che", "e", "è", "non", "mio", "un", "una", "per", "con", "grazie", "ciao", "ma", "sono"],
    };

    public static string Detect(string text)
    {
        var words = Tokens(text).ToList();
        if (words.Count == 0)
            return "und";
        var scores = StopWords.ToDictionary(kv => kv.Key, kv => words.Count(kv.Value.Contains));
        var best = scores.OrderByDescending(s => s.Value).First();
        var second = scores.Where(s => s.Key != best.Key).Max(s => s.Value);
        return best.Value >= 1 && best.Value > second ? best.Key : "und";
    }

    /// <summary>Lower-case words of a post, without @mentions, #hashtags and links.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        foreach (var raw in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw[0] is '@' or '#' || raw.StartsWith("http", StringComparison.Ordinal))
                continue;
            var word = new string(raw.Where(c => char.IsLetter(c) || c == '\'').ToArray()).Trim('\'');
            if (word.Length > 0)
                yield return word;
        }
    }
}
