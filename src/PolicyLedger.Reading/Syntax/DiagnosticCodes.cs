namespace PolicyLedger.Reading.Syntax;

/// <summary>The one catalogue of diagnostic codes and their messages. Codes are stable: scripts rely on them.</summary>
public static class DiagnosticCodes
{
    // PL1xx: the file as a whole.
    public const string FileUnreadable = "PL101";
    public const string EncodingGuessed = "PL102";
    public const string NotText = "PL103";
    public const string Empty = "PL104";
    public const string TooLarge = "PL105";

    // PL2xx: documents and their elements.
    public const string NoDocument = "PL201";
    public const string NoTitle = "PL202";
    public const string NoDate = "PL203";
    public const string DateInvalid = "PL204";

    // PL3xx: headings and items.
    public const string ItemNumberGap = "PL301";
    public const string ItemNumberRepeated = "PL302";
    public const string UnclassifiedText = "PL303";

    // PL4xx: responsibility clauses.
    public const string ClauseUnbalanced = "PL401";
    public const string ClauseEmpty = "PL402";
    public const string ClauseUnknownStyle = "PL403";
    public const string NoClause = "PL404";

    // PL9xx: the reader protecting itself.
    public const string Timeout = "PL901";
    public const string InternalError = "PL999";

    public static Diagnostic Unreadable(string reason) =>
        new(FileUnreadable, DiagnosticSeverity.Error, $"cannot read the file: {reason}");

    public static Diagnostic Guessed(string encoding) =>
        new(EncodingGuessed, DiagnosticSeverity.Info, $"not valid UTF-8; read as {encoding}");

    public static Diagnostic Binary() =>
        new(NotText, DiagnosticSeverity.Error, "the file is not text (it holds NUL or control bytes)");

    public static Diagnostic EmptyFile() => new(Empty, DiagnosticSeverity.Warning, "the file holds no text");

    public static Diagnostic NoDocumentFound() =>
        new(NoDocument, DiagnosticSeverity.Warning, "no official document was recognized; the text was read as one untitled document");

    public static Diagnostic Gap(int expected, int found, TextSpan span) =>
        new(ItemNumberGap, DiagnosticSeverity.Warning, $"item {found} follows item {expected - 1}: item {expected} is missing", span);

    public static Diagnostic Unbalanced(TextSpan span) =>
        new(ClauseUnbalanced, DiagnosticSeverity.Warning, "the responsibility clause has unbalanced brackets", span);

    public static Diagnostic EmptyClause(TextSpan span) =>
        new(ClauseEmpty, DiagnosticSeverity.Warning, "the responsibility clause names no unit", span);

    /// <summary>A bug in a stage: the exception and the innermost method of ours it passed through, so a report can name where.</summary>
    public static Diagnostic Internal(string stage, Exception e) =>
        new(InternalError, DiagnosticSeverity.Error,
            $"internal error in {stage}{(WhereThrown(e) is { } where ? $" ({where})" : string.Empty)}: {e.GetType().Name}: {e.Message}");

    private static string? WhereThrown(Exception e) =>
        new System.Diagnostics.StackTrace(e).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.Namespace?.StartsWith("PolicyLedger", StringComparison.Ordinal) == true)
            .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}")
            .FirstOrDefault();
}
