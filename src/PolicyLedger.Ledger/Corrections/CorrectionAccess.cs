using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>
/// The permission rules of the correction services, the same as tracking's (<see cref="Permissions"/>): reviewing
/// (the queue, the list, the export) needs <see cref="TrackingAction.Review"/>, changing (correct, revert, check,
/// import) <see cref="TrackingAction.Correct"/>, and either only for documents of the person's jurisdictions.
/// </summary>
public static class CorrectionAccess
{
    public static CorrectionProblem? Deny(Actor actor, TrackingAction action) =>
        Permissions.Check(actor, action) is { } problem ? new CorrectionProblem(problem.Code, problem.Message) : null;

    public static CorrectionProblem? Outside(Actor actor, string jurisdiction) =>
        actor.Sees(jurisdiction) ? null : Of(Problems.OutsideJurisdiction(actor, jurisdiction));

    private static CorrectionProblem Of(Problem problem) => new(problem.Code, problem.Message);

    /// <summary>Whether a problem is a denial (the CLI exits 3 for it, the web answers 403).</summary>
    public static bool IsDenial(CorrectionProblem problem) => problem.Code.StartsWith("PL-A", StringComparison.Ordinal);
}
