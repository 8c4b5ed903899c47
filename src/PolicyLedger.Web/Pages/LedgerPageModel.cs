using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Pages;

/// <summary>
/// What every page of the application shares: the signed-in user as the services' <see cref="Ledger.Tracking.Actor"/>,
/// today in the offices' time zone, and a service's problem shown on the page with the HTTP status its kind means
/// (a denial is a 403, which the host audits). Pages only parse, call services and show; the services decide.
/// </summary>
public abstract class LedgerPageModel : PageModel
{
    /// <summary>The problem the page shows instead of its content (a refusal, a bad filter), if any.</summary>
    public Problem? Problem { get; private set; }

    /// <summary>Problems with what was typed into a form: shown beside the form, the page still shows.</summary>
    public List<string> Errors { get; } = [];

    public UserInfo Me => CurrentUser.Of(HttpContext) ?? throw new InvalidOperationException("a page ran without a signed-in user");

    public Actor Actor => Me.ToActor();

    protected TrackingClockSource Clock => HttpContext.RequestServices.GetRequiredService<TrackingClockSource>();

    public DateOnly Today => Clock.Today();

    /// <summary>Shows the problem on the page, answering with the status of its kind.</summary>
    protected IActionResult Fail(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        Response.StatusCode = ApiContext.Status(problem.Kind);
        return Page();
    }

    /// <summary>A date typed in a filter (2024-06-30, 2024/6/30, 2024年6月30日); empty: null; unreadable: an error naming the field.</summary>
    protected DateOnly? ParseDay(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateInput.TryParse(text, out var day))
        {
            return day;
        }

        Errors.Add($"{field}“{text}”不是日期：请写作 {DateInput.Formats}");
        return null;
    }

    /// <summary>A reporting period typed in a form; unreadable: an error naming the field.</summary>
    protected ReportingPeriod? ParsePeriod(string? text, string field)
    {
        if (ReportingPeriod.TryParse(text, out var period))
        {
            return period;
        }

        Errors.Add($"{field}“{text}”无效：{ReportingPeriod.Formats}");
        return null;
    }
}
