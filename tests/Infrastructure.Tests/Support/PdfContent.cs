using System.Text;
using PdfSharp.Pdf.IO;

namespace Agency.Infrastructure.Tests.Support;

public static class PdfContent
{
    /// <summary>Every page's content stream, as WinAnsi text (the reports' fonts are WinAnsi, so their strings read as written).</summary>
    public static string Raw(byte[] pdf)
    {
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var sb = new StringBuilder();
        foreach (var page in doc.Pages)
            for (var i = 0; i < page.Contents.Elements.Count; i++)
                sb.Append(Encoding.Latin1.GetString(page.Contents.Elements.GetDictionary(i)!.Stream.UnfilteredValue));
        return sb.ToString();
    }
}
