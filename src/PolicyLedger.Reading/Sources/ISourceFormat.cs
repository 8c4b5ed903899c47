using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Sources;

/// <summary>
/// Turns one kind of file (.txt, .docx, .pdf, .html) into the text the reader reads. The text it returns is the
/// text spans refer to, so a viewer can show it with the source of an item highlighted.
/// A format throws <see cref="SourceFormatException"/> with a reason for people when the file cannot be read.
/// </summary>
public interface ISourceFormat
{
    /// <summary>File name endings this format reads, lower case with the dot (".docx").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    SourceText Load(string fileName, Stream content);
}

/// <summary>A file that a format cannot read: corrupt, truncated, encrypted, or without text.</summary>
public sealed class SourceFormatException(string message, Exception? inner = null) : Exception(message, inner);
