using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading;

/// <summary>The state of reading one file: its text, options and the diagnostics collected so far.</summary>
public sealed class ReadingContext(string fileName, string text, ReadingOptions options)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string FileName { get; } = fileName;

    /// <summary>The original text; every span refers to it.</summary>
    public string Text { get; } = text;

    public ReadingOptions Options { get; } = options;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Removes and returns the diagnostics reported since <paramref name="from"/> (they belong to one document).</summary>
    public IReadOnlyList<Diagnostic> Take(int from)
    {
        var taken = _diagnostics.GetRange(from, _diagnostics.Count - from);
        _diagnostics.RemoveRange(from, taken.Count);
        return taken;
    }
}
