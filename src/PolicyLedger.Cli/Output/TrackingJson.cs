using System.Globalization;
using System.Text.Json;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Json;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Output;

/// <summary>
/// The JSON of the tracking commands, in the one style of every command (<see cref="ReadResultJson.Options"/>):
/// camelCase names, enums snake_case, dates YYYY-MM-DD, times ISO 8601 with the offices' offset (+08:00), absent
/// values null. The same thing has the same name everywhere: <c>key</c> is an item key, <c>documentKey</c> a
/// document key, <c>units</c> unit names, <c>unitKeys</c> unit keys, <c>jurisdiction</c> a jurisdiction.
/// (<c>status</c> keeps <c>item</c>, also the item key, from its first version.)
/// </summary>
internal static class TrackingJson
{
    /// <summary>The shared options, with + and non-ASCII written as themselves (2024-07-10T09:00:00+08:00, not \u002B).</summary>
    private static readonly JsonSerializerOptions Options = new(ReadResultJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record LastReportDto(string Period, decimal? Percent, bool Done, string Submitted);

    public sealed record StatusDto(
        string Key, string Document, string DocumentKey, string Jurisdiction, string Item, string Number, IReadOnlyList<string> Units, IReadOnlyList<string> UnitKeys,
        string State, string Light, string? Deadline, LastReportDto? LastReport, string Reason);

    public sealed record AuditDto(long Id, string At, string Actor, string Action, string Entity, string? EntityKey, string? Context, string? Before, string? After);

    public sealed record CadenceDto(string DocumentKey, string Document, string Jurisdiction, long Source, int Position, string Every, int? DueDay, string From);

    public static string Status(IEnumerable<StatusRow> rows) => JsonSerializer.Serialize(
        rows.Select(r => new StatusDto(
            r.Item.Key,
            r.Item.Document,
            r.Item.DocumentKey,
            r.Item.Jurisdiction,
            r.Item.Key,
            r.Item.Number,
            r.Item.Units.Select(u => u.Name).ToList(),
            r.Item.Units.Select(u => u.Key).ToList(),
            r.Status.State.Code(),
            r.Status.Light.Code(),
            Day(r.Status.Deadline),
            r.Status.LastReport is { } l ? new LastReportDto(l.Period.ToString(), l.Percent, l.IsDone, Day(l.SubmittedOn)!) : null,
            r.Status.Reason)).ToList(),
        Options);

    public static string Audit(IEnumerable<AuditEntry> entries, TrackingClockSource clock) => JsonSerializer.Serialize(
        entries.Select(a => new AuditDto(a.Id, clock.Local(a.At).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), a.Actor, a.Action, a.Entity, a.EntityKey, a.Context, a.Before, a.After)).ToList(),
        Options);

    public static string Cadences(IEnumerable<DocumentCadenceRow> rows) => JsonSerializer.Serialize(
        rows.Select(c => new CadenceDto(c.DocumentKey, c.Document, c.Jurisdiction, c.SourceId, c.Position + 1, c.Cadence.Kind.ToString().ToLowerInvariant(), c.Cadence.DueDayOfNextMonth, c.Cadence.Source)).ToList(),
        Options);

    public static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
