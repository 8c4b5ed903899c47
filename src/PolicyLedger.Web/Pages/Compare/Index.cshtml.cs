using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading;
using PolicyLedger.Web.Api;

namespace PolicyLedger.Web.Pages.Compare;

/// <summary>
/// 对比: choose two or more documents; the page shows them lined up measure by measure by <see cref="ComparisonService"/>
/// (the documents loaded as the API loads them, <see cref="CompareApi.LoadAsync"/>), in the comparison's own
/// side-by-side view (<see cref="ComparisonHtml"/>): differing figures marked.
/// </summary>
public sealed class IndexModel(DocumentService documents, LedgerContext db, PolicyReader reader) : LedgerPageModel
{
    [BindProperty(SupportsGet = true, Name = "documents")]
    public List<string> Chosen { get; set; } = [];

    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];

    /// <summary>The side-by-side view of the documents chosen (null until two or more are).</summary>
    public IHtmlContent? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Permissions.Check(Actor, TrackingAction.CompareDocuments) is { } denied)
        {
            return Fail(denied);
        }

        var list = await documents.ListAsync(Actor, HttpContext.RequestAborted);
        if (!list.Ok)
        {
            return Fail(list.Problem);
        }

        Documents = list.Value;
        if (Chosen.Count == 0)
        {
            return Page();
        }

        var (compared, problem) = await CompareApi.LoadAsync(db, reader, Actor, Chosen, HttpContext.RequestAborted);
        if (problem is not null)
        {
            Errors.Add(problem.Message + $"（{problem.Code}）");
            Response.StatusCode = ApiContext.Status(problem.Kind);
            return Page();
        }

        var service = ComparisonService.Default;
        View = new HtmlString(compared.Count == 2
            ? ComparisonHtml.Fragment(service.Compare(compared[0], compared[1]))
            : ComparisonHtml.Fragment(service.Compare(compared)));
        return Page();
    }
}
