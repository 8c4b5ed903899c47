using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Json;

/// <summary>
/// The JSON shape of a reading (`policyledger read --format json`). Field names are a contract scripts rely on:
/// camelCase, dates as YYYY-MM-DD, null where absent. Fields may be added, never renamed.
/// </summary>
public static class ReadResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(IEnumerable<ReadResult> results) =>
        JsonSerializer.Serialize(results.Select(ToDto).ToList(), Options);

    public static string Serialize(ReadResult result) => JsonSerializer.Serialize(ToDto(result), Options);

    public static FileDto ToDto(ReadResult r) => new(
        r.File,
        r.Encoding,
        r.Documents.Select(ToDto).ToList(),
        r.Diagnostics.Select(ToDto).ToList());

    public static DocumentDto ToDto(PolicyDocument d) => new(
        d.DocNumber?.Value,
        d.Issuer?.Value,
        d.Title?.Value,
        Iso(d.Date?.Value),
        d.Addressees.Select(a => a.Value).ToList(),
        d.Basis.Select(a => a.Value).ToList(),
        d.CopyTo.Select(a => a.Value).ToList(),
        d.PrintedBy?.Value,
        Iso(d.PrintedOn?.Value),
        d.Sponsor?.Value,
        d.Supervisor?.Value,
        d.Kind,
        SpanDto.Of(d.Span),
        new ElementSpansDto(SpanDto.Of(d.DocNumber?.Span), SpanDto.Of(d.Issuer?.Span), SpanDto.Of(d.Title?.Span), SpanDto.Of(d.Date?.Span)),
        d.Headings.Select(h => new HeadingDto(h.Level, h.Label, SpanDto.Of(h.Span))).ToList(),
        d.Items.Select(ToDto).ToList(),
        d.Diagnostics.Select(ToDto).ToList());

    public static ItemDto ToDto(PolicyItem i) => new(
        i.Id,
        i.Number,
        i.Marker,
        i.Headings,
        i.Text,
        i.Task,
        SpanDto.Of(i.Span),
        SpanDto.Of(i.ClauseSpan),
        i.Roles.Select(ToDto).ToList(),
        i.Quantities.Select(q => new QuantityDto(q.Text, SpanDto.Of(q.Span), q.Kind.ToString().ToLowerInvariant(), q.Value, q.Unit, q.Per, q.Bound.ToString().ToLowerInvariant(), q.High)).ToList(),
        i.Times.Select(t => new TimeDto(t.Text, SpanDto.Of(t.Span), Iso(t.Start), Iso(t.End), t.Recurrence, t.YearFromContext)).ToList(),
        i.Diagnostics.Select(ToDto).ToList());

    public static RoleDto ToDto(RoleMention r) => new(
        RoleName(r.Role),
        r.Mention,
        SpanDto.Of(r.Span),
        r.Implied ? true : null,
        r.Governs is { } g ? new GovernsDto(g.Value, SpanDto.Of(g.Span)) : null);

    public static DiagnosticDto ToDto(Diagnostic d) =>
        new(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Span is { } s ? SpanDto.Of(s) : null);

    public static string RoleName(Role role) => role switch
    {
        Role.Lead => "lead",
        Role.Responsible => "responsible",
        Role.Cooperating => "cooperating",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record FileDto(string File, string? Encoding, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<DiagnosticDto> Diagnostics);

    public sealed record DocumentDto(
        string? DocNumber,
        string? Issuer,
        string? Title,
        string? Date,
        IReadOnlyList<string> Addressees,
        IReadOnlyList<string> Basis,
        IReadOnlyList<string> CopyTo,
        string? PrintedBy,
        string? PrintedOn,
        string? Sponsor,
        string? Supervisor,
        string? Kind,
        SpanDto? Span,
        ElementSpansDto ElementSpans,
        IReadOnlyList<HeadingDto> Headings,
        IReadOnlyList<ItemDto> Items,
        IReadOnlyList<DiagnosticDto> Diagnostics);

    public sealed record ElementSpansDto(SpanDto? DocNumber, SpanDto? Issuer, SpanDto? Title, SpanDto? Date);

    public sealed record HeadingDto(int Level, string Label, SpanDto? Span);

    public sealed record ItemDto(
        string Id,
        int? Number,
        string Marker,
        IReadOnlyList<string> Headings,
        string Text,
        string Task,
        SpanDto? Span,
        SpanDto? ClauseSpan,
        IReadOnlyList<RoleDto> Roles,
        IReadOnlyList<QuantityDto> Quantities,
        IReadOnlyList<TimeDto> Times,
        IReadOnlyList<DiagnosticDto> Diagnostics);

    /// <param name="Implied">Written only when true: the role comes from a declaration covering later items, not from the item's own clause.</param>
    /// <param name="Governs">The part of the item the role governs (its text and span).</param>
    public sealed record RoleDto(
        string Role,
        string Mention,
        SpanDto? Span,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Implied,
        GovernsDto? Governs);

    /// <summary>The part of an item a role governs: its text on one line and where it stands.</summary>
    public sealed record GovernsDto(string Text, SpanDto? Span);

    public sealed record QuantityDto(string Text, SpanDto? Span, string Kind, decimal Value, string Unit, string? Per, string Bound, decimal? High);

    public sealed record TimeDto(string Text, SpanDto? Span, string? Start, string? End, string? Recurrence, bool YearFromContext);

    public sealed record DiagnosticDto(string Code, string Severity, string Message, SpanDto? Span);

    public sealed record SpanDto(int Start, int Length)
    {
        public static SpanDto? Of(TextSpan? span) => span is { } s ? new SpanDto(s.Start, s.Length) : null;
    }
}
