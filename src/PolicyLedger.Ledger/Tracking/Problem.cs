using System.Diagnostics.CodeAnalysis;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// An expected failure of a service, as a value: a stable code, the message in Chinese, and in English. Hosts show
/// one of the two (the CLI with --lang en, the web by the user's language) and map codes to exit codes or HTTP
/// statuses (<see cref="Kind"/>).
/// </summary>
public sealed record Problem(string Code, ProblemKind Kind, string Message, string English)
{
    public string In(bool english) => english ? English : Message;

    public override string ToString() => $"{Code} {Message}";
}

/// <summary>What kind of failure: the host's exit code or HTTP status follows from it.</summary>
public enum ProblemKind
{
    /// <summary>The input is wrong (a bad value, an ambiguous name): exit 2, HTTP 400.</summary>
    Invalid,

    /// <summary>Something named does not exist: exit 2, HTTP 404.</summary>
    NotFound,

    /// <summary>The acting user may not do this: exit 3, HTTP 403.</summary>
    Denied,

    /// <summary>A report or row was refused by the rules: exit 1, HTTP 422.</summary>
    Rejected,
}

/// <summary>A service's answer: a value, or the problem that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public Problem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Ok => Problem is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);

    /// <summary>A value (where T is an interface, which no implicit conversion can take).</summary>
    public static Result<T> From(T value) => new(value, null);
}

/// <summary>The catalogue of the tracking services' problems: one code each (PL-Axx access, PL-Sxx scope, PL-Rxx reports, PL-Dxx data).</summary>
public static class Problems
{
    /// <summary>A jurisdiction as people read it: a document whose issuer names no place has none, said so instead of left blank.</summary>
    public static string JurisdictionName(string jurisdiction, bool english) =>
        !string.IsNullOrWhiteSpace(jurisdiction) ? jurisdiction : english ? "(jurisdiction not known)" : "辖区不明";

    public static Problem Denied(Actor actor, TrackingAction action) => new(
        "PL-A01", ProblemKind.Denied,
        $"{actor.Name}（{Permissions.RoleName(actor.Role)}）无权{Permissions.ActionName(action)}",
        $"{actor.Name} ({actor.Role.ToString().ToLowerInvariant()}) may not {action}");

    public static Problem OutsideJurisdiction(Actor actor, string jurisdiction) => new(
        "PL-A02", ProblemKind.Denied,
        $"{actor.Name} 无权查看或处理{jurisdiction}的事项（可处理：{string.Join("、", actor.Jurisdictions)}）",
        $"{actor.Name} may not see or act on {jurisdiction} (theirs: {string.Join(", ", actor.Jurisdictions)})");

    public static Problem NotYourUnit(Actor actor, string unit) => new(
        "PL-A03", ProblemKind.Denied,
        $"{actor.Name} 只能为本单位报送，不能为{unit}报送",
        $"{actor.Name} reports only for their own units, not for {unit}");

    public static Problem NotYourUnitItems(Actor actor, string unit) => new(
        "PL-A04", ProblemKind.Denied,
        $"{actor.Name} 只能查看本单位的事项，不能查看{unit}的事项",
        $"{actor.Name} sees only their own units' items, not {unit}'s");

    public static Problem UnitAmbiguous(string typed, IEnumerable<(string Name, string Key, string Jurisdiction)> candidates) => new(
        "PL-S01", ProblemKind.Invalid,
        $"单位“{typed}”对应多个单位，请用单位编号或 --jurisdiction 区分：{string.Join("；", candidates.Select(c => $"{c.Name}（{c.Jurisdiction}，编号 {c.Key}）"))}",
        $"unit \"{typed}\" matches several units; give the unit key or --jurisdiction: {string.Join("; ", candidates.Select(c => $"{c.Name} ({c.Jurisdiction}, key {c.Key})"))}");

    public static Problem UnitNotFound(string typed) => new(
        "PL-S02", ProblemKind.NotFound,
        $"没有名称或编号为“{typed}”的单位（units 命令列出各单位及其编号）",
        $"no unit named or keyed \"{typed}\" (the units command lists them)");

    /// <summary>
    /// No lead or responsible unit of the scope's items has that key or name (the unit may exist elsewhere in the ledger,
    /// or only cooperate): said so, rather than that no such unit exists.
    /// </summary>
    public static Problem UnitNotInScope(string typed) => new(
        "PL-S02", ProblemKind.NotFound,
        $"所选范围内没有名称或编号为“{typed}”的牵头或责任单位（units 命令列出各单位及其编号）",
        $"no lead or responsible unit named or keyed \"{typed}\" in the scope (the units command lists them)");

    public static Problem SeveralJurisdictions(IEnumerable<string> jurisdictions) => new(
        "PL-S03", ProblemKind.Invalid,
        $"范围内有多个辖区（{string.Join("、", jurisdictions.Select(j => JurisdictionName(j, english: false)))}），不能合并排名或通报：请用 --jurisdiction 或 --document 指定，或用 scope 命令设置默认范围",
        $"the scope holds several jurisdictions ({string.Join(", ", jurisdictions)}), which are never added up: give --jurisdiction or --document, or save a default with the scope command");

    public static Problem JurisdictionNotFound(string typed, IEnumerable<string> known) => new(
        "PL-S04", ProblemKind.NotFound,
        $"没有辖区“{typed}”；账本中的辖区：{string.Join("、", known.Select(j => JurisdictionName(j, english: false)))}",
        $"no jurisdiction \"{typed}\"; the ledger has: {string.Join(", ", known.Select(j => JurisdictionName(j, english: true)))}");

    public static Problem JurisdictionAmbiguous(string typed, IEnumerable<string> candidates) => new(
        "PL-S05", ProblemKind.Invalid,
        $"辖区“{typed}”对应多个辖区：{string.Join("、", candidates)}，请写全称",
        $"jurisdiction \"{typed}\" matches several: {string.Join(", ", candidates)}; write it in full");

    public static Problem DocumentNotFound(string typed) => new(
        "PL-S06", ProblemKind.NotFound,
        $"没有文号或标题为“{typed}”的现行文件（ledger 命令列出各文件）",
        $"no current document numbered or titled \"{typed}\"");

    public static Problem DocumentAmbiguous(string typed, IEnumerable<string> candidates) => new(
        "PL-S07", ProblemKind.Invalid,
        $"“{typed}”对应多个文件：{string.Join("；", candidates)}，请写完整文号",
        $"\"{typed}\" matches several documents: {string.Join("; ", candidates)}");

    public static Problem ItemNotFound(string message) => new("PL-R01", ProblemKind.NotFound, message, message);

    public static Problem Rejected(string code, string message, string english) => new(code, ProblemKind.Rejected, message, english);

    public static Problem SourceNotFound(long id) => new(
        "PL-D01", ProblemKind.NotFound,
        $"没有编号为 {id} 的来源文件（cadence 命令列出各文件的来源编号）",
        $"no source numbered {id} (the cadence command lists them)");

    public static Problem Invalid(string code, string message, string english) => new(code, ProblemKind.Invalid, message, english);
}
