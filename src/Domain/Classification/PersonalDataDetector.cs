using System.Numerics;
using System.Text.RegularExpressions;

namespace Agency.Domain.Classification;

/// <summary>A brand's own pattern for identifiers that must not be posted publicly (order or account numbers).</summary>
public sealed record BrandPattern(string Name, string Regex);

/// <summary>
/// Finds personal data in text: e-mail addresses, phone numbers, payment card numbers (Luhn-checked,
/// so order numbers of 16 digits do not count), IBANs (mod-97 checked) and brand-defined patterns.
/// </summary>
public static partial class PersonalDataDetector
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // 13-19 digits, optionally grouped by spaces or dashes.
    [GeneratedRegex(@"(?<!\d)(?:\d[ \-]?){12,18}\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    // International (+44 20 7946 0958) or national (020 7946 0958, (415) 555-0132) numbers with 9-13 digits.
    [GeneratedRegex(
        @"(?<![\w@])(?:\+\d{1,3}[ \-.]?)?(?:\(\d{2,4}\)[ \-.]?)?\d{2,4}(?:[ \-.]?\d{2,4}){2,3}(?![\w@])",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex PhonePattern();

    public static PersonalData Detect(string text, IReadOnlyList<BrandPattern>? brandPatterns = null)
    {
        var found = PersonalData.None;
        if (string.IsNullOrEmpty(text))
            return found;
        if (EmailPattern().IsMatch(text))
            found |= PersonalData.Email;

        var cardSpans = new List<(int Start, int End)>();
        foreach (Match m in CardPattern().Matches(text))
        {
            if (PassesLuhn(Digits(m.Value)))
            {
                found |= PersonalData.PaymentCard;
                cardSpans.Add((m.Index, m.Index + m.Length));
            }
        }
        foreach (Match m in IbanPattern().Matches(text.ToUpperInvariant()))
            if (IsValidIban(m.Value))
                found |= PersonalData.Iban;

        foreach (Match m in PhonePattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is < 9 or > 13)
                continue;
            if (cardSpans.Any(c => m.Index >= c.Start && m.Index < c.End))
                continue;
            found |= PersonalData.Phone;
        }

        if (brandPatterns is not null)
            foreach (var p in brandPatterns)
                if (Regex.IsMatch(text, p.Regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))
                    found |= PersonalData.AccountNumber;
        return found;
    }

    public static bool PassesLuhn(string digits)
    {
        if (digits.Length is < 13 or > 19)
            return false;
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9)
                d -= 9;
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static bool IsValidIban(string value)
    {
        var iban = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (iban.Length is < 15 or > 34)
            return false;
        var rearranged = iban[4..] + iban[..4];
        var numeric = string.Concat(
            rearranged.Select(c =>
                char.IsLetter(c) ? (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString()
            )
        );
        return BigInteger.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>A brand pattern must compile and answer quickly; the message says why not.</summary>
    public static string? ValidatePattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)).IsMatch("sample text 123");
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        catch (RegexMatchTimeoutException)
        {
            return "The pattern is too slow.";
        }
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());
}
