using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Web.Pages;

/// <summary>总览: the states of the items in the user's scope at a date, their trend, the units ranked and the overdue items.</summary>
public sealed class IndexModel(OverviewService overviews, DocumentService documents) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Document { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public Overview? Overview { get; private set; }

    /// <summary>The jurisdictions of the documents the user sees (what the scope can be narrowed to).</summary>
    public IReadOnlyList<string> Jurisdictions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var day = ParseDay(AsOf, "截至日期") ?? Today;
        var docs = await documents.ListAsync(Actor, HttpContext.RequestAborted);
        if (!docs.Ok)
        {
            return Fail(docs.Problem);
        }

        Jurisdictions = docs.Value.Select(d => d.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var result = await overviews.OverviewAsync(Actor, new TrackingScope(Jurisdiction, Document), day, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Fail(result.Problem);
        }

        Overview = result.Value;
        return Page();
    }
}
