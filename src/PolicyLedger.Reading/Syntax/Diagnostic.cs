namespace PolicyLedger.Reading.Syntax;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// An expected problem met while reading, as a value: a stable code (see <see cref="DiagnosticCodes"/>),
/// a message for people, and where in the text it was met.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span = null)
{
    public override string ToString() =>
        Span is { } span ? $"{Code} {Severity.ToString().ToLowerInvariant()} at {span.Start}: {Message}" : $"{Code} {Severity.ToString().ToLowerInvariant()}: {Message}";
}
