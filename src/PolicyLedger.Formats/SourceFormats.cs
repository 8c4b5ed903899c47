using PolicyLedger.Reading.Sources;

namespace PolicyLedger.Formats;

/// <summary>The source formats of this library (add them to a SourceLoader), and helpers they share.</summary>
public static class SourceFormats
{
    /// <summary>Every format this library reads: .docx, .pdf and .html.</summary>
    public static IReadOnlyList<ISourceFormat> All() => [new DocxFormat(), new PdfFormat(), new HtmlFormat()];

    /// <summary>The content as a seekable stream positioned at its start (the libraries need to seek).</summary>
    internal static MemoryStream Buffer(Stream content)
    {
        var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }
}
