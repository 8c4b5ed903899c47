using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Web.Pages.Review;

/// <summary>
/// 校对: the documents with how far their review is; one document's stored text with its items and unit mentions
/// marked, its items doubtful first, and corrections made in place through <see cref="CorrectionService"/> and
/// <see cref="ReviewService"/> (which check who may do what; the page only hides the forms from those who may not).
/// </summary>
public sealed class IndexModel(ReviewService review, CorrectionService corrections) : LedgerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Document { get; set; }

    /// <summary>Every document's progress (the page without a document).</summary>
    public IReadOnlyList<DocumentProgress> Documents { get; private set; } = [];

    /// <summary>How many corrections of the documents shown lost their item.</summary>
    public int Orphaned { get; private set; }

    public DocumentReview? Review { get; private set; }

    /// <summary>What the last change did (shown above the items), from the redirect after it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The item the last change was about (its form is shown open).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    public bool MayCorrect => Permissions.Check(Actor, TrackingAction.Correct) is null;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>Replaces what the reviewer changed of the units of each role and the deadline; fields left as shown are not corrected.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string key, string? lead, string? leadWas, string? responsible, string? responsibleWas,
        string? cooperating, string? cooperatingWas, string? deadline, string? deadlineWas, string? why)
    {
        var changes = new List<ChangeRequest>();
        AddRole(changes, LedgerRole.Lead, lead, leadWas);
        AddRole(changes, LedgerRole.Responsible, responsible, responsibleWas);
        AddRole(changes, LedgerRole.Cooperating, cooperating, cooperatingWas);
        if (!Same(deadline, deadlineWas))
        {
            changes.Add(new ChangeRequest(CorrectionKind.SetDeadline, Value: deadline?.Trim() ?? string.Empty));
        }

        if (changes.Count == 0)
        {
            Errors.Add($"{key}：没有改动任何内容");
            Item = key;
            return await ShowAsync();
        }

        return await AfterAsync(key, await corrections.CorrectAsync(Actor, new CorrectionInput(key, changes, Blank(why)), HttpContext.RequestAborted), "已更正");
    }

    public async Task<IActionResult> OnPostNotItemAsync(string key, string? why) =>
        await AfterAsync(key, await corrections.CorrectAsync(Actor, new CorrectionInput(key, [new ChangeRequest(CorrectionKind.NotAnItem)], Blank(why)), HttpContext.RequestAborted), "已标为非事项");

    public async Task<IActionResult> OnPostRevertAsync(string key) =>
        await AfterAsync(key, await corrections.RevertAsync(Actor, key, HttpContext.RequestAborted), "已撤销更正，恢复为识别结果");

    public async Task<IActionResult> OnPostCheckAsync(string key)
    {
        var result = await review.MarkCheckedAsync(Actor, key, HttpContext.RequestAborted);
        if (result.Problem is { } problem)
        {
            return await RefusedAsync(key, [problem]);
        }

        return Redirect(key, result.Outcome == ChangeOutcome.Unchanged ? "此前已核对" : "已核对无误");
    }

    private async Task<IActionResult> AfterAsync(string key, CorrectResult result, string done) =>
        result.Ok ? Redirect(key, result.Changes.All(c => c.Outcome == ChangeOutcome.Unchanged) && result.Changes.Count > 0 ? "与现有更正相同，未作改动" : done) : await RefusedAsync(key, result.Problems);

    private IActionResult Redirect(string key, string done) =>
        RedirectToPage(new { document = Document, done = $"{key}：{done}", item = key });

    private async Task<IActionResult> RefusedAsync(string key, IReadOnlyList<CorrectionProblem> problems)
    {
        if (problems.FirstOrDefault(CorrectionAccess.IsDenial) is { } denial)
        {
            return Fail(ToProblem(denial));
        }

        Errors.AddRange(problems.Select(p => $"{key}：{p.Message}（{p.Code}）"));
        Item = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (string.IsNullOrWhiteSpace(Document))
        {
            var queue = await review.QueueAsync(Actor, limit: 1, ct: HttpContext.RequestAborted);
            if (queue.Problem is { } denied)
            {
                return Fail(ToProblem(denied));
            }

            Documents = queue.Progress;
            Orphaned = queue.Orphaned;
            return Page();
        }

        Review = await review.DocumentAsync(Actor, Document, HttpContext.RequestAborted);
        if (Review.Problem is { } problem)
        {
            var shown = Fail(ToProblem(problem));
            Review = null;
            return shown;
        }

        return Page();
    }

    /// <summary>A unit list as the form shows it (and the correction services read it): names joined by 、.</summary>
    public static string Units(IReadOnlyList<string> names) => string.Join("、", names);

    private static void AddRole(List<ChangeRequest> changes, LedgerRole role, string? now, string? was)
    {
        if (!Same(now, was))
        {
            changes.Add(new ChangeRequest(CorrectionKind.SetRole, role, now?.Trim() ?? string.Empty));
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim() ?? string.Empty, b?.Trim() ?? string.Empty, StringComparison.Ordinal);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Problem ToProblem(CorrectionProblem p) => new(
        p.Code,
        CorrectionAccess.IsDenial(p) ? ProblemKind.Denied : p.Code is CorrectionCodes.DocumentGone or CorrectionCodes.UnknownItem ? ProblemKind.NotFound : ProblemKind.Invalid,
        p.Message,
        p.Code);
}
