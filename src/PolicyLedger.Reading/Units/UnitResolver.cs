using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>
/// Resolves unit mentions, as written in responsibility clauses, to units of a jurisdiction. Stateless apart from its
/// alias table and a cache of jurisdiction profiles: one instance serves any number of documents and threads.
/// </summary>
/// <remarks>
/// The rules, in the order they apply to one mention (docs/units.md walks them with examples):
/// clean the text; split off a closing bracketed second name; the user's alias; collectives (各…, …有关部门, generic
/// 镇人民政府); the jurisdiction prefix (市, 区, 示范区, 焦作市 — or the one carried from an earlier mention of the
/// clause); party organs (市委组织部, 团市委); then the kind by the name's words and the canonical name by the tables of
/// <see cref="UnitNames"/>.
/// </remarks>
public sealed partial class UnitResolver
{
    private readonly AliasTable _aliases;
    private readonly ConcurrentDictionary<string, JurisdictionProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Names the built-in rules and tables. It changes whenever a change to them can change a key, a name or a kind,
    /// so a ledger that stores resolved units knows to re-resolve (together with a fingerprint of the alias file).
    /// </summary>
    public const string RulesVersion = "units-2";

    public UnitResolver(AliasTable? aliases = null)
    {
        _aliases = aliases ?? AliasTable.Empty;
    }

    public AliasTable Aliases => _aliases;

    /// <summary>The jurisdiction of a document (济源, 焦作, 中站区 …); empty when neither issuer nor title names one.</summary>
    public string JurisdictionOf(PolicyDocument doc) => Jurisdictions.Of(doc);

    /// <summary>What the resolver knows of a jurisdiction, the alias file's settings included.</summary>
    public JurisdictionProfile ProfileOf(string jurisdiction) =>
        _profiles.GetOrAdd(jurisdiction ?? string.Empty, j =>
        {
            var settings = _aliases.SettingsFor(j);
            return Jurisdictions.Profile(j, settings?.Parent, settings?.Prefixes);
        });

    /// <summary>Resolves one mention on its own.</summary>
    public UnitRef Resolve(string jurisdiction, string mention) => ResolveClause(jurisdiction, [mention])[0];

    /// <summary>
    /// Resolves the mentions of one responsibility clause, in the order written: a jurisdiction prefix (区财政局、商务局)
    /// and the 各 of a list (各开发区管理办公室、镇人民政府) carry to the bare mentions after them.
    /// </summary>
    public IReadOnlyList<UnitRef> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        ExplainClause(jurisdiction, mentionsInOrder).Select(r => r.Unit).ToArray();

    /// <summary>
    /// Resolves the units of an item's responsibility clause, in the order written (lead, responsible, cooperating as
    /// the clause gives them): one <see cref="ResolvedRole"/> per <see cref="PolicyItem.Roles"/> entry, with its span.
    /// </summary>
    public IReadOnlyList<ResolvedRole> ResolveItem(string jurisdiction, PolicyItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var explained = ExplainClause(jurisdiction, item.Roles.Select(r => r.Mention).ToArray());
        return item.Roles.Select((r, i) => new ResolvedRole(r, explained[i])).ToArray();
    }

    /// <summary>As <see cref="ResolveClause"/>, with what each mention carried and whether an alias decided it.</summary>
    public IReadOnlyList<ResolvedMention> ExplainClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder)
    {
        ArgumentNullException.ThrowIfNull(mentionsInOrder);
        var profile = ProfileOf(jurisdiction);
        var carry = new Carry(null, null);
        var results = new List<ResolvedMention>(mentionsInOrder.Count);
        foreach (var mention in mentionsInOrder)
        {
            var (resolved, next) = ResolveOne(profile, mention ?? string.Empty, carry);
            results.Add(resolved);
            carry = next;
        }

        return results;
    }

    /// <summary>What a mention passes on to the bare mentions after it: a scope other than the document's own, and a quantifier (各, 有关).</summary>
    private sealed record Carry(Scope? Scope, string? Quantifier);

    /// <summary>Whose unit a prefix says it is: the jurisdiction, the prefix as written, and the party mark for its level.</summary>
    private sealed record Scope(string Jurisdiction, string Prefix, string PartyMark);

    private (ResolvedMention, Carry) ResolveOne(JurisdictionProfile profile, string mention, Carry carry)
    {
        var clean = MentionText.Clean(mention);
        var (main, second) = MentionText.SplitSecondName(clean);
        var (builtIn, carried, next) = BuiltIn(profile, main, carry);

        // The user's word first: for the mention as written, then for the unit the rules found (in its own jurisdiction,
        // so an alias of 新乡's units applies to 市税务局 in a 红旗区 document too).
        if ((_aliases.Find(profile.Name, clean) ?? _aliases.Find(profile.Name, main)) is { } direct)
        {
            return (new ResolvedMention(mention, FromAlias(profile, direct), second, carried, true), next);
        }

        var unitProfile = builtIn.Jurisdiction == profile.Name ? profile : ProfileOf(builtIn.Jurisdiction);
        var byName = _aliases.Find(unitProfile.Name, builtIn.Name) ?? _aliases.Find(unitProfile.Name, ShortOf(builtIn))
                     ?? (ReferenceEquals(unitProfile, profile) ? null : _aliases.Find(unitProfile.Name, main));
        if (byName is not null)
        {
            return (new ResolvedMention(mention, FromAlias(unitProfile, byName), second, carried, true), next);
        }

        return (new ResolvedMention(mention, builtIn, second, carried, false) { Recognized = IsRecognized(builtIn) }, next);
    }

    private static bool IsRecognized(UnitRef unit) => unit.Kind switch
    {
        UnitKind.Department => UnitNames.IsKnownDepartment(unit.Name),
        UnitKind.Other => false,
        _ => true,
    };

    private static string ShortOf(UnitRef unit) => unit.Key[(unit.Key.IndexOf('/') + 1)..];

    private UnitRef FromAlias(JurisdictionProfile profile, AliasEntry entry)
    {
        var target = entry.Jurisdiction is { Length: > 0 } j ? ProfileOf(j) : profile;
        var (unit, _, _) = BuiltIn(target, MentionText.SplitSecondName(MentionText.Clean(entry.Name)).Main, new Carry(null, null));
        return entry.Kind is { } kind ? unit with { Kind = kind } : unit;
    }

    private static (UnitRef Unit, string? Carried, Carry Next) BuiltIn(JurisdictionProfile profile, string text, Carry carry)
    {
        if (text.Length == 0)
        {
            return (Make(profile.Name, "（空）", UnitKind.Other), null, carry);
        }

        // Collectives: 各县（市、区）政府, 市政府有关部门, 镇人民政府 (with the 各 of the list), 消防大队等…部门.
        if (Collective(profile, text, carry) is { } collective)
        {
            return collective;
        }

        // The jurisdiction prefix: written, or carried from the mention before.
        var (scope, rest) = ReadScope(profile, text);
        string? carried = null;
        var next = carry;
        if (scope is not null)
        {
            next = carry with { Scope = scope.Jurisdiction == profile.Name ? null : scope };
        }
        else if (carry.Scope is { } carriedScope && CanCarryScope(rest))
        {
            scope = carriedScope;
            carried = carriedScope.Prefix;
        }

        var jurisdiction = scope?.Jurisdiction ?? profile.Name;
        var partyMark = scope?.PartyMark ?? profile.PartyMark;

        // Party organs: 市委组织部, 示范区党工委组织部, 团市委, and bare 宣传部 / 市委编办.
        var ownMarks = scope is null || scope.Jurisdiction == profile.Name ? profile.OwnPartyMarks : [];
        if (Party(rest, partyMark, scope is not null, ownMarks) is { } party)
        {
            return (Make(jurisdiction, party, UnitKind.PartyOrgan), carried, next);
        }

        // The government itself (市政府, 焦作市人民政府); named places below it (义马市政府) are governments by their words.
        var normalizedGov = UnitNames.NormalizeGovernmentWords(rest);
        if (normalizedGov == "人民政府")
        {
            return (Make(jurisdiction, "人民政府", UnitKind.Government), carried, next);
        }

        var kind = UnitNames.KindOf(rest);
        switch (kind)
        {
            case UnitKind.MassOrganization:
                return (Make(jurisdiction, UnitNames.MassOrganizationName(rest) ?? rest, kind), carried, next);
            case UnitKind.Department:
            {
                var core = rest.StartsWith("政府", StringComparison.Ordinal) && rest.Length > 2 && UnitNames.DepartmentFullName(rest) is null
                           && UnitNames.DepartmentFullName(rest[2..]) is not null
                    ? rest[2..]
                    : rest;
                core = core.Replace("管委会", "管理委员会", StringComparison.Ordinal);
                return (Make(jurisdiction, UnitNames.DepartmentFullName(core) ?? core, kind), carried, next);
            }

            case UnitKind.OutsideBody:
            {
                // A city's own court (市法院) is its intermediate court.
                var name = OutsideName(rest);
                if (name is "人民法院" && scope is { Prefix: "市" } && ProfileLevel(profile, jurisdiction) == JurisdictionLevel.City)
                {
                    name = "中级人民法院";
                }

                return (Make(jurisdiction, name, kind, compact: false), carried, next);
            }
            case UnitKind.Company:
                return (Make(jurisdiction, CompanyName(rest), kind, compact: false), carried, next);
            case UnitKind.Government:
                return (Make(jurisdiction, normalizedGov, kind, compact: false), carried, next);
            default:
                // A school or academy keeps a place name that opens it (济源职业技术学院); only 市 / 区 prefixes go (市科学院).
                var written = scope is { Prefix.Length: >= 2 } && scope.Prefix is not ("示范区" or "全市" or "全区" or "全县") ? text : rest;
                return (Make(jurisdiction, written, kind, compact: false), carried, next);
        }
    }

    private static JurisdictionLevel ProfileLevel(JurisdictionProfile profile, string jurisdiction) =>
        jurisdiction == profile.Name ? profile.Level : Jurisdictions.Profile(jurisdiction).Level;

    private static UnitRef Make(string jurisdiction, string name, UnitKind kind, bool compact = true) =>
        new($"{jurisdiction}/{(compact ? MentionText.Compact(name) : name)}", name, jurisdiction, kind);

    /// <summary>A carried prefix reaches a bare name of a department, party organ, mass organization or vertically managed office,
    /// never a company or a named place.</summary>
    private static bool CanCarryScope(string rest)
    {
        var kind = UnitNames.KindOf(rest);
        return kind is UnitKind.Department or UnitKind.PartyOrgan or UnitKind.MassOrganization
            || (kind == UnitKind.OutsideBody && !PlaceInside().IsMatch(rest))
            || UnitNames.PartyOrganName(rest) is not null;
    }

    private static (UnitRef, string?, Carry)? Collective(JurisdictionProfile profile, string text, Carry carry)
    {
        string? quantifier = null;
        var body = text;
        if (body.StartsWith('各'))
        {
            (quantifier, body) = ("各", body[1..]);
        }
        else if (body.StartsWith("有关", StringComparison.Ordinal) || body.StartsWith("相关", StringComparison.Ordinal))
        {
            (quantifier, body) = ("有关", body[2..]);
        }

        // A generic body after a jurisdiction prefix: 市直各部门 is handled below; 区各镇 is rare and read as written.
        if (UnitNames.IsGenericBody(body))
        {
            // Only 各 reads across a list; 有关 / 相关 qualifies its own mention (相关镇人民政府、街道办事处: the second is 各街道办事处).
            var q = quantifier ?? "各";
            var name = q + UnitNames.NormalizeGovernmentWords(body);
            var carried = quantifier is null && carry.Quantifier is not null ? carry.Quantifier : null;
            return (Make(profile.Name, name, UnitKind.Collective, compact: false), carried, carry with { Quantifier = quantifier == "各" ? "各" : carry.Quantifier });
        }

        var whole = quantifier is null ? text : quantifier + body;
        if (quantifier is not null || CollectiveInside().IsMatch(whole))
        {
            var name = CollectiveWords().Replace(whole, "有关");
            name = UnitNames.NormalizeGovernmentWords(name);
            return (Make(profile.Name, name, UnitKind.Collective, compact: false), null, carry with { Quantifier = quantifier == "各" ? "各" : carry.Quantifier });
        }

        return null;
    }

    private static (Scope? Scope, string Remainder) ReadScope(JurisdictionProfile profile, string text)
    {
        if (UnitNames.IsKnownWhole(text) || text.StartsWith("市场", StringComparison.Ordinal))
        {
            return (null, text);
        }

        foreach (var prefix in profile.SelfPrefixes)
        {
            if (text.Length > prefix.Length + 1 && text.StartsWith(prefix, StringComparison.Ordinal) && Plausible(text[prefix.Length..]))
            {
                return (new Scope(profile.Name, prefix, profile.PartyMark), text[prefix.Length..]);
            }
        }

        if (profile.Level is JurisdictionLevel.District or JurisdictionLevel.County)
        {
            var parent = profile.ParentOrPlaceholder;
            foreach (var prefix in new[] { parent + "市", parent, "市" }.Distinct())
            {
                if (text.Length > prefix.Length + 1 && text.StartsWith(prefix, StringComparison.Ordinal) && Plausible(text[prefix.Length..]))
                {
                    return (new Scope(parent, prefix, "市委"), text[prefix.Length..]);
                }
            }
        }

        if (profile.Level != JurisdictionLevel.Province)
        {
            foreach (var prefix in new[] { profile.Province + "省", "省" })
            {
                if (text.Length > prefix.Length + 1 && text.StartsWith(prefix, StringComparison.Ordinal) && Plausible(text[prefix.Length..])
                    && UnitNames.KindOf(text[prefix.Length..]) is UnitKind.Department or UnitKind.MassOrganization
                    || text.StartsWith(prefix + "委", StringComparison.Ordinal))
                {
                    return (new Scope(profile.Province, prefix, "省委"), text[prefix.Length..]);
                }
            }
        }

        return (null, text);
    }

    /// <summary>Whether what follows a prefix can be a name on its own (市场监管局 is not 市 + 场监管局).</summary>
    private static bool Plausible(string rest) =>
        rest.Length >= 2 && !rest.StartsWith('场') && !rest.StartsWith('级') && !rest.StartsWith('属')
        && !(rest.StartsWith('直') && !rest.StartsWith("直机关", StringComparison.Ordinal) && !rest.StartsWith("直属机关", StringComparison.Ordinal));

    private static string? Party(string rest, string partyMark, bool hadScope, IReadOnlyList<string> ownMarks)
    {
        var text = rest.StartsWith("中共", StringComparison.Ordinal) ? rest[2..] : rest;
        foreach (var mark in ownMarks)
        {
            if (text.StartsWith(mark, StringComparison.Ordinal) && text.Length > mark.Length)
            {
                return partyMark + (UnitNames.PartyOrganName(text[mark.Length..]) ?? text[mark.Length..]);
            }
        }

        if (text.StartsWith("党工委", StringComparison.Ordinal) && text.Length > 3)
        {
            return "党工委" + (UnitNames.PartyOrganName(text[3..]) ?? text[3..]);
        }

        if (text.StartsWith('委') && text.Length > 1 && hadScope)
        {
            var organ = text[1..];
            return partyMark + (UnitNames.PartyOrganName(organ) ?? organ);
        }

        if (text is "委" && hadScope)
        {
            return partyMark;
        }

        if (text is "市委" or "区委" or "县委" or "省委" or "党工委")
        {
            return ownMarks.Contains(text) ? partyMark : text;
        }

        if (YouthLeague().IsMatch(text))
        {
            return text;
        }

        if (UnitNames.PartyOrganName(text) is { } bare && bare != "办公室")
        {
            // 纪委 and the working committee of the organs are written with the level, not the committee: 市纪委监委, 市直属机关工作委员会.
            return bare.StartsWith("纪委", StringComparison.Ordinal) || bare.StartsWith("直属", StringComparison.Ordinal)
                ? partyMark[..^1] + bare
                : partyMark + bare;
        }

        return null;
    }

    private static string OutsideName(string rest)
    {
        var s = rest;
        if (s.StartsWith("人行", StringComparison.Ordinal))
        {
            s = "中国人民银行" + s[2..];
        }
        else if (s.StartsWith("人民银行", StringComparison.Ordinal))
        {
            s = "中国" + s;
        }

        s = CentralBankBranch().Replace(s, m => $"{m.Groups["head"].Value}{m.Groups["place"].Value}市中心支行");
        s = s.Replace("中级法院", "中级人民法院", StringComparison.Ordinal);
        foreach (var (written, full) in new[] { ("法院", "人民法院"), ("检察院", "人民检察院") })
        {
            if (s.EndsWith(written, StringComparison.Ordinal) && !s.EndsWith(full, StringComparison.Ordinal))
            {
                s = s[..^written.Length] + full;
            }
        }

        return s;
    }

    private static string CompanyName(string rest)
    {
        foreach (var suffix in new[] { "股份有限公司", "有限责任公司", "有限公司" })
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal) && rest.Length > suffix.Length)
            {
                var core = rest[..^suffix.Length];
                return core.EndsWith("集团", StringComparison.Ordinal) || core.EndsWith("公司", StringComparison.Ordinal) ? core : core + "公司";
            }
        }

        return rest;
    }

    [GeneratedRegex("^团(?:[\\p{IsCJKUnifiedIdeographs}]{0,4}?)?(?:市|区|县|省)?委$")]
    private static partial Regex YouthLeague();

    [GeneratedRegex("^(?<head>中国人民银行)(?<place>[\\p{IsCJKUnifiedIdeographs}]{2,4}?)(?<!市)中心支行$")]
    private static partial Regex CentralBankBranch();

    [GeneratedRegex("有关|相关|各|等|成员单位|(部门|单位|机构|企业)$")]
    private static partial Regex CollectiveInside();

    [GeneratedRegex("各有关|各相关|相关")]
    private static partial Regex CollectiveWords();

    [GeneratedRegex("[\\p{IsCJKUnifiedIdeographs}]{2,}(市|县|区)")]
    private static partial Regex PlaceInside();
}
