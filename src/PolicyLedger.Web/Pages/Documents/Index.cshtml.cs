using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Pages.Documents;

/// <summary>One file's line in the results of an upload: what the import did, or why the file was refused.</summary>
public sealed record UploadLine(string File, string Outcome, string OutcomeName, int Documents, int Items, string? Message)
{
    public bool Failed => Outcome is "failed" or "refused";

    public static UploadLine Of(FileImportResult r) => new(
        Path.GetFileName(r.Path), r.Outcome.ToString().ToLowerInvariant(), Describe(r.Outcome), r.Documents, r.Items, r.Message);

    public static UploadLine Refused((string File, string Reason) r) => new(r.File, "refused", "未导入", 0, 0, r.Reason);

    public static string Describe(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "已导入",
        ImportOutcome.NewVersion => "新版本",
        ImportOutcome.Unchanged => "未变化（已导入过）",
        ImportOutcome.UnitsUpdated => "单位已重新识别",
        _ => "导入失败",
    };
}

/// <summary>文件: the documents with their versions; upload and import several files at once, each bad one named with its reason.</summary>
public sealed class IndexModel(DocumentService documents, DocumentImportService importer, UploadLimits limits, LedgerDatabase database, IConfiguration configuration) : LedgerPageModel
{
    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];

    public IReadOnlyList<ImportLogEntry> Log { get; private set; } = [];

    /// <summary>What the upload just posted did, file by file.</summary>
    public IReadOnlyList<UploadLine> Results { get; private set; } = [];

    public bool MayImport => Permissions.Check(Actor, TrackingAction.ImportDocuments) is null;

    public UploadLimits Limits => limits;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>The form without script: every file of the post, the good ones imported together.</summary>
    public async Task<IActionResult> OnPostUploadAsync()
    {
        var (lines, problem) = await ImportAsync();
        if (problem is not null)
        {
            return Fail(problem);
        }

        Results = lines;
        return await ShowAsync();
    }

    /// <summary>The page's script posts one file at a time here, to show progress file by file; the answer is that file's line.</summary>
    public async Task<IActionResult> OnPostUploadOneAsync()
    {
        var (lines, problem) = await ImportAsync();
        if (problem is not null)
        {
            Response.StatusCode = ApiContext.Status(problem.Kind);
            return new JsonResult(new { error = problem.Message, code = problem.Code });
        }

        return new JsonResult(new { files = lines });
    }

    private async Task<(IReadOnlyList<UploadLine> Lines, Problem? Problem)> ImportAsync()
    {
        if (Permissions.Check(Actor, TrackingAction.ImportDocuments) is { } denied)
        {
            return ([], denied);
        }

        var batch = await Uploads.ReadAsync(Request, limits, Uploads.Documents, HttpContext.RequestAborted);
        if (batch.Refusal is { } refused)
        {
            return ([], Problems.Invalid(refused.Code, refused.Detail, refused.Detail));
        }

        var lines = batch.Refused.Select(UploadLine.Refused).ToList();
        if (batch.Files.Count > 0)
        {
            var result = await importer.ImportAsync(Actor, batch.Files, DocumentsApi.UploadFolder(configuration, database), HttpContext.RequestAborted);
            if (!result.Ok)
            {
                return ([], result.Problem);
            }

            lines.InsertRange(0, result.Value.Files.Select(UploadLine.Of));
        }

        return (lines, null);
    }

    private async Task<IActionResult> ShowAsync()
    {
        var list = await documents.ListAsync(Actor, HttpContext.RequestAborted);
        if (!list.Ok)
        {
            return Fail(list.Problem);
        }

        Documents = list.Value;
        if (MayImport)
        {
            var log = await documents.ImportLogAsync(Actor, 10, HttpContext.RequestAborted);
            Log = log.Ok ? log.Value : [];
        }

        return Page();
    }
}
