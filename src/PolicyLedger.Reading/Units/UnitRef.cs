using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>What kind of body a unit is. Documented with examples in docs/units.md.</summary>
public enum UnitKind
{
    /// <summary>A working department or public institution of a government: 财政局, 发展和改革委员会, 住房保障中心, 市政府办公室.</summary>
    Department,

    /// <summary>Several units named as a group: 各县（市、区）人民政府, 各镇人民政府, 市政府有关部门, 各金融机构, 市管国有企业.</summary>
    Collective,

    /// <summary>A body outside the local government: central-bank branches, regulators, customs, courts, tax, vertically managed offices.</summary>
    OutsideBody,

    /// <summary>A company or group: 某某投资集团有限公司, 市城建集团, 某某供电公司.</summary>
    Company,

    /// <summary>An organ of the Party: 市委组织部, 市委政法委, 市委编办, 团市委.</summary>
    PartyOrgan,

    /// <summary>A people's government or its dispatched body: 某某市人民政府, 某某镇人民政府, 某某街道办事处, 开发区管理办公室.</summary>
    Government,

    /// <summary>Anything else: schools, research academies, coordination offices (领导小组办公室, 指挥部办公室), 供销社.</summary>
    Other,

    /// <summary>A mass organization (人民团体): 总工会, 妇联, 残联, 工商联, 科协.</summary>
    MassOrganization,
}

/// <summary>
/// The unit a mention resolves to.
/// </summary>
/// <param name="Key">
/// Stable id: <c>Jurisdiction/ShortName</c>, where the short name is the canonical name with 和 removed and a closing
/// 委员会 written 委 (the form of 规范简称: 发展改革委, 人力资源社会保障局), so "某某/发展改革和统计局" is "某某/发展改革统计局".
/// Two mentions are the same unit exactly when their keys are equal.
/// </param>
/// <param name="Name">Canonical display name, without the jurisdiction: 人力资源和社会保障局, 中国人民银行某某市中心支行.</param>
/// <param name="Jurisdiction">The jurisdiction the unit belongs to: 某某, 某某区 (the document's, or the one the mention names).</param>
/// <param name="Kind">What kind of body it is.</param>
public sealed record UnitRef(string Key, string Name, string Jurisdiction, UnitKind Kind)
{
    /// <summary>Units are equal when their keys are: two spellings of one unit may carry different display names.</summary>
    public bool Equals(UnitRef? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => $"{Key} ({Kind})";
}

/// <summary>One mention and what it resolved to, with what the resolver saw on the way.</summary>
/// <param name="Mention">The mention as written.</param>
/// <param name="Unit">The unit it resolves to.</param>
/// <param name="SecondName">A second name given in brackets after the name: 商务局 in 发展改革和统计局（商务局）.</param>
/// <param name="Carried">What the mention took from the mentions before it in its clause (a prefix such as 市, or 各), if anything.</param>
/// <param name="FromAlias">True where the user's alias file decided the resolution.</param>
public sealed record ResolvedMention(string Mention, UnitRef Unit, string? SecondName, string? Carried, bool FromAlias)
{
    /// <summary>
    /// False where the resolver knew the name by none of its tables or patterns (a department it has not seen, a body of
    /// kind Other): worth a look, and an entry in the alias file if it is one unit under two names.
    /// </summary>
    public bool Recognized { get; init; } = true;

    /// <summary>
    /// Set where the mention is no organisation's name (a verb phrase, a title in 《》, figures, a piece of a sentence):
    /// the ledger makes no unit of it. <see cref="Unit"/> then only names the mention.
    /// </summary>
    public NotAUnitReason? NotAUnit { get; init; }

    public bool IsUnit => NotAUnit is null;
}

/// <summary>A role mention of an item (with its span in the source) and what it resolved to.</summary>
public sealed record ResolvedRole(RoleMention Role, ResolvedMention Resolution)
{
    public UnitRef Unit => Resolution.Unit;
}
