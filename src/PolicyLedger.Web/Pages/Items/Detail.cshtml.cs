using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Web.Pages.Items;

/// <summary>事项: one item with its source sentence marked, targets and deadlines, report history with evidence, and its audit trail.</summary>
public sealed class DetailModel(ItemDetailService details, AuditService audit) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public ItemDetail? Detail { get; private set; }

    /// <summary>The date the state is judged at.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The changes to the item's reports, for those who may read the audit log (null for the others).</summary>
    public IReadOnlyList<AuditEntry>? Trail { get; private set; }

    /// <summary>Whether the user reports for one of the item's units (the page then offers the report form).</summary>
    public bool MayReport => Detail is { } d && Permissions.Check(Actor, TrackingAction.Report) is null && d.Item.Units.Any(u => Actor.ReportsFor(u.Key));

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            return Fail(Problems.ItemNotFound("请指定事项编号（如 青管〔2023〕7号#12）"));
        }

        Day = ParseDay(AsOf, "截至日期") ?? Today;
        var found = await details.DetailAsync(Actor, Key, Day, HttpContext.RequestAborted);
        if (!found.Ok)
        {
            return Fail(found.Problem);
        }

        Detail = found.Value;
        if (Permissions.Check(Actor, TrackingAction.ViewAudit) is null)
        {
            var trail = await audit.ItemTrailAsync(Actor, Detail.Item, Detail.Reports.Select(r => r.Id).ToList(), HttpContext.RequestAborted);
            Trail = trail.Ok ? trail.Value : null;
        }

        return Page();
    }
}
