using System.Globalization;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Web.Api;

// The API's JSON, named as the CLI's JSON names the same things (camelCase; key = item key, documentKey, units =
// unit names, unitKeys = unit keys; dates YYYY-MM-DD; times ISO 8601 at +08:00; states as the CLI's codes).

public sealed record LastReportDto(string Period, decimal? Percent, bool Done, string Submitted);

/// <summary>One row of the 台账 / status.</summary>
public sealed record ItemDto(
    string Key, string Document, string DocumentKey, string Jurisdiction, string Number, string Text,
    IReadOnlyList<string> Units, IReadOnlyList<string> UnitKeys,
    string State, string StateName, string Light, string? Deadline, LastReportDto? LastReport, string Reason)
{
    public static ItemDto Of(StatusRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var s = row.Status;
        return new ItemDto(
            row.Item.Key, row.Item.Document, row.Item.DocumentKey, row.Item.Jurisdiction, row.Item.Number, row.Item.Text,
            row.Item.Units.Select(u => u.Name).ToList(), row.Item.Units.Select(u => u.Key).ToList(),
            s.State.Code(), s.State.Chinese(), s.Light.Code(), Day(s.Deadline),
            s.LastReport is { } l ? new LastReportDto(l.Period.ToString(), l.Percent, l.IsDone, Day(l.SubmittedOn)!) : null,
            s.Reason);
    }

    public static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? t, TrackingClockSource clock) =>
        t is { } v ? clock.Local(v).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : null;
}

/// <summary><c>GET /api/v1/items</c>: <c>{"items":[…],"total":N,…}</c>.</summary>
public sealed record ItemListDto(IReadOnlyList<ItemDto> Items, int Total, int Page, int PageSize, string AsOf);

/// <summary><c>GET /api/v1/status</c>: the states counted over the whole filter, and a page of its rows.</summary>
public sealed record StatusDto(string AsOf, IReadOnlyDictionary<string, int> Counts, int Total, int Page, int PageSize, IReadOnlyList<ItemDto> Items);

public sealed record EvidenceDto(long Id, string FileName, long Size, string Sha256, string Url);

public sealed record ReportDto(long Id, string Period, string Unit, string UnitKey, decimal? Percent, bool Done, IReadOnlyList<decimal> Figures, string? Narrative, string ReportedBy, string SubmittedOn, string? UpdatedAt, IReadOnlyList<string> Warnings, IReadOnlyList<EvidenceDto> Evidence);

/// <summary><c>GET /api/v1/items/{key}</c>: the row, its target and deadline, and its report history with evidence.</summary>
public sealed record ItemDetailDto(ItemDto Item, string? Target, string? Start, string? Cadence, IReadOnlyList<ReportDto> Reports);

/// <summary><c>POST /api/v1/items/{key}/reports</c>: what a report says (the JSON contract of the issue, with the optional unit and day).</summary>
public sealed record ReportRequest(string? Period, decimal? Percent, bool? Done, decimal? Figure, string? Narrative, string? Unit = null, string? SubmittedOn = null);

public sealed record WarningDto(string Code, string Message);

public sealed record ReportResultDto(string Outcome, string Key, string Period, IReadOnlyList<WarningDto> Warnings);

public sealed record UnitDto(string Key, string Name, string Jurisdiction, string Kind, int Leads, int Responsible, int Cooperates);

public sealed record DocumentDto(string Key, string? DocNumber, string? Title, string Jurisdiction, string? Date, int Items, int Version, string File, string? ImportedAt);

public sealed record VersionDto(int Version, bool Current, string ContentHash, string? ImportedAt, int Items);

public sealed record UploadResultDto(string File, string Outcome, string? Version, int Documents, int Items, string? Message);

/// <param name="Corrections">The corrections found again after the import: how many apply to an item, how many lost it (null: none to find).</param>
public sealed record UploadDto(int Imported, int Failed, IReadOnlyList<UploadResultDto> Files, UploadCorrectionsDto? Corrections = null);

public sealed record UploadCorrectionsDto(int Applied, int Orphaned);

public sealed record AuditDto(long Id, string At, string Actor, string Action, string Entity, string? EntityKey, string? Context, string? Before, string? After);

public sealed record UserDto(string Name, string Role, IReadOnlyList<string> Units, IReadOnlyList<string> Jurisdictions, bool Disabled, string? LockedUntil);

public sealed record NewUserRequest(string? Name, string? Role, string? Password, IReadOnlyList<string>? Units, IReadOnlyList<string>? Jurisdictions);

public sealed record UserChangeRequest(string? Role, IReadOnlyList<string>? Units, IReadOnlyList<string>? Jurisdictions, bool? Disabled, string? Password);

public sealed record TokenRequest(string? Label, int? Days);

public sealed record TokenDto(long Id, string User, string Prefix, string? Label, string? CreatedAt, string? ExpiresAt, string? RevokedAt, string? LastUsedAt);

public sealed record NewTokenDto(string Token, TokenDto Info);
