namespace PolicyLedger.Reading.Syntax;

/// <summary>
/// One official document (公文) inside a file, with the elements of GB/T 9704 that were found.
/// Each element is <c>null</c> where the text has none; each found element keeps its span.
/// </summary>
public sealed record PolicyDocument
{
    public required TextSpan Span { get; init; }

    /// <summary>发文字号, e.g. 济管〔2023〕19号 (whitespace removed).</summary>
    public Located<string>? DocNumber { get; init; }

    /// <summary>发文机关.</summary>
    public Located<string>? Issuer { get; init; }

    /// <summary>标题, on one line, whitespace removed.</summary>
    public Located<string>? Title { get; init; }

    /// <summary>成文日期.</summary>
    public Located<DateOnly>? Date { get; init; }

    /// <summary>主送机关, split at commas.</summary>
    public IReadOnlyList<Located<string>> Addressees { get; init; } = [];

    /// <summary>The upper-level documents it implements (豫政〔2022〕41号).</summary>
    public IReadOnlyList<Located<string>> Basis { get; init; } = [];

    /// <summary>抄送.</summary>
    public IReadOnlyList<Located<string>> CopyTo { get; init; } = [];

    /// <summary>印发机关.</summary>
    public Located<string>? PrintedBy { get; init; }

    /// <summary>印发日期.</summary>
    public Located<DateOnly>? PrintedOn { get; init; }

    /// <summary>主办 (the unit that drafted it, as in "（主办：X 督办：Y）").</summary>
    public Located<string>? Sponsor { get; init; }

    /// <summary>督办.</summary>
    public Located<string>? Supervisor { get; init; }

    /// <summary>What kind of document the title says it is (通知, 通报, 意见, 报告 …), when it says.</summary>
    public string? Kind { get; init; }

    public IReadOnlyList<Heading> Headings { get; init; } = [];

    public IReadOnlyList<PolicyItem> Items { get; init; } = [];

    /// <summary>Paragraphs of the body that are neither headings nor items: kept, marked unclassified.</summary>
    public IReadOnlyList<TextSpan> Unclassified { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>What reading one file gave: its documents and the diagnostics of the file as a whole.</summary>
public sealed record ReadResult(
    string File,
    string Text,
    string? Encoding,
    IReadOnlyList<PolicyDocument> Documents,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
