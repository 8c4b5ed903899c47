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
    public const string PageWithoutText = "PL106";
    public const string EncodingMismatch = "PL107";
    public const string EncodingInvalidBytes = "PL108";
    public const string EncodingUnknown = "PL109";

    // PL2xx: documents and their elements.
    public const string NoDocument = "PL201";
    public const string NoTitle = "PL202";
    public const string NoDate = "PL203";
    public const string DateInvalid = "PL204";

    // PL3xx: headings and items. Item diagnostics (PolicyItem.Diagnostics) use PL3xx and PL4xx.
    public const string ItemNumberGap = "PL301";
    public const string ItemNumberRepeated = "PL302";
    public const string UnclassifiedText = "PL303";

    /// <summary>The item's text holds what reads as the start of another item (two items joined).</summary>
    public const string ItemsJoined = "PL304";

    /// <summary>The numbering starts again at 1 where no heading opened a new list.</summary>
    public const string ItemNumberRestarted = "PL305";

    // PL4xx: responsibility clauses.
    public const string ClauseUnbalanced = "PL401";
    public const string ClauseEmpty = "PL402";

    /// <summary>Text that looks like a responsibility clause but could not be read as one.</summary>
    public const string ClauseUnknownStyle = "PL403";

    /// <summary>The item carries no clause while the items around it do.</summary>
    public const string NoClause = "PL404";

    /// <summary>A name in a clause that does not read as an organisation (a verb phrase, 《》, digits, too long): not reported as a unit.</summary>
    public const string MentionNotOrganisation = "PL405";

    /// <summary>A clause-like phrase in the middle of a sentence ("由区财政局负责资金保障"): not read as a clause.</summary>
    public const string ClauseInSentence = "PL406";

    /// <summary>A lead rule of the document conflicts with an item's clause.</summary>
    public const string LeadRuleConflict = "PL407";

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

    /// <summary>Pages of a PDF that hold no text layer (scanned pages among typed ones): their text is missing from the reading.</summary>
    public static Diagnostic PagesWithoutText(IReadOnlyList<int> pages) =>
        new(PageWithoutText, DiagnosticSeverity.Warning,
            $"page{(pages.Count == 1 ? "" : "s")} {string.Join(", ", pages)} of the PDF {(pages.Count == 1 ? "has" : "have")} no text layer (images only, probably scanned); their text is not read (run them through OCR)");

    public static Diagnostic EmptyFile() => new(Empty, DiagnosticSeverity.Warning, "文件没有文字，未读出公文");

    public static Diagnostic NoDocumentFound() =>
        new(NoDocument, DiagnosticSeverity.Warning, "no official document was recognized; the text was read as one untitled document");

    /// <param name="expected">The number that should have come next (the one before <paramref name="found"/> is missing).</param>
    public static Diagnostic Gap(int expected, int found, TextSpan span) =>
        new(ItemNumberGap, DiagnosticSeverity.Warning,
            found == expected + 1 ? $"第{found}条前面是第{expected - 1}条，缺少第{expected}条" : $"第{found}条前面是第{expected - 1}条，缺少第{expected}至{found - 1}条", span);

    /// <summary>A bracket of a clause missing in the source; the clause was read as if it were there (information, not doubt).</summary>
    public static Diagnostic Unbalanced(TextSpan span) =>
        new(ClauseUnbalanced, DiagnosticSeverity.Info, "责任分工的括号不成对，已按补齐后的括号读出", span);

    public static Diagnostic EmptyClause(TextSpan span) =>
        new(ClauseEmpty, DiagnosticSeverity.Warning, "the responsibility clause names no unit", span);

    public static Diagnostic Joined(string marker, TextSpan span) =>
        new(ItemsJoined, DiagnosticSeverity.Warning, $"条目中含有疑似另一条目的编号“{marker}”，可能是两条合在一起", span);

    public static Diagnostic Restarted(int previous, TextSpan span) =>
        new(ItemNumberRestarted, DiagnosticSeverity.Warning, $"编号在第{previous}条后重新从1开始，而前面没有新的标题", span);

    public static Diagnostic UnknownClause(string text, TextSpan span) =>
        new(ClauseUnknownStyle, DiagnosticSeverity.Warning, $"“{text}”像责任分工，但未能读出单位", span);

    public static Diagnostic LabelWithoutColon(string label, TextSpan span) =>
        new(ClauseUnknownStyle, DiagnosticSeverity.Warning, $"“{label}”后缺少冒号，已按分工标签读出，请核对", span);

    public static Diagnostic MissingClause(TextSpan span) =>
        new(NoClause, DiagnosticSeverity.Warning, "本条没有责任分工，而前后条目都有", span);

    public static Diagnostic NotOrganisation(string mention, string why, TextSpan span) =>
        new(MentionNotOrganisation, DiagnosticSeverity.Warning, $"“{mention}”不像单位名称（{why}），未作为责任单位", span);

    public static Diagnostic DoubtfulOrganisation(string mention, string why, TextSpan span) =>
        new(MentionNotOrganisation, DiagnosticSeverity.Warning, $"“{mention}”不太像单位名称（{why}），请核对", span);

    public static Diagnostic InSentence(string text, TextSpan span) =>
        new(ClauseInSentence, DiagnosticSeverity.Warning, $"句中的“{text}”像责任分工，未作为本条的责任单位", span);

    public static Diagnostic LeadConflict(string why, TextSpan span) =>
        new(LeadRuleConflict, DiagnosticSeverity.Warning, $"牵头规则与本条的分工不一致：{why}", span);

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
