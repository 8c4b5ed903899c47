using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Sources;

/// <summary>Plain text files in UTF-8, UTF-16 (with BOM) or GB18030/GBK.</summary>
public sealed class PlainTextFormat : ISourceFormat
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    public SourceText Load(string fileName, Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return TextDecoder.Decode(fileName, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
