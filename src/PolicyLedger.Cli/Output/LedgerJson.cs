using System.Text.Json;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Reading.Json;

namespace PolicyLedger.Cli.Output;

/// <summary>
/// The JSON shapes of <c>units --format json</c> and <c>ledger --format json</c>. Field names are a contract:
/// camelCase, enums snake_case (lead, outside_body), dates YYYY-MM-DD. Fields may be added, never renamed.
/// </summary>
internal static class LedgerJson
{
    public sealed record MentionDto(string Document, string Item, string Key, string Mention, string Role);

    public sealed record UnitDto(string Unit, string Key, string Jurisdiction, string Kind, int Leads, int Responsible, int Cooperates, IReadOnlyList<MentionDto> Mentions);

    public sealed record RowDto(string Key, string Document, string DocumentKey, string? Title, string Item, int? Number, IReadOnlyList<string> Headings, string Text,
        IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible, IReadOnlyList<string> Cooperating,
        IReadOnlyList<string> Quantities, IReadOnlyList<string> Times, string? Deadline,
        IReadOnlyList<ReadResultJson.RoleDto> Roles, IReadOnlyList<ReadResultJson.DiagnosticDto> Diagnostics);

    public static string Units(IEnumerable<UnitReport> units) => JsonSerializer.Serialize(
        units.Select(u => new UnitDto(u.Unit, u.Key, u.Jurisdiction, Snake(u.Kind.ToString()), u.Leads, u.Responsible, u.Cooperates,
            u.Mentions.Select(m => new MentionDto(m.Document, m.Item, m.ItemKey, m.Mention, Snake(m.Role.ToString()))).ToList())).ToList(),
        ReadResultJson.Options);

    public static string Rows(IEnumerable<LedgerRow> rows) => JsonSerializer.Serialize(
        rows.Select(r => new RowDto(r.Key, r.Document, r.DocumentKey, r.Title, r.Item, r.Number, r.Headings, r.Text, r.Lead, r.Responsible, r.Cooperating,
            r.Quantities, r.Times, r.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            r.Roles.Select(Role).ToList(),
            r.Diagnostics.Select(d => new ReadResultJson.DiagnosticDto(d.Code, d.Severity, d.Message, Span(d.SpanStart, d.SpanLength))).ToList())).ToList(),
        ReadResultJson.Options);

    /// <summary>A role in the shape of <c>read --format json</c>: role, mention, <c>implied</c> only when true, <c>governs</c>.</summary>
    private static ReadResultJson.RoleDto Role(LedgerRoleEntry r) => new(
        Snake(r.Role.ToString()),
        r.Mention,
        new ReadResultJson.SpanDto(r.SpanStart, r.SpanLength),
        r.Implied ? true : null,
        r.Governs is { } text ? new ReadResultJson.GovernsDto(text, Span(r.GovernsStart, r.GovernsLength)) : null);

    private static ReadResultJson.SpanDto? Span(int? start, int? length) => start is { } s && length is { } l ? new ReadResultJson.SpanDto(s, l) : null;

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
