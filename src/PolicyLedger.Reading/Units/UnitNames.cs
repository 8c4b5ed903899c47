namespace PolicyLedger.Reading.Units;

/// <summary>
/// Knowledge of unit names: the lexicon of Data/names.yaml (the usual full names of government departments, the
/// short names written for them, and the words that tell a unit's kind) and the endings that tell a body's kind
/// (grammar, kept here). Lookups only; <see cref="UnitResolver"/> applies them.
/// </summary>
internal static class UnitNames
{
    private static readonly UnitLexicon Lexicon = BuiltInData.Names;

    /// <summary>Full names of the usual departments of a city or district government (Data/names.yaml). A name written without 和
    /// or with 委 for 委员会 finds its full name here through <see cref="MentionText.Compact"/>.</summary>
    private static readonly IReadOnlyList<string> DepartmentNames = Lexicon.Departments;

    /// <summary>Short names whose full name is not found by removing 和 (人社局, 发改委, 卫健委 …).</summary>
    private static readonly IReadOnlyDictionary<string, string> Abbreviations = Lexicon.Abbreviations;

    private static readonly HashSet<string> AbbreviationTargets = [.. Lexicon.Abbreviations.Values];

    /// <summary>Organs of the Party, named without their committee mark (组织部 of 市委组织部).</summary>
    private static readonly IReadOnlyDictionary<string, string> PartyOrgans = Lexicon.PartyOrgans;

    /// <summary>Mass organizations (人民团体), short name → full name.</summary>
    private static readonly IReadOnlyDictionary<string, string> MassOrganizations = Lexicon.MassOrganizations;

    /// <summary>Words that mark a body outside the local government (vertically managed, judicial, financial regulators).</summary>
    private static readonly IReadOnlyList<string> OutsideMarks = Lexicon.OutsideBodyMarks;

    private static readonly IReadOnlyList<string> CompanyMarks = Lexicon.CompanyMarks;

    private static readonly IReadOnlyList<string> OtherMarks = Lexicon.OtherMarks;

    /// <summary>Generic names of the bodies below a government: written without a place, they mean all of them.</summary>
    private static readonly HashSet<string> GenericBodies = [.. Lexicon.GenericBodies];

    /// <summary>Words that close a government's or its dispatched body's name. Grammar, not lexicon: they stay here.</summary>
    private static readonly string[] GovernmentEnds =
    [
        "人民政府", "政府", "街道办事处", "管理委员会", "管委会", "开发区管理办公室", "区管理办公室", "开发区", "示范区",
        "集聚区", "新区", "园区",
    ];

    private static readonly string[] DepartmentEnds =
    [
        "局", "委", "委员会", "办", "办公室", "室", "中心", "厅", "署", "站", "所", "队", "处", "科", "院", "馆", "部",
    ];

    private static readonly Dictionary<string, (string Full, UnitKind Kind)> ByCompact = BuildCompactIndex();

    private static Dictionary<string, (string, UnitKind)> BuildCompactIndex()
    {
        var index = new Dictionary<string, (string, UnitKind)>(StringComparer.Ordinal);
        foreach (var name in DepartmentNames)
        {
            index.TryAdd(MentionText.Compact(name), (name, UnitKind.Department));
        }

        return index;
    }

    /// <summary>Whether the whole text is a department name as it stands, so a leading 市 in it is no prefix (市场监管局).</summary>
    public static bool IsKnownWhole(string text) =>
        Abbreviations.ContainsKey(text) || ByCompact.ContainsKey(MentionText.Compact(text)) ||
        MassOrganizations.ContainsKey(text);

    public static bool IsGenericBody(string text) => GenericBodies.Contains(NormalizeGovernmentWords(text));

    /// <summary>政府 → 人民政府, 管委会 → 管理委员会, so that short and long forms of these words compare equal.</summary>
    public static string NormalizeGovernmentWords(string text)
    {
        var s = text.Replace("管委会", "管理委员会", StringComparison.Ordinal);
        if (s.EndsWith("政府", StringComparison.Ordinal) && !s.EndsWith("人民政府", StringComparison.Ordinal))
        {
            s = s[..^2] + "人民政府";
        }

        return s;
    }

    /// <summary>The full name of a department written in any usual form, or null when it is not known.</summary>
    public static string? DepartmentFullName(string core)
    {
        if (Abbreviations.TryGetValue(core, out var full))
        {
            return full;
        }

        return ByCompact.TryGetValue(MentionText.Compact(core), out var hit) ? hit.Full : null;
    }

    /// <summary>Whether a canonical department name is one of the tables' full names.</summary>
    public static bool IsKnownDepartment(string name) =>
        ByCompact.TryGetValue(MentionText.Compact(name), out var hit) && hit.Full == name || AbbreviationTargets.Contains(name);

    public static string? PartyOrganName(string core) => PartyOrgans.TryGetValue(core, out var n) ? n : null;

    public static string? MassOrganizationName(string core) => MassOrganizations.TryGetValue(core, out var n) ? n : null;

    /// <summary>The kind a name tells by its words. Collectives and party organs are recognized before this.</summary>
    public static UnitKind KindOf(string name)
    {
        if (MassOrganizations.ContainsKey(name))
        {
            return UnitKind.MassOrganization;
        }

        if (DepartmentFullName(name) is not null)
        {
            return UnitKind.Department;
        }

        if (OutsideMarks.Any(m => name.Contains(m, StringComparison.Ordinal)) && !name.EndsWith("公司", StringComparison.Ordinal))
        {
            return UnitKind.OutsideBody;
        }

        if (CompanyMarks.Any(m => name.Contains(m, StringComparison.Ordinal)))
        {
            return UnitKind.Company;
        }

        if (OtherMarks.Any(m => name.Contains(m, StringComparison.Ordinal)))
        {
            return UnitKind.Other;
        }

        if (GovernmentEnds.Any(e => name.EndsWith(e, StringComparison.Ordinal)) || name.EndsWith('区'))
        {
            return UnitKind.Government;
        }

        return DepartmentEnds.Any(e => name.EndsWith(e, StringComparison.Ordinal)) ? UnitKind.Department : UnitKind.Other;
    }
}
