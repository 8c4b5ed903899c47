using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Units;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Units;

/// <summary>
/// The simplest resolution: each distinct mention within a jurisdiction is its own unit (no prefix carrying, no
/// aliases), and the jurisdiction is the issuer without its organ suffix. A mention that is no organisation's name
/// (<see cref="MentionShape"/>) is marked, as the resolver marks it. Used until the resolver of
/// <c>PolicyLedger.Reading.Units</c> is wired in, and as a fallback.
/// </summary>
public sealed class MentionUnitResolution : IUnitResolution
{
    private static readonly string[] OrganSuffixes = ["人民政府办公室", "人民政府", "管理委员会", "管委会", "办公室"];

    public string Fingerprint => "mention-v1";

    public string JurisdictionOf(PolicyDocument document)
    {
        var issuer = document.Issuer?.Value;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            return "（未知）";
        }

        foreach (var suffix in OrganSuffixes)
        {
            var at = issuer.IndexOf(suffix, StringComparison.Ordinal);
            if (at > 0)
            {
                return issuer[..at];
            }
        }

        return issuer;
    }

    public IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        mentionsInOrder.Select(m => new ResolvedUnit($"{jurisdiction}/{m}", m, jurisdiction, KindOf(m), MentionShape.Check(m))).ToList();

    /// <summary>A guess from the name's wording.</summary>
    public static UnitKind KindOf(string name)
    {
        if (name.StartsWith('各') || name.Contains("相关", StringComparison.Ordinal) || name.Contains('等'))
        {
            return UnitKind.Collective;
        }

        if (name.Contains("公司", StringComparison.Ordinal) || name.Contains("集团", StringComparison.Ordinal) || name.EndsWith("银行", StringComparison.Ordinal))
        {
            return UnitKind.Company;
        }

        if (name.StartsWith("市委", StringComparison.Ordinal) || name.StartsWith("区委", StringComparison.Ordinal) || name.StartsWith("县委", StringComparison.Ordinal)
            || name.Contains("党委", StringComparison.Ordinal) || name.EndsWith("组织部", StringComparison.Ordinal) || name.EndsWith("宣传部", StringComparison.Ordinal)
            || name.EndsWith("统战部", StringComparison.Ordinal) || name.Contains("纪委", StringComparison.Ordinal))
        {
            return UnitKind.PartyOrgan;
        }

        if (name.EndsWith("人民政府", StringComparison.Ordinal) || name.EndsWith("办事处", StringComparison.Ordinal))
        {
            return UnitKind.Government;
        }

        if (name.Contains("税务", StringComparison.Ordinal) || name.StartsWith("人行", StringComparison.Ordinal) || name.Contains("支行", StringComparison.Ordinal)
            || name.Contains("海关", StringComparison.Ordinal) || name.Contains("供电", StringComparison.Ordinal) || name.Contains("监管分局", StringComparison.Ordinal)
            || name.Contains("工会", StringComparison.Ordinal) || name.Contains("共青团", StringComparison.Ordinal) || name.StartsWith("团", StringComparison.Ordinal) || name.Contains("妇联", StringComparison.Ordinal))
        {
            return UnitKind.OutsideBody;
        }

        return name.EndsWith('局') || name.EndsWith('委') || name.EndsWith('办') || name.EndsWith("中心", StringComparison.Ordinal) || name.EndsWith("部", StringComparison.Ordinal)
            ? UnitKind.Department
            : UnitKind.Other;
    }
}
