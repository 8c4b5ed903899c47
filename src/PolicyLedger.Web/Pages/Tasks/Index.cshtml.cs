using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Web.Pages.Tasks;

/// <summary>我的任务: the items of the reporter's units with the period each must be reported for now.</summary>
public sealed class IndexModel(TaskService tasks) : LedgerPageModel
{
    /// <summary>The item just reported on (after the report form saved), for the confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    public IReadOnlyList<ReportTask> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await tasks.TasksAsync(Actor, Today, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Fail(result.Problem);
        }

        Tasks = result.Value;
        return Page();
    }
}
