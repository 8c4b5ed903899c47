using PolicyLedger.Reading.Readers;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading;

/// <summary>Settings of a reading pipeline. Immutable; the defaults suit the documents we know.</summary>
public sealed record ReadingOptions
{
    /// <summary>Texts longer than this are cut and a diagnostic says so (protects memory and time on bad input).</summary>
    public int MaxCharacters { get; init; } = 50_000_000;

    /// <summary>How long one regular expression may run on one piece of text.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The one facade the CLI, the ledger and the web app call to read documents.
/// Stages run in order: normalize → document elements → headings and items → responsibility clauses →
/// quantities and times. The reader is stateless and thread-safe; per-file state lives in a <see cref="ReadingContext"/>.
/// It never throws on odd text: it returns what it could read and diagnostics.
/// </summary>
public sealed class PolicyReader
{
    public PolicyReader(ReadingOptions? options = null, SourceLoader? loader = null)
    {
        Options = options ?? new ReadingOptions();
        Loader = loader ?? SourceLoader.PlainText;
    }

    public static PolicyReader Default { get; } = new();

    public ReadingOptions Options { get; }

    public SourceLoader Loader { get; }

    /// <summary>Reads a file of any format the loader knows.</summary>
    public ReadResult ReadFile(string path) => Read(Loader.Load(path));

    /// <summary>Reads text that is already a string (the file name is only used in messages).</summary>
    public ReadResult ReadText(string fileName, string text) => Read(SourceText.FromString(fileName, text));

    public ReadResult Read(SourceText source)
    {
        var diagnostics = new List<Diagnostic>(source.Diagnostics);
        if (source.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ReadResult(source.FileName, source.Text, source.Encoding, [], diagnostics);
        }

        var text = source.Text;
        if (text.Length > Options.MaxCharacters)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TooLarge, DiagnosticSeverity.Warning,
                $"the text has {text.Length} characters; only the first {Options.MaxCharacters} were read"));
            text = text[..Options.MaxCharacters];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticCodes.EmptyFile());
            return new ReadResult(source.FileName, source.Text, source.Encoding, [], diagnostics);
        }

        var context = new ReadingContext(source.FileName, text, Options);
        try
        {
            var documents = DocumentPipeline.Run(context);
            diagnostics.AddRange(context.Diagnostics);
            return new ReadResult(source.FileName, source.Text, source.Encoding, documents, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not take a batch down: report it as a value, keep the file name.
            diagnostics.AddRange(context.Diagnostics);
            diagnostics.Add(e is System.Text.RegularExpressions.RegexMatchTimeoutException
                ? new Diagnostic(DiagnosticCodes.Timeout, DiagnosticSeverity.Error, "a pattern took too long on this text; reading stopped")
                : DiagnosticCodes.Internal("reading", e));
            return new ReadResult(source.FileName, source.Text, source.Encoding, [], diagnostics);
        }
    }
}
