using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Api;

/// <summary>
/// Items (the 台账), one item with its reports, progress reports and their evidence, and status. Thin: parse, call a
/// service with the signed-in user as <see cref="Actor"/>, shape the answer; who may see or report what is decided
/// by the services (<see cref="Permissions"/>).
/// </summary>
public static class ItemsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/items", ListAsync).WithSummary("台账：按辖区、文件、单位、状态筛选并分页（每页默认50行）");
        api.MapGet("/items/{key}", GetAsync).WithSummary("事项：内容、目标、时限、报送记录和佐证材料（事项编号须 URL 编码）");
        api.MapPost("/items/{key}/reports", ReportAsync).WithSummary("报送进展：{period, percent, done, figure, narrative}；填报人员只能为本单位的事项报送");
        api.MapPost("/items/{key}/reports/{period}/evidence", EvidenceAsync).DisableAntiforgery().WithSummary("上传佐证材料（multipart，可多个文件），附在本单位该期间的报送上");
        api.MapGet("/evidence/{id:long}", DownloadAsync).WithSummary("下载佐证材料（仅能查看该事项的用户；作为附件下载）");
        api.MapGet("/status", StatusAsync).WithSummary("进展状态：按状态计数和分页的事项");
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ItemPages pages, TrackingClockSource clock,
        string? unit, string? document, string? state, string? asOf, string? jurisdiction, int? page, int? pageSize, CancellationToken ct)
    {
        if (!ApiContext.TryDate(asOf, "asOf", clock, out var at, out var bad) || !ApiContext.TryState(state, out var wanted, out bad))
        {
            return bad!;
        }

        var result = await pages.PageAsync(ApiContext.Actor(http), new ItemPageQuery(new TrackingScope(jurisdiction, document), at, unit, wanted, page ?? 1, pageSize ?? ItemPages.DefaultPageSize), ct);
        return result.Ok
            ? Results.Ok(new ItemListDto(result.Value.Rows.Select(ItemDto.Of).ToList(), result.Value.Total, result.Value.Page, result.Value.PageSize, ItemDto.Day(at)!))
            : ApiContext.Problem(result.Problem);
    }

    private static async Task<IResult> StatusAsync(
        HttpContext http, ItemPages pages, TrackingClockSource clock,
        string? unit, string? document, string? state, string? asOf, string? jurisdiction, int? page, int? pageSize, CancellationToken ct)
    {
        if (!ApiContext.TryDate(asOf, "asOf", clock, out var at, out var bad) || !ApiContext.TryState(state, out var wanted, out bad))
        {
            return bad!;
        }

        var result = await pages.StatusAsync(ApiContext.Actor(http), new ItemPageQuery(new TrackingScope(jurisdiction, document), at, unit, wanted, page ?? 1, pageSize ?? ItemPages.DefaultPageSize), ct);
        if (!result.Ok)
        {
            return ApiContext.Problem(result.Problem);
        }

        var counts = TrackingStates.All.ToDictionary(s => s.Code(), s => result.Value.Counts!.GetValueOrDefault(s));
        return Results.Ok(new StatusDto(ItemDto.Day(at)!, counts, result.Value.Total, result.Value.Page, result.Value.PageSize, result.Value.Rows.Select(ItemDto.Of).ToList()));
    }

    /// <summary>The item the key names, when the actor may see it.</summary>
    private static async Task<(TrackedItem? Item, IResult? Problem)> FindAsync(Actor actor, TrackingItems items, string key, CancellationToken ct)
    {
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return (null, ApiContext.Problem(denied));
        }

        var (item, problem) = await items.FindAsync(Uri.UnescapeDataString(key), ct);
        if (item is null)
        {
            return (null, ApiContext.Problem(Problems.ItemNotFound(problem!)));
        }

        if (!actor.Sees(item.Jurisdiction))
        {
            return (null, ApiContext.Problem(Problems.OutsideJurisdiction(actor, item.Jurisdiction)));
        }

        if (!Permissions.Sees(actor, item))
        {
            return (null, ApiContext.Problem(Problems.NotYourUnitItems(actor, string.Join("、", item.Units.Select(u => u.Name)))));
        }

        return (item, null);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string key, TrackingItems items, StatusService status, LedgerContext db, TrackingClockSource clock, string? asOf, CancellationToken ct)
    {
        if (!ApiContext.TryDate(asOf, "asOf", clock, out var at, out var bad))
        {
            return bad!;
        }

        var (item, problem) = await FindAsync(ApiContext.Actor(http), items, key, ct);
        if (item is null)
        {
            return problem!;
        }

        var row = (await status.LoadAsync([item], ct)).At(at).Single();
        var units = item.Units.ToDictionary(u => u.Id);
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Figures).Include(r => r.Evidence)
            .Where(r => r.SourceId == item.SourceId && r.DocumentPosition == item.DocumentPosition && r.ItemKey == item.ItemKey)
            .OrderBy(r => r.Period).ThenBy(r => r.UnitId).AsSplitQuery().ToListAsync(ct);
        var unitNames = await db.Units.AsNoTracking().Where(u => reports.Select(r => r.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var history = reports.Select(r => new ReportDto(
            r.Id, r.Period, unitNames.GetValueOrDefault(r.UnitId)?.Name ?? "", unitNames.GetValueOrDefault(r.UnitId)?.Key ?? "",
            r.Percent, r.Done, r.Figures.Select(f => f.Value).ToList(), r.Narrative, r.ReportedBy, ItemDto.Day(r.SubmittedOn)!, ItemDto.Time(r.UpdatedAt, clock),
            (r.Warnings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            r.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.Size, e.Sha256, $"/api/v1/evidence/{e.Id}")).ToList())).ToList();
        return Results.Ok(new ItemDetailDto(ItemDto.Of(row), item.TargetText, ItemDto.Day(item.Schedule.Start), item.Cadence.Kind.ToString().ToLowerInvariant(), history));
    }

    private static async Task<IResult> ReportAsync(HttpContext http, string key, ReportRequest? body, ReportService reports, CancellationToken ct)
    {
        if (body is null)
        {
            return ApiContext.Invalid("PL-Q04", "请求体须为 JSON：{\"period\",\"percent\",\"done\",\"figure\",\"narrative\"}");
        }

        if (!ReportingPeriod.TryParse(body.Period, out var period))
        {
            return ApiContext.Invalid("PL-Q05", $"期间“{body.Period}”无效：请写 2024Q2、2024-05、2024H1 或 2024");
        }

        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(body.SubmittedOn))
        {
            if (!DateOnly.TryParseExact(body.SubmittedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return ApiContext.Invalid("PL-Q02", $"submittedOn 的值“{body.SubmittedOn}”不是日期：请写成 2024-07-10");
            }

            on = day;
        }

        var actor = ApiContext.Actor(http);
        var input = new ReportInput(Uri.UnescapeDataString(key), period, body.Percent, body.Done ?? false, body.Figure, body.Narrative, [], body.Unit, "web", on);
        return Answer(await reports.AddAsync(actor, input, ct), period);
    }

    private static IResult Answer(ReportResult result, ReportingPeriod period)
    {
        if (result.Outcome == ReportOutcome.Rejected)
        {
            return ApiContext.Problem(result.Problem!);
        }

        var dto = new ReportResultDto(result.Outcome.ToString().ToLowerInvariant(), result.ItemKey, period.ToString(), result.Warnings.Select(w => new WarningDto(w.Code, w.Message)).ToList());
        return result.Outcome == ReportOutcome.Added
            ? Results.Created($"/api/v1/items/{Uri.EscapeDataString(result.ItemKey)}", dto)
            : Results.Ok(dto);
    }

    private static async Task<IResult> EvidenceAsync(HttpContext http, string key, string period, TrackingItems items, ReportService reports, LedgerContext db, UploadLimits limits, string? unit, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(period, out var p))
        {
            return ApiContext.Invalid("PL-Q05", $"期间“{period}”无效：请写 2024Q2、2024-05、2024H1 或 2024");
        }

        var actor = ApiContext.Actor(http);
        var (item, problem) = await FindAsync(actor, items, key, ct);
        if (item is null)
        {
            return problem!;
        }

        var files = await Uploads.ReadAsync(http.Request, limits, Uploads.Evidence, ct);
        if ((files.Problem ?? Uploads.RefusedProblem(files)) is { } refused)
        {
            return refused;
        }

        var mine = unit is null ? item.Units.FirstOrDefault(u => actor.ReportsFor(u.Key)) : item.Units.FirstOrDefault(u => u.Key == unit || u.Name == unit);
        var text = p.ToString();
        var existing = mine is null ? null : await db.ProgressReports.AsNoTracking().Include(r => r.Figures)
            .FirstOrDefaultAsync(r => r.SourceId == item.SourceId && r.DocumentPosition == item.DocumentPosition && r.ItemKey == item.ItemKey && r.UnitId == mine.Id && r.Period == text, ct);
        if (mine is not null && existing is null && actor.ReportsFor(mine.Key))
        {
            return ApiProblems.Problem(404, "PL-R08", $"{mine.Name} 在 {text} 尚未报送该事项的进展：请先报送，再上传佐证材料");
        }

        // The report's own values again, with the files: the service decides who may attach evidence to it.
        var input = new ReportInput(item.Key, p, existing?.Percent, existing?.Done ?? false, existing?.Figures.Select(f => (decimal?)f.Value).FirstOrDefault(), existing?.Narrative,
            files.Files, mine?.Key ?? unit, "web evidence");
        return Answer(await reports.AddAsync(actor, input, ct), p);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, long id, TrackingItems items, LedgerContext db, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return ApiContext.Problem(denied);
        }

        var evidence = await db.ProgressEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var report = evidence is null ? null : await db.ProgressReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == evidence.ReportId, ct);
        var item = report?.ItemId is { } itemId ? (await items.OfItemsAsync([itemId], ct)).FirstOrDefault() : null;
        if (evidence is null || item is null)
        {
            return ApiProblems.Problem(404, "PL-R09", $"没有编号为 {id} 的佐证材料");
        }

        if (!Permissions.Sees(actor, item))
        {
            return ApiContext.Problem(Problems.NotYourUnitItems(actor, string.Join("、", item.Units.Select(u => u.Name))));
        }

        var blob = await db.EvidenceBlobs.AsNoTracking().FirstOrDefaultAsync(b => b.Sha256 == evidence.Sha256, ct);
        if (blob is null)
        {
            return ApiProblems.Problem(404, "PL-R09", $"佐证材料 {evidence.FileName} 的内容不在账本中");
        }

        return Results.File(blob.Content, "application/octet-stream", evidence.FileName);
    }
}
