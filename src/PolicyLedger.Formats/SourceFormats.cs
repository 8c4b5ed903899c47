using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Text;

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

    /// <summary>
    /// Runs a format's reading so that anything a library throws on a broken file (an XmlException from a corrupt part,
    /// an index out of range in a damaged table) becomes a <see cref="SourceFormatException"/> with a reason, which the
    /// loader reports for that file while a batch goes on.
    /// </summary>
    internal static SourceText Guard(string kind, Func<SourceText> read)
    {
        try
        {
            return read();
        }
        catch (SourceFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SourceFormatException($"the {kind} file is damaged and cannot be read ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
