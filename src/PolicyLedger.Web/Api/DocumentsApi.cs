using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Api;

/// <summary>Documents: the current ones the user sees, a document's versions, and the upload that imports several files at once.</summary>
public static class DocumentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync).WithSummary("现行文件：文号、标题、辖区、事项数、版本");
        api.MapGet("/documents/{key}/versions", VersionsAsync).WithSummary("文件的各个版本（文件键须 URL 编码）");
        api.MapPost("/documents", UploadAsync).DisableAntiforgery().WithSummary("上传并导入文件（multipart，字段 files，可多个 .txt/.docx/.pdf/.html）：逐个文件给出导入结果");
    }

    private static async Task<IResult> ListAsync(HttpContext http, LedgerContext db, TrackingClockSource clock, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return ApiContext.Problem(denied);
        }

        var visible = ItemPages.Visible(db, actor).Select(i => i.DocumentId);
        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent && visible.Contains(d.Id)).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        return Results.Ok(docs.Select(d => new DocumentDto(d.Key, d.DocNumber, d.Title, d.Jurisdiction, ItemDto.Day(d.Date), d.ItemCount, d.Version, d.Source?.FileName ?? "", ItemDto.Time(d.ImportedAt, clock))).ToList());
    }

    private static async Task<IResult> VersionsAsync(HttpContext http, string key, LedgerContext db, TrackingClockSource clock, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return ApiContext.Problem(denied);
        }

        var typed = DocumentKey.Normalize(Uri.UnescapeDataString(key));
        var current = (await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Select(d => new { d.Id, d.Key, d.SourceId, d.Position, d.Jurisdiction }).ToListAsync(ct))
            .Where(d => DocumentKey.Normalize(d.Key) == typed).ToList();
        if (current.Count == 0)
        {
            return ApiContext.Problem(Problems.DocumentNotFound(Uri.UnescapeDataString(key)));
        }

        var ids = current.Select(d => d.Id).ToList();
        if (!await ItemPages.Visible(db, actor).AnyAsync(i => ids.Contains(i.DocumentId), ct))
        {
            return ApiContext.Problem(current.FirstOrDefault(d => !actor.Sees(d.Jurisdiction)) is { } outside
                ? Problems.OutsideJurisdiction(actor, outside.Jurisdiction)
                : Problems.NotYourUnitItems(actor, current[0].Key));
        }

        var sources = current.Select(d => d.SourceId).ToList();
        var versions = (await db.Documents.AsNoTracking().Where(d => sources.Contains(d.SourceId)).OrderBy(d => d.Version).ToListAsync(ct))
            .Where(d => current.Any(c => c.SourceId == d.SourceId && c.Position == d.Position))
            .Select(d => new VersionDto(d.Version, d.IsCurrent, d.ContentHash, ItemDto.Time(d.ImportedAt, clock), d.ItemCount)).ToList();
        return Results.Ok(versions);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, DocumentImportService importer, UploadLimits limits, LedgerDatabase database, IConfiguration configuration, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (Permissions.Check(actor, TrackingAction.ImportDocuments) is { } denied)
        {
            return ApiContext.Problem(denied);
        }

        var read = await Uploads.ReadAsync(http.Request, limits, Uploads.Documents, ct);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var imported = new List<UploadResultDto>();
        UploadCorrectionsDto? corrections = null;
        if (read.Files.Count > 0)
        {
            var result = await importer.ImportAsync(actor, read.Files, UploadFolder(configuration, database), ct);
            if (!result.Ok)
            {
                return ApiContext.Problem(result.Problem);
            }

            imported.AddRange(result.Value.Files.Select(f => new UploadResultDto(
                Path.GetFileName(f.Path), f.Outcome.ToString().ToLowerInvariant(), f.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Documents, f.Items, f.Message)));
            if (result.Value.Reapplied is { } found && found.Applied + found.Orphaned > 0)
            {
                corrections = new UploadCorrectionsDto(found.Applied, found.Orphaned);
            }
        }

        var files = imported.Concat(read.Refused.Select(r => new UploadResultDto(r.File, "failed", null, 0, 0, r.Reason))).ToList();
        var failed = files.Count(f => f.Outcome == "failed");
        return Results.Json(new UploadDto(files.Count - failed, failed, files, corrections), statusCode: failed == files.Count ? 422 : 200);
    }

    /// <summary>Where uploaded files are kept: <c>Upload:Folder</c>, else an "uploads" folder beside a SQLite ledger, else one in the temporary folder (the same path on every instance).</summary>
    public static string UploadFolder(IConfiguration configuration, LedgerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        if (configuration["Upload:Folder"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return database.Provider == LedgerProvider.Sqlite
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.Display)) ?? ".", "uploads")
            : Path.Combine(Path.GetTempPath(), "policyledger-uploads");
    }
}
