using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Sources;

/// <summary>
/// Chooses the format for a file by its ending and loads it; a file it cannot read becomes a
/// <see cref="SourceText"/> with an error diagnostic naming the reason, never an exception.
/// </summary>
public sealed class SourceLoader
{
    private readonly Dictionary<string, ISourceFormat> _byExtension = new(StringComparer.OrdinalIgnoreCase);
    private readonly ISourceFormat _fallback;

    public SourceLoader(IEnumerable<ISourceFormat> formats, ISourceFormat? fallback = null)
    {
        foreach (var format in formats)
        {
            foreach (var extension in format.Extensions)
            {
                _byExtension[extension] = format;
            }
        }

        _fallback = fallback ?? new PlainTextFormat();
    }

    /// <summary>A loader for plain text only.</summary>
    public static SourceLoader PlainText { get; } = new([new PlainTextFormat()]);

    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;

    public bool Handles(string path) => _byExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Files larger than this are not read (policy documents are far smaller; a scanned PDF of hundreds of pages fits).</summary>
    public const long MaxFileBytes = 200L << 20;

    public SourceText Load(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return new SourceText(path, string.Empty, null, [DiagnosticCodes.FileTooLarge(length, MaxFileBytes)]);
            }

            if (length == 0)
            {
                // Not opened: an empty file reads as empty, and a pipe or device (which also shows 0 bytes) cannot block the batch.
                return Load(path, Stream.Null);
            }

            using var stream = File.OpenRead(path);
            return Load(path, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SourceText(path, string.Empty, null, [DiagnosticCodes.Unreadable(e.Message)]);
        }
    }

    public SourceText Load(string fileName, Stream content)
    {
        var format = _byExtension.GetValueOrDefault(Path.GetExtension(fileName)) ?? _fallback;
        try
        {
            return format.Load(fileName, content);
        }
        catch (SourceFormatException e)
        {
            return new SourceText(fileName, string.Empty, null, [DiagnosticCodes.Unreadable(e.Message)]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException)
        {
            return new SourceText(fileName, string.Empty, null, [DiagnosticCodes.Unreadable($"{e.GetType().Name}: {e.Message}")]);
        }
    }
}
