using System.Net;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Formats.Producers;

/// <summary>
/// The seeds of ../shared/seeds made, at test time, into the files a user would print: a web page and a Word file
/// with one paragraph per line of the seed (nothing seed-derived is kept in the repository).
/// </summary>
internal static class SeedDocuments
{
    public static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    public static string FullName(string prefix) => Path.GetFileNameWithoutExtension(Directory.GetFiles(SharedData.Path("seeds"), $"{prefix}_*.txt").Single());

    public static string Text(string prefix)
    {
        SharedData.Require();
        return File.ReadAllText(SharedData.Path("seeds", FullName(prefix) + ".txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> Lines(string prefix) => Text(prefix).Split('\n').Where(l => l.Trim().Length > 0).ToList();

    /// <summary>A plain Chinese web page: one &lt;p&gt; per paragraph, the page's language declared (so Chromium picks a CJK font).</summary>
    public static string Html(IEnumerable<string> paragraphs, string title = "政策文件", string style = "") =>
        $"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><style>{style}</style></head><body>\n"
        + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))
        + "</body></html>\n";

    public static byte[] Docx(IEnumerable<string> paragraphs)
    {
        var builder = new DocxBuilder();
        foreach (var paragraph in paragraphs)
        {
            builder.Paragraph(paragraph);
        }

        return builder.Build();
    }

    /// <summary>Every seed printed by Chromium, in the order of <see cref="Seeds"/>.</summary>
    public static IReadOnlyList<byte[]> Printed() => PdfProducers.PrintAll(Seeds.Select(s => Html(Lines(s))).ToList());

    /// <summary>Every seed converted by LibreOffice (one process start), in the order of <see cref="Seeds"/>.</summary>
    public static IReadOnlyList<byte[]> Converted() => PdfProducers.ConvertAll(Seeds.Select(s => Docx(Lines(s))).ToList());
}
