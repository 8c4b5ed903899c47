using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Web.Pages.Ledger;

/// <summary>台账: the items filtered by jurisdiction, document, unit, state and deadline, a page at a time; the .xlsx export holds every row of the filter.</summary>
public sealed class IndexModel(ItemPages pages, DocumentService documents, LedgerExportService export, ReviewService review) : LedgerPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Document { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ItemPage? Result { get; private set; }

    /// <summary>The page's items a reviewer checked as read on the 校对 page (item key → who); a corrected item shows 已更正 instead.</summary>
    public IReadOnlyDictionary<string, string> Checked { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];

    public IReadOnlyList<TrackedUnit> Units { get; private set; } = [];

    public IReadOnlyList<string> Jurisdictions => Documents.Select(d => d.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public int Pages => Result is null ? 0 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public bool MayExport => Permissions.Check(Actor, TrackingAction.ExportLedger) is null;

    /// <summary>This page's filter as query parameters (for the pager and the export link).</summary>
    public (string, string?)[] Filter(int? page = null) =>
    [
        ("jurisdiction", Jurisdiction), ("document", Document), ("unit", Unit), ("state", State),
        ("from", From), ("to", To), ("asOf", AsOf), ("p", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Query();
        await ChoicesAsync();
        if (query is null)
        {
            return Page();
        }

        var result = await pages.PageAsync(Actor, query, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Fail(result.Problem);
        }

        Result = result.Value;
        // One lookup beside the page's query: the review checks of the page's items.
        var uncorrected = Result.Rows.Select(r => r.Item).Where(i => !i.Corrected).ToList();
        Checked = await review.CheckedAsync(uncorrected, Documents.ToDictionary(d => d.Id, d => d.FileName), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The .xlsx of every row the filter selects (not only this page), with 进展 and 状态 as the page shows them.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query();
        if (query is null)
        {
            await ChoicesAsync();
            return Page();
        }

        var path = Path.Combine(Path.GetTempPath(), $"pl-ledger-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = await export.WriteAsync(Actor, path, query, HttpContext.RequestAborted);
            if (!written.Ok)
            {
                await ChoicesAsync();
                return Fail(written.Problem);
            }

            var bytes = await System.IO.File.ReadAllBytesAsync(path, HttpContext.RequestAborted);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"台账-{query.AsOf:yyyyMMdd}.xlsx");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private ItemPageQuery? Query()
    {
        var asOf = ParseDay(AsOf, "截至日期") ?? Today;
        var from = ParseDay(From, "时限起");
        var to = ParseDay(To, "时限止");
        TrackingState? state = null;
        if (!string.IsNullOrWhiteSpace(State))
        {
            if (TrackingStates.TryParse(State.Trim(), out var s))
            {
                state = s;
            }
            else
            {
                Errors.Add($"状态“{State}”无效");
            }
        }

        if (PageNumber < 1)
        {
            PageNumber = 1;
        }

        return Errors.Count > 0 ? null : new ItemPageQuery(new TrackingScope(Jurisdiction, Document), asOf, Blank(Unit), state, PageNumber, PageSize, from, to);
    }

    private async Task ChoicesAsync()
    {
        var docs = await documents.ListAsync(Actor, HttpContext.RequestAborted);
        Documents = docs.Ok ? docs.Value : [];
        var units = await documents.UnitsAsync(Actor, HttpContext.RequestAborted);
        Units = units.Ok ? units.Value : [];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
