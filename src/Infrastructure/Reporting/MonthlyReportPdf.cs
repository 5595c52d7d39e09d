using System.Globalization;
using Agency.Domain.Reporting;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Agency.Infrastructure.Reporting;

/// <summary>DejaVu Sans from this assembly, so reports look the same on every server (no system fonts needed).</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly object Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Agency.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// The monthly report of a brand as a PDF: a band in the brand's colour with its logo, the headline
/// figures against the month before, volume per day, first response per channel, SLA per policy,
/// forwards and top tags. Text is written in WinAnsi so that any PDF reader (and the tests) can read it back.
/// </summary>
public static class MonthlyReportPdf
{
    private static readonly XFont Title,
        HeadingFont,
        Body,
        Bold,
        Small;
    private const double Margin = 40;

    static MonthlyReportPdf()
    {
        // The resolver must be in place before the first font is made.
        EmbeddedFonts.Install();
        var ansi = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        Title = new XFont(EmbeddedFonts.Family, 18, XFontStyleEx.Bold, ansi);
        HeadingFont = new XFont(EmbeddedFonts.Family, 12, XFontStyleEx.Bold, ansi);
        Body = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Regular, ansi);
        Bold = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Bold, ansi);
        Small = new XFont(EmbeddedFonts.Family, 7, XFontStyleEx.Regular, ansi);
    }

    public static byte[] Render(BrandHeader brand, BrandDashboard d, string title, DateTime generatedUtc) =>
        RenderLaidOut(brand, d, title, generatedUtc).Pdf;

    /// <summary>The PDF and the right-most edge any text reached, for tests that check nothing runs off the page.</summary>
    internal static (byte[] Pdf, double RightmostText, double PageWidth) RenderLaidOut(
        BrandHeader brand,
        BrandDashboard d,
        string title,
        DateTime generatedUtc
    )
    {
        using var doc = new PdfDocument();
        doc.Info.Title = $"{brand.Name} · {title}";
        doc.Info.Author = "Agency";
        var colour = Colour(brand.Color);
        var page = new Pager(doc);

        // Header band.
        var g = page.Graphics;
        g.DrawRectangle(new XSolidBrush(colour), 0, 0, page.Width, 70);
        var textX = Margin;
        if (Logo(brand) is { } logo)
        {
            var h = 46.0;
            var w = Math.Min(120, h * logo.PixelWidth / Math.Max(1, logo.PixelHeight));
            g.DrawRectangle(XBrushes.White, Margin - 4, 8, w + 8, h + 8);
            g.DrawImage(logo, Margin, 12, w, h);
            textX = Margin + w + 16;
        }
        var ink = Luminance(colour) > 0.6 ? XBrushes.Black : XBrushes.White;
        g.DrawString(WinAnsi.Of(brand.Name), Title, ink, textX, 32);
        g.DrawString(WinAnsi.Of($"{title}: {ReportFormat.Day(d.Period.From)} to {ReportFormat.Day(d.Period.To)}"), Body, ink, textX, 50);
        page.Y = 95;

        page.Heading("Headline figures", colour);
        page.Row(("Figure", Bold, 0), ("This period", Bold, 230), ("Period before", Bold, 330), ("Change", Bold, 430));
        foreach (var (metric, now, before, change) in ReportFormat.Headlines(d))
            page.Row((metric, Body, 0), (now, Bold, 230), (before, Body, 330), (change, Body, 430));
        page.Row(
            (
                $"Backlog now: {ReportFormat.Count(d.Backlog.Waiting)} waiting"
                    + (d.Backlog.OldestWaitingSince is { } o ? $", the oldest since {Local(o, d)}" : ""),
                Body,
                0
            )
        );

        page.Heading("Messages received per day", colour);
        page.Bars(d.Days.Select(x => (x.Day.Day.ToString(CultureInfo.InvariantCulture), x.Total)).ToList(), colour);

        page.Heading("First response by channel", colour);
        page.Row(
            ("Channel", Bold, 0),
            ("Conversations", Bold, 150),
            ("Answered", Bold, 230),
            ("Median", Bold, 300),
            ("90th pct", Bold, 370),
            ("Median in service hours", Bold, 440)
        );
        foreach (var t in d.ResponseTimes)
            page.Row(
                (ReportFormat.Network(t.Network), Body, 0),
                (ReportFormat.Count(t.Conversations), Body, 150),
                (ReportFormat.Count(t.Responded), Body, 230),
                (ReportFormat.Duration(t.MedianSeconds), Body, 300),
                (ReportFormat.Duration(t.P90Seconds), Body, 370),
                (ReportFormat.ServiceHoursMedian(t), Body, 440)
            );
        if (d.ResponseTimes.Count == 0)
            page.Row(("No conversations in this period.", Body, 0));

        page.Heading("Service levels by policy", colour);
        page.Row(
            ("Policy", Bold, 0),
            ("First response met", Bold, 200),
            ("Met / missed", Bold, 300),
            ("Resolution met", Bold, 380),
            ("Met / missed", Bold, 460)
        );
        foreach (var s in d.Sla)
            page.Row(
                (s.Policy, Body, 0),
                (ReportFormat.Share(s.FirstResponse), Bold, 200),
                ($"{s.FirstMet} / {s.FirstMissed}", Body, 300),
                (ReportFormat.Share(s.Resolution), Bold, 380),
                ($"{s.ResolutionMet} / {s.ResolutionMissed}", Body, 460)
            );
        if (d.Sla.Count == 0)
            page.Row(("No conversation had a service-level policy.", Body, 0));

        page.Heading("Forwarded from marketing to service", colour);
        page.Row(
            (
                $"{ReportFormat.Count(d.Forwards.Count)} forwarded; first response median {ReportFormat.Duration(d.Forwards.FirstResponseMedianSeconds)} from the customer's post",
                Body,
                0
            )
        );
        foreach (var (outcome, n) in d.Forwards.Outcomes.OrderBy(o => o.Key))
            page.Row((ReportFormat.Outcome(outcome), Body, 10), (ReportFormat.Count(n), Body, 230));

        page.Heading("Top tags", colour);
        if (d.TopTags.Count == 0)
            page.Row(("No tags in this period.", Body, 0));
        foreach (var (tag, n) in d.TopTags)
            page.Row((tag, Body, 0), (ReportFormat.Count(n), Body, 230));

        page.Footer(
            $"Generated {generatedUtc:yyyy-MM-dd HH:mm} UTC by Agency. Clocks start at the customer's first post; the definitions of every figure are in the portal's help and in docs/metrics.md."
        );
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return (output.ToArray(), page.RightmostText, page.Width);
    }

    private static string Local(DateTime utc, BrandDashboard d) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, d.Period.Zone).ToString("d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    private static XImage? Logo(BrandHeader brand)
    {
        if (brand.Logo is not { Length: > 0 } bytes || brand.LogoContentType is not ("image/png" or "image/jpeg"))
            return null;
        try
        {
            return XImage.FromStream(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            return null; // a logo PDFsharp cannot read: the report goes out without it
        }
    }

    internal static XColor Colour(string hex)
    {
        if (
            hex.Length == 7
            && hex[0] == '#'
            && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
        )
            return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        return XColor.FromArgb(0x1E, 0x88, 0xE5);
    }

    private static double Luminance(XColor c) => (0.299 * c.R + 0.587 * c.G + 0.114 * c.B) / 255;

    /// <summary>Writes rows down A4 pages, starting a new page when one is full.</summary>
    private sealed class Pager
    {
        private readonly PdfDocument _doc;
        private PdfPage _page = null!;
        public XGraphics Graphics { get; private set; } = null!;
        public double Y { get; set; }
        public double Width => _page.Width.Point;
        private double Bottom => _page.Height.Point - 50;

        public Pager(PdfDocument doc)
        {
            _doc = doc;
            NewPage();
        }

        private void NewPage()
        {
            Graphics?.Dispose();
            _page = _doc.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            Graphics = XGraphics.FromPdfPage(_page);
            Y = Margin;
        }

        public void Ensure(double height)
        {
            if (Y + height > Bottom)
                NewPage();
        }

        public void Heading(string text, XColor colour)
        {
            Ensure(40);
            Y += 12;
            Graphics.DrawString(WinAnsi.Of(text), HeadingFont, new XSolidBrush(colour), Margin, Y);
            Graphics.DrawLine(new XPen(colour, 0.8), Margin, Y + 4, Width - Margin, Y + 4);
            Y += 18;
        }

        /// <summary>The right-most point any text reached.</summary>
        public double RightmostText { get; private set; }

        // A cell runs up to the next cell, the last to the right margin; longer text wraps onto more lines.
        public void Row(params (string Text, XFont Font, double X)[] cells)
        {
            var right = Width - Margin;
            var lines = cells
                .Select(
                    (c, i) => Wrap(WinAnsi.Of(c.Text), c.Font, (i + 1 < cells.Length ? Margin + cells[i + 1].X - 6 : right) - Margin - c.X)
                )
                .ToList();
            var height = 13 * lines.Max(l => l.Count);
            Ensure(height + 1);
            for (var i = 0; i < cells.Length; i++)
            for (var k = 0; k < lines[i].Count; k++)
                Draw(lines[i][k], cells[i].Font, XBrushes.Black, Margin + cells[i].X, Y + 13 * k);
            Y += height;
        }

        private void Draw(string text, XFont font, XBrush brush, double x, double y)
        {
            Graphics.DrawString(text, font, brush, x, y);
            RightmostText = Math.Max(RightmostText, x + Graphics.MeasureString(text, font).Width);
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                    line = candidate;
            }
            lines.Add(line);
            return lines;
        }

        public void Bars(IReadOnlyList<(string Label, int Value)> bars, XColor colour)
        {
            const double height = 90;
            Ensure(height + 30);
            var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
            var width = (Width - 2 * Margin) / Math.Max(1, bars.Count);
            var brush = new XSolidBrush(colour);
            var top = Y;
            Graphics.DrawString(ReportFormat.Count(max), Small, XBrushes.Gray, Margin, top - 2);
            for (var i = 0; i < bars.Count; i++)
            {
                var h = height * bars[i].Value / max;
                Graphics.DrawRectangle(brush, Margin + i * width + 1, top + height - h, Math.Max(1, width - 2), h);
                if (bars.Count <= 31)
                    Graphics.DrawString(bars[i].Label, Small, XBrushes.Gray, Margin + i * width + 1, top + height + 9);
            }
            Y = top + height + 22;
        }

        public void Footer(string text)
        {
            var lines = Wrap(WinAnsi.Of(text), Small, Width - 2 * Margin);
            Ensure(20 + 9 * lines.Count);
            for (var k = 0; k < lines.Count; k++)
                Draw(lines[k], Small, XBrushes.Gray, Margin, _page.Height.Point - 15 - 9 * (lines.Count - k));
            Graphics.Dispose();
        }
    }
}

/// <summary>
/// The reports' fonts are encoded WinAnsi (code page 1252) so any reader can extract the text; a character outside it would
/// vanish (the minus sign of "−10.9 %"), so it is replaced by its nearest WinAnsi look-alike or a question mark.
/// </summary>
internal static class WinAnsi
{
    // The printable characters code page 1252 has beyond Latin-1's.
    private const string Extra = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    public static string Of(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch
            {
                >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' => chars[i],
                '\u2212' => '-', // minus sign
                '\u2009' or '\u202F' => ' ', // thin and narrow spaces
                _ when Extra.Contains(chars[i], StringComparison.Ordinal) => chars[i],
                _ => '?',
            };
        return new string(chars);
    }
}
