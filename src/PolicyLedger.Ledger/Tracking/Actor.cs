namespace PolicyLedger.Ledger.Tracking;

/// <summary>What a person may do: admin | supervisor | reporter | viewer (the rules are in <see cref="Permissions"/> and docs/tracking.md).</summary>
public enum ActorRole
{
    Admin,
    Supervisor,
    Reporter,
    Viewer,
}

/// <summary>
/// The person a service acts for. Services never find out who is acting themselves: the host (CLI, web) says, and
/// the services check what this person may do.
/// </summary>
/// <param name="Name">Who (written to the audit log and on reports).</param>
/// <param name="UnitKeys">The units a reporter reports for (unit keys, 青石新区/财政局); empty for other roles.</param>
/// <param name="Jurisdictions">The jurisdictions the person supervises or sees; empty: every jurisdiction of the ledger.</param>
public sealed record Actor(string Name, ActorRole Role, IReadOnlyList<string> UnitKeys, IReadOnlyList<string> Jurisdictions)
{
    /// <summary>The CLI's default: a local administrator, named by --by, $POLICYLEDGER_USER or the OS user.</summary>
    public static Actor LocalAdmin(string name) => new(name, ActorRole.Admin, [], []);

    public bool Sees(string jurisdiction) => Jurisdictions.Count == 0 || Jurisdictions.Contains(jurisdiction, StringComparer.Ordinal);

    public bool ReportsFor(string unitKey) => Role is ActorRole.Admin or ActorRole.Supervisor || UnitKeys.Contains(unitKey, StringComparer.Ordinal);

    /// <summary>admin, supervisor, reporter, viewer (or 管理员, 督办, 填报, 查看).</summary>
    public static ActorRole? ParseRole(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "admin" or "管理员" => ActorRole.Admin,
        "supervisor" or "督办" => ActorRole.Supervisor,
        "reporter" or "填报" => ActorRole.Reporter,
        "viewer" or "查看" => ActorRole.Viewer,
        _ => null,
    };
}

/// <summary>What a service is asked to do, for the permission check.</summary>
public enum TrackingAction
{
    /// <summary>status: items and their states.</summary>
    ViewStatus,

    /// <summary>bulletin (通报).</summary>
    WriteBulletin,

    /// <summary>export of the 台账 with progress and state.</summary>
    ExportLedger,

    /// <summary>export of a unit's report form.</summary>
    ExportForm,

    /// <summary>progress add / a filled form's rows.</summary>
    Report,

    /// <summary>list the cadences.</summary>
    ViewCadence,

    /// <summary>override or clear a document's cadence.</summary>
    ChangeCadence,

    /// <summary>read the audit log.</summary>
    ViewAudit,

    /// <summary>save or clear the default scope of supervision.</summary>
    ChangeSettings,

    /// <summary>review: the queue of items to check, the corrections and their states, their export.</summary>
    Review,

    /// <summary>correct an item, revert its corrections, mark it checked, import a correction file.</summary>
    Correct,

    /// <summary>import documents (the web application's upload).</summary>
    ImportDocuments,

    /// <summary>compare whole documents of the ledger (对比): every item of each, whatever its unit.</summary>
    CompareDocuments,

    /// <summary>the benefit finder (惠企测算): what an applicant's profile is entitled to under the rules of the measures.</summary>
    FindBenefits,
}

/// <summary>
/// The permission rules, in one place, checked by the services (so a command and a web endpoint cannot disagree):
///
/// | action | admin | supervisor | reporter | viewer |
/// |---|---|---|---|---|
/// | ViewStatus, ViewCadence | yes | own jurisdictions | items of own units | own jurisdictions |
/// | WriteBulletin, ExportLedger, CompareDocuments | yes | own jurisdictions | no | own jurisdictions |
/// | ExportForm, Report | yes | own jurisdictions, any unit | own units only | no |
/// | ChangeCadence | yes | own jurisdictions | no | no |
/// | ViewAudit | yes | yes | no | no |
/// | ChangeSettings | yes | no | no | no |
/// | Review | yes | own jurisdictions | no | own jurisdictions |
/// | Correct | yes | own jurisdictions | no | no |
/// | ImportDocuments | yes | yes | no | no |
/// | FindBenefits | yes | yes | no | yes |
///
/// "Own jurisdictions" is <see cref="Actor.Jurisdictions"/> (empty: all). Data outside them is not shown; asking
/// for it by scope is a denial.
/// </summary>
public static class Permissions
{
    public static Problem? Check(Actor actor, TrackingAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = (actor.Role, action) switch
        {
            (ActorRole.Admin, _) => true,
            (ActorRole.Supervisor, not TrackingAction.ChangeSettings) => true,
            (ActorRole.Reporter, TrackingAction.ViewStatus or TrackingAction.ViewCadence or TrackingAction.ExportForm or TrackingAction.Report) => true,
            (ActorRole.Viewer, TrackingAction.ViewStatus or TrackingAction.ViewCadence or TrackingAction.WriteBulletin or TrackingAction.ExportLedger or TrackingAction.Review or TrackingAction.CompareDocuments or TrackingAction.FindBenefits) => true,
            _ => false,
        };
        return allowed ? null : Problems.Denied(actor, action);
    }

    /// <summary>Whether the actor sees an item: its jurisdiction is theirs, and for a reporter one of its units is theirs.</summary>
    public static bool Sees(Actor actor, TrackedItem item)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        return actor.Sees(item.Jurisdiction) && (actor.Role != ActorRole.Reporter || item.Units.Any(u => actor.UnitKeys.Contains(u.Key, StringComparer.Ordinal)));
    }

    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Admin => "管理员",
        ActorRole.Supervisor => "督办人员",
        ActorRole.Reporter => "填报人员",
        _ => "查看人员",
    };

    public static string ActionName(TrackingAction action) => action switch
    {
        TrackingAction.ViewStatus => "查看进展状态",
        TrackingAction.WriteBulletin => "生成通报",
        TrackingAction.ExportLedger => "导出台账",
        TrackingAction.ExportForm => "导出填报表",
        TrackingAction.Report => "报送进展",
        TrackingAction.ViewCadence => "查看报送频次",
        TrackingAction.ChangeCadence => "修改报送频次",
        TrackingAction.ViewAudit => "查看审计日志",
        TrackingAction.Review => "查看校对",
        TrackingAction.Correct => "校对事项",
        TrackingAction.ImportDocuments => "导入文件",
        TrackingAction.CompareDocuments => "对比文件",
        TrackingAction.FindBenefits => "惠企政策测算",
        _ => "修改账本设置",
    };
}
