using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Claims;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Rendering;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Pages.Tasks;

/// <summary>
/// The report form of one item: completion, done, the figure achieved, 进展情况 and evidence files. The claim checks
/// run before anything is saved (as the person types, with the page's script; and again on saving): a report with
/// warnings is saved only once the person has seen exactly those warnings and confirms.
/// </summary>
public sealed class ReportModel(ItemDetailService details, ReportService reports, UploadLimits limits) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Percent { get; set; }

    [BindProperty]
    public bool Done { get; set; }

    [BindProperty]
    public string? Figure { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    /// <summary>The codes of the warnings the person was shown and accepted (the form's script or the second submit sets it).</summary>
    [BindProperty]
    public string? Confirmed { get; set; }

    /// <summary>The names of the evidence files chosen (sent by the script with a check, whose files are not uploaded).</summary>
    [BindProperty]
    public List<string> EvidenceNames { get; set; } = [];

    public ItemDetail? Detail { get; private set; }

    /// <summary>The warnings of the claim checks on what was submitted (shown before saving).</summary>
    public IReadOnlyList<ClaimWarning> Warnings { get; private set; } = [];

    /// <summary>Whether files were attached to a submit that stopped at the warnings (they must be chosen again).</summary>
    public bool FilesDropped { get; private set; }

    public IReadOnlyList<TrackedUnit> MyUnits => Detail is null ? [] : Detail.Item.Units.Where(u => Actor.ReportsFor(u.Key)).ToList();

    /// <summary>The periods offered: the item's cadence, from two before the running one to the running one.</summary>
    public IReadOnlyList<ReportingPeriod> Periods
    {
        get
        {
            if (Detail is null)
            {
                return [];
            }

            var now = Detail.Item.Cadence.PeriodOf(Today);
            var list = new List<ReportingPeriod> { now.Previous().Previous(), now.Previous(), now };
            if (ReportingPeriod.TryParse(Period, out var chosen) && !list.Contains(chosen))
            {
                list.Insert(0, chosen);
            }

            return list;
        }
    }

    public static string Signature(IEnumerable<ClaimWarning> warnings) => string.Join(",", warnings.Select(w => w.Code).Order(StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        if (string.IsNullOrWhiteSpace(Period))
        {
            Period = TaskService.PeriodToReport(Detail!.Row, Today).Period.ToString();
        }

        if (ReportingPeriod.TryParse(Period, out var p) && Detail!.Reports.FirstOrDefault(r => r.Period == p.ToString() && MyUnits.Any(u => u.Id == r.Unit.Id)) is { } stored)
        {
            // Correcting: the form starts from what was reported.
            Percent = stored.Percent?.ToString("0.##", CultureInfo.InvariantCulture);
            Done = stored.Done;
            Figure = stored.Figures.Count > 0 ? stored.Figures[0].ToString("0.##", CultureInfo.InvariantCulture) : null;
            Narrative = stored.Narrative;
            Unit = stored.Unit.Key;
        }

        return Page();
    }

    /// <summary>Saves the report, unless the claim checks warn about something the person has not yet confirmed.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        var input = Input([]);
        if (input is null)
        {
            return Page();
        }

        var files = new List<EvidenceFile>();
        if (await Uploads.HasFilesAsync(Request, HttpContext.RequestAborted))
        {
            var batch = await Uploads.ReadAsync(Request, limits, Uploads.Evidence, HttpContext.RequestAborted);
            if (batch.Refusal is { } refused)
            {
                Errors.Add(refused.Detail);
                return Page();
            }

            if (batch.Refused.Count > 0)
            {
                Errors.AddRange(batch.Refused.Select(r => $"佐证材料 {r.File}：{r.Reason}"));
                return Page();
            }

            files.AddRange(batch.Files);
        }

        input = input with { Evidence = files };
        var check = await reports.CheckAsync(Actor, input, HttpContext.RequestAborted);
        if (check.Problem is { } problem)
        {
            return Fail(problem);
        }

        if (check.Warnings.Count > 0 && Confirmed != Signature(check.Warnings))
        {
            Warnings = check.Warnings;
            Confirmed = Signature(check.Warnings);
            FilesDropped = files.Count > 0;
            return Page();
        }

        var saved = await reports.AddAsync(Actor, input, HttpContext.RequestAborted);
        if (saved.Problem is { } refusedBySaving)
        {
            return Fail(refusedBySaving);
        }

        return Redirect(Show.Url("/tasks", ("saved", saved.ItemKey), ("outcome", saved.Outcome.ToString().ToLowerInvariant())));
    }

    /// <summary>The page's script: the claim checks on the form as it stands (nothing is saved), as JSON.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (await LoadAsync() is not null)
        {
            return new JsonResult(new { error = Problem?.Message ?? string.Join("；", Errors) }) { StatusCode = Response.StatusCode == 200 ? 400 : Response.StatusCode };
        }

        var input = Input(EvidenceNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => new EvidenceFile(n, [])).ToList());
        if (input is null)
        {
            return new JsonResult(new { error = string.Join("；", Errors) }) { StatusCode = 400 };
        }

        var check = await reports.CheckAsync(Actor, input, HttpContext.RequestAborted);
        if (check.Problem is { } problem)
        {
            return new JsonResult(new { error = problem.Message, code = problem.Code }) { StatusCode = ApiContext.Status(problem.Kind) };
        }

        return new JsonResult(new
        {
            warnings = check.Warnings.Select(w => new { code = w.Code, message = w.Message }),
            signature = Signature(check.Warnings),
            outcome = check.Outcome.ToString().ToLowerInvariant(),
        });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            return Fail(Problems.ItemNotFound("请指定事项编号"));
        }

        var found = await details.DetailAsync(Actor, Key, Today, HttpContext.RequestAborted);
        if (!found.Ok)
        {
            return Fail(found.Problem);
        }

        Detail = found.Value;
        if (Permissions.Check(Actor, TrackingAction.Report) is { } denied)
        {
            return Fail(denied);
        }

        return null;
    }

    /// <summary>The form's values as a report (evidence given), or null with the errors naming each field.</summary>
    private ReportInput? Input(IReadOnlyList<EvidenceFile> evidence)
    {
        var period = ParsePeriod(Period, "期间");
        decimal? percent = null;
        if (!string.IsNullOrWhiteSpace(Percent))
        {
            if (decimal.TryParse(Percent.Trim().TrimEnd('%', '％'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            {
                percent = p;
            }
            else
            {
                Errors.Add($"完成进度“{Percent}”应为 0 到 100 之间的数");
            }
        }

        decimal? figure = null;
        if (!string.IsNullOrWhiteSpace(Figure))
        {
            var (value, problem) = FigureText.Read(Figure, Detail!.Item.TargetUnit);
            if (problem is not null)
            {
                Errors.Add(problem);
            }

            figure = value;
        }

        if (Errors.Count > 0 || period is null)
        {
            return null;
        }

        return new ReportInput(Detail!.Item.Key, period.Value, percent, Done, figure, string.IsNullOrWhiteSpace(Narrative) ? null : Narrative.Trim(), evidence, string.IsNullOrWhiteSpace(Unit) ? null : Unit, "web");
    }
}
