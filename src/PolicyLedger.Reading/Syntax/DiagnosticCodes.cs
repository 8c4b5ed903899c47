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
    public const string EncodingMismatch = "PL106";
    public const string EncodingInvalidBytes = "PL107";
    public const string EncodingUnknown = "PL108";

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

    /// <summary>A UTF-8 byte order mark in front of text in another encoding: read in that encoding.</summary>
    public static Diagnostic BomMismatch(string encoding) =>
        new(EncodingMismatch, DiagnosticSeverity.Warning, $"文件开头有 UTF-8 标记（BOM），但内容是 {encoding} 编码：已按 {encoding} 读取");

    /// <summary>Bytes that are not valid in the encoding the file was read in: each became U+FFFD (�); the first is named.</summary>
    public static Diagnostic InvalidBytes(string encoding, int count, int? byteOffset, TextSpan at) =>
        new(EncodingInvalidBytes, DiagnosticSeverity.Warning,
            $"按 {encoding} 读取，有 {count} 处无效字节{(byteOffset is { } o ? $"（第一处在字节偏移 {o}）" : string.Empty)}，已替换为 �，其余文字照常读取", at);

    /// <summary>Neither UTF-8 nor GB18030 reads the bytes as Chinese text: refused rather than guessed.</summary>
    public static Diagnostic UnknownEncoding(int invalidUtf8, int firstInvalid, double cjkShare) =>
        new(EncodingUnknown, DiagnosticSeverity.Error,
            $"无法确定文件的编码：不是有效的 UTF-8（{invalidUtf8} 处无效字节，第一处在字节偏移 {firstInvalid}），按 GB18030 读也不像中文（只有 {(int)Math.Round(cjkShare * 100)}% 的非 ASCII 字符是汉字或中文标点）；请另存为 UTF-8 后再读");

    /// <summary>A file too large to be a policy document (or to read safely): refused before it is read.</summary>
    public static Diagnostic FileTooLarge(long bytes, long limit) =>
        new(TooLarge, DiagnosticSeverity.Error, $"文件太大（{bytes / (1 << 20)} MB，上限 {limit / (1 << 20)} MB），没有读取");

    public static Diagnostic Binary() =>
        new(NotText, DiagnosticSeverity.Error, "the file is not text (it holds NUL or control bytes)");

    public static Diagnostic EmptyFile() => new(Empty, DiagnosticSeverity.Warning, "文件没有文字，未读出公文");

    public static Diagnostic NoDocumentFound() =>
        new(NoDocument, DiagnosticSeverity.Warning, "no official document was recognized; the text was read as one untitled document");

    public static Diagnostic Gap(int expected, int found, TextSpan span) =>
        new(ItemNumberGap, DiagnosticSeverity.Warning, $"item {found} follows item {expected - 1}: item {expected} is missing", span);

    public static Diagnostic Unbalanced(TextSpan span) =>
        new(ClauseUnbalanced, DiagnosticSeverity.Warning, "the responsibility clause has unbalanced brackets", span);

    public static Diagnostic EmptyClause(TextSpan span) =>
        new(ClauseEmpty, DiagnosticSeverity.Warning, "the responsibility clause names no unit", span);

    public static Diagnostic Internal(string stage, Exception e) =>
        new(InternalError, DiagnosticSeverity.Error, $"internal error in {stage}: {e.GetType().Name}: {e.Message}");
}
