using System.Globalization;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Api;

/// <summary>What every endpoint needs: the signed-in user as the services' <see cref="Actor"/>, problems as HTTP answers, and query values parsed with a clear error.</summary>
public static class ApiContext
{
    /// <summary>The signed-in user (every API endpoint requires one; the authentication step read it from the database).</summary>
    public static Actor Actor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (CurrentUser.Of(http) ?? throw new InvalidOperationException("an API endpoint ran without a signed-in user")).ToActor();
    }

    public static int Status(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => 400,
        ProblemKind.NotFound => 404,
        ProblemKind.Denied => 403,
        _ => 422,
    };

    /// <summary>A service's problem as problem details: the status its kind means, its stable code, its Chinese message.</summary>
    public static IResult Problem(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return ApiProblems.Problem(Status(problem.Kind), problem.Code, problem.Message);
    }

    public static IResult Invalid(string code, string detail) => ApiProblems.Problem(400, code, detail);

    /// <summary>A date parameter (YYYY-MM-DD); empty: today in the offices' time zone.</summary>
    public static bool TryDate(string? text, string name, TrackingClockSource clock, out DateOnly date, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(clock);
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            date = clock.Today();
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        problem = Invalid("PL-Q02", $"参数 {name} 的值“{text}”不是日期：请写成 2024-07-10");
        return false;
    }

    /// <summary>A state parameter (done, ahead, on_schedule, behind, overdue, not_reported, no_deadline, or the Chinese name).</summary>
    public static bool TryState(string? text, out TrackingState? state, out IResult? problem)
    {
        problem = null;
        state = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TrackingStates.TryParse(text.Trim(), out var parsed))
        {
            state = parsed;
            return true;
        }

        problem = Invalid("PL-Q03", $"参数 state 的值“{text}”不是状态：可用 {string.Join("、", TrackingStates.All.Select(s => $"{s.Code()}（{s.Chinese()}）"))}");
        return false;
    }
}
