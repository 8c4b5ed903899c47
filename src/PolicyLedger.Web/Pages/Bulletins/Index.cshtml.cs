using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Rendering;

namespace PolicyLedger.Web.Pages.Bulletins;

/// <summary>通报: choose the scope and period, preview the bulletin as it will read, download it as .docx or .md (the API writes both from the same bulletin).</summary>
public sealed class IndexModel(BulletinService bulletins, DocumentService documents) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Document { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issuer { get; set; }

    public Bulletin? Bulletin { get; private set; }

    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];

    public IReadOnlyList<string> Jurisdictions => Documents.Select(d => d.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The quarters offered: the running one and the seven before it.</summary>
    public IReadOnlyList<ReportingPeriod> Quarters
    {
        get
        {
            var list = new List<ReportingPeriod>();
            for (var (p, n) = (ReportingPeriod.Containing(PeriodKind.Quarter, Today), 0); n < 8; p = p.Previous(), n++)
            {
                list.Add(p);
            }

            return list;
        }
    }

    /// <summary>The download link of the bulletin shown, in a format (docx or md).</summary>
    public string Download(string format) => Show.Url(
        "/api/v1/bulletins/" + Uri.EscapeDataString(Bulletin!.Period.ToString()),
        ("format", format), ("jurisdiction", Jurisdiction), ("document", Document), ("asOf", AsOf), ("issuer", Issuer));

    public async Task<IActionResult> OnGetAsync()
    {
        var docs = await documents.ListAsync(Actor, HttpContext.RequestAborted);
        Documents = docs.Ok ? docs.Value : [];
        if (Permissions.Check(Actor, TrackingAction.WriteBulletin) is { } denied)
        {
            return Fail(denied);
        }

        if (string.IsNullOrWhiteSpace(Period))
        {
            return Page();
        }

        var period = ParsePeriod(Period, "期间");
        var asOf = ParseDay(AsOf, "截至日期");
        if (period is null || Errors.Count > 0)
        {
            return Page();
        }

        Issuer = string.IsNullOrWhiteSpace(Issuer) ? LedgerApi.DefaultIssuer : Issuer.Trim();
        var result = await bulletins.BulletinAsync(Actor, new BulletinRequest(period.Value, new TrackingScope(Jurisdiction, Document), asOf, null, Issuer, [LedgerApi.DefaultAddressees]), HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Fail(result.Problem);
        }

        Bulletin = result.Value;
        return Page();
    }
}
