using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>
/// Resolves unit mentions, as written in responsibility clauses, to units of a jurisdiction. Stateless apart from its
/// data (the built-in places and names, the user's alias table) and a cache of jurisdiction profiles: one instance
/// serves any number of documents and threads; <see cref="ForDocument"/> gives a per-document resolver that remembers
/// what the document wrote in full.
/// </summary>
/// <remarks>
/// The rules, in the order they apply to one mention (docs/units.md walks them with examples):
/// clean the text; a mention that is no organisation's name is marked (<see cref="MentionShape"/>); split off a closing
/// bracketed second name; collectives (各…, …有关部门, generic 镇人民政府); the jurisdiction prefix (市, 区, 新区, the
/// place's name — or the one carried from an earlier mention of the clause); party organs (市委组织部, 团市委); the kind
/// by the name's words and the canonical name by the tables of <see cref="UnitNames"/>; what the document wrote before
/// (a short form of a name written in full); then the user's alias.
/// </remarks>
public sealed partial class UnitResolver
{
    private readonly AliasTable _aliases;
    private readonly Jurisdictions _jurisdictions;
    private readonly ConcurrentDictionary<string, JurisdictionProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Names the built-in rules. It changes whenever a change to them can change a key, a name or a kind, so a ledger
    /// that stores resolved units knows to re-resolve (together with <see cref="DataFingerprint"/> and a fingerprint of
    /// the alias file).
    /// </summary>
    public const string RulesVersion = "units-3";

    /// <summary>A hash of the built-in data (Data/places.yaml and Data/names.yaml).</summary>
    public static string DataFingerprint => BuiltInData.Fingerprint;

    /// <summary>A resolver with the built-in data and, read after it, the user's alias table (which wins where both say something).</summary>
    public UnitResolver(AliasTable? aliases = null)
    {
        _aliases = aliases ?? AliasTable.Empty;
        Places = new PlaceBook(AliasTable.Merge(_aliases.File, [BuiltInData.Places, _aliases]));
        _jurisdictions = new Jurisdictions(Places);
    }

    /// <summary>The user's alias table (without the built-in places).</summary>
    public AliasTable Aliases => _aliases;

    /// <summary>What the built-in data and the user's alias files say about places.</summary>
    public PlaceBook Places { get; }

    /// <summary>The jurisdiction of a document (a city without 市, a district or county with 区 or 县); empty when neither issuer, title nor number says.</summary>
    public string JurisdictionOf(PolicyDocument doc) => PlaceOf(doc).Jurisdiction;

    /// <summary>The place a document comes from, with the places above it that its issuer names.</summary>
    public DocumentPlace PlaceOf(PolicyDocument doc) => _jurisdictions.Of(doc);

    /// <summary>What the resolver knows of a jurisdiction: the built-in data and the alias files' settings included.</summary>
    public JurisdictionProfile ProfileOf(string jurisdiction) =>
        _profiles.GetOrAdd(jurisdiction ?? string.Empty, j => _jurisdictions.Profile(j));

    /// <summary>The profile of a document's jurisdiction, with the places above that its issuer names (某某市某某区 → 某某).</summary>
    public JurisdictionProfile ProfileOf(DocumentPlace place) =>
        place.Above.Count == 0
            ? ProfileOf(place.Jurisdiction)
            : _profiles.GetOrAdd($"{place.Jurisdiction}\u0001{string.Join('\u0001', place.Above)}", _ => _jurisdictions.Profile(place.Jurisdiction, place.Above));

    /// <summary>
    /// A resolver for one document, clause after clause in reading order: what the document names in full
    /// (区交通建设局, 省发展改革委) explains its short forms later (交建局, 发改委). Not thread-safe; one per document.
    /// </summary>
    public DocumentUnits ForDocument(PolicyDocument doc) => new(this, ProfileOf(PlaceOf(doc)));

    /// <summary>As <see cref="ForDocument"/>, for a document of a jurisdiction known by name.</summary>
    public DocumentUnits ForJurisdiction(string jurisdiction) => new(this, ProfileOf(jurisdiction));

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
    public IReadOnlyList<ResolvedMention> ExplainClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        Explain(ProfileOf(jurisdiction), mentionsInOrder, new DocumentMemory());

    /// <summary>Resolves one clause in a profile, remembering (and using) what earlier mentions of the document wrote in full.</summary>
    internal IReadOnlyList<ResolvedMention> Explain(JurisdictionProfile profile, IReadOnlyList<string> mentionsInOrder, DocumentMemory memory)
    {
        ArgumentNullException.ThrowIfNull(mentionsInOrder);
        var carry = new Carry(null, null);
        var results = new List<ResolvedMention>(mentionsInOrder.Count);
        foreach (var mention in mentionsInOrder)
        {
            var (resolved, next) = ResolveOne(profile, mention ?? string.Empty, carry, memory);
            results.Add(resolved);
            carry = next;
        }

        return results;
    }

    /// <summary>What a mention passes on to the bare mentions after it: a scope other than the document's own, and a quantifier (各, 有关).</summary>
    private sealed record Carry(Scope? Scope, string? Quantifier);

    /// <summary>Whose unit a prefix says it is: the jurisdiction and its level, the prefix as written, the party mark for its level, and whether the prefix is a place's name.</summary>
    internal sealed record Scope(string Jurisdiction, JurisdictionLevel Level, string Prefix, string PartyMark, bool IsPlaceName);

    private (ResolvedMention, Carry) ResolveOne(JurisdictionProfile profile, string mention, Carry carry, DocumentMemory memory)
    {
        var clean = MentionText.Clean(mention);
        var (main, second) = MentionText.SplitSecondName(clean);
        if (MentionShape.Check(clean, main) is { } notAUnit && _aliases.Find(profile.Name, clean) is null)
        {
            // Not an organisation's name (a verb phrase, a title in 《》, figures): marked, so that no unit is made of it.
            var unit = Make(profile.Name, clean.Length == 0 ? "（空）" : clean, UnitKind.Other, compact: false);
            return (new ResolvedMention(mention, unit, second, null, false) { Recognized = false, NotAUnit = notAUnit }, carry);
        }

        var (builtIn, carried, next, scope) = BuiltIn(profile, main, carry);
        (builtIn, carried, scope) = Remembered(profile, main, builtIn, carried, scope, carry, memory);

        // The user's word first: for the mention as written, then for the unit the rules found (in its own jurisdiction,
        // so an alias of a city's units applies to 市税务局 in one of its districts' documents too).
        ResolvedMention resolved;
        if ((_aliases.Find(profile.Name, clean) ?? _aliases.Find(profile.Name, main)) is { } direct)
        {
            resolved = new ResolvedMention(mention, FromAlias(profile, direct), second, carried, true);
        }
        else
        {
            var unitProfile = builtIn.Jurisdiction == profile.Name ? profile : ProfileOf(builtIn.Jurisdiction);
            var byName = _aliases.Find(unitProfile.Name, builtIn.Name) ?? _aliases.Find(unitProfile.Name, ShortOf(builtIn))
                         ?? (ReferenceEquals(unitProfile, profile) ? null : _aliases.Find(unitProfile.Name, main));
            resolved = byName is not null
                ? new ResolvedMention(mention, FromAlias(unitProfile, byName), second, carried, true)
                : new ResolvedMention(mention, builtIn, second, carried, false) { Recognized = IsRecognized(builtIn) };
        }

        var rest = scope is null || carried is not null ? main : main[scope.Prefix.Length..];
        memory.Remember(resolved.Unit, carried is null ? scope : null, writtenInFull: carried is null && !IsShortForm(rest, resolved.Unit.Name));
        return (resolved, next);
    }

    /// <summary>
    /// What the document wrote before explains a mention: a short form the tables do not know (交建局) is the unit whose
    /// full name it shortens (区交通建设局, written earlier); a short form without a prefix (发改委) is the unit the
    /// document named in full under another jurisdiction (省发展改革委) when it named it under that one only.
    /// </summary>
    private (UnitRef Unit, string? Carried, Scope? Scope) Remembered(
        JurisdictionProfile profile, string text, UnitRef unit, string? carried, Scope? scope, Carry carry, DocumentMemory memory)
    {
        if (unit.Kind != UnitKind.Department || carried is not null)
        {
            return (unit, carried, scope);
        }

        var rest = scope is null ? text : text[scope.Prefix.Length..];
        if (!UnitNames.IsKnownDepartment(unit.Name) && memory.FullNameFor(rest) is { } full)
        {
            var written = scope is null ? full : scope.Prefix + full;
            var (again, againCarried, _, againScope) = BuiltIn(profile, written, carry);
            return (again, againCarried, againScope);
        }

        if (scope is null && IsShortForm(rest, unit.Name) && memory.OnlyScopeOf(unit.Name) is { } elsewhere && elsewhere.Jurisdiction != profile.Name)
        {
            var (again, _, _, againScope) = BuiltIn(profile, rest, carry with { Scope = elsewhere });
            return (again, elsewhere.Prefix, againScope);
        }

        return (unit, carried, scope);
    }

    /// <summary>A short form of a known name: written differently from it and from its 和-less, 委 form (发改委 for 发展和改革委员会).</summary>
    private static bool IsShortForm(string written, string canonical) =>
        written.Length < canonical.Length && MentionText.Compact(written) != MentionText.Compact(canonical);

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
        var (unit, _, _, _) = BuiltIn(target, MentionText.SplitSecondName(MentionText.Clean(entry.Name)).Main, new Carry(null, null));
        return entry.Kind is { } kind ? unit with { Kind = kind } : unit;
    }

    private static (UnitRef Unit, string? Carried, Carry Next, Scope? Scope) BuiltIn(JurisdictionProfile profile, string text, Carry carry)
    {
        if (text.Length == 0)
        {
            return (Make(profile.Name, "（空）", UnitKind.Other), null, carry, null);
        }

        // Collectives: 各县（市、区）政府, 市政府有关部门, 镇人民政府 (with the 各 of the list), 消防大队等…部门.
        if (Collective(profile, text, carry) is { } collective)
        {
            return (collective.Unit, collective.Carried, collective.Next, null);
        }

        // The jurisdiction prefix: written, or carried from the mention before.
        var (scope, rest) = ReadScope(profile, text);
        string? carried = null;
        var next = carry;
        if (scope is not null)
        {
            // Only a prefix of a department-like name passes on: 某某供电公司 names a company, not a list's 市.
            if (CanCarryScope(rest))
            {
                next = carry with { Scope = scope.Jurisdiction == profile.Name ? null : scope };
            }
        }
        else if (carry.Scope is { } carriedScope && CanCarryScope(rest))
        {
            scope = carriedScope;
            carried = carriedScope.Prefix;
        }

        return (Named(profile, text, rest, scope), carried, next, scope);
    }

    /// <summary>The unit a name (after its prefix) makes in the scope the prefix gave: a party organ, the government itself, or a unit of the kind its words tell.</summary>
    private static UnitRef Named(JurisdictionProfile profile, string text, string rest, Scope? scope)
    {
        var jurisdiction = scope?.Jurisdiction ?? profile.Name;
        var partyMark = scope?.PartyMark ?? profile.PartyMark;

        // Party organs: 市委组织部, a zone's 党工委组织部, 团市委, and bare 宣传部 / 市委编办.
        var ownMarks = scope is null || scope.Jurisdiction == profile.Name ? profile.OwnPartyMarks : [];
        if (Party(rest, partyMark, scope is not null, ownMarks) is { } party)
        {
            return Make(jurisdiction, party, UnitKind.PartyOrgan);
        }

        // The government itself (市政府, 某某市人民政府); named places below it (某某县政府) are governments by their words.
        var normalizedGov = UnitNames.NormalizeGovernmentWords(rest);
        if (normalizedGov == "人民政府")
        {
            return Make(jurisdiction, "人民政府", UnitKind.Government);
        }

        var kind = UnitNames.KindOf(rest);
        switch (kind)
        {
            case UnitKind.MassOrganization:
                return Make(jurisdiction, UnitNames.MassOrganizationName(rest) ?? rest, kind);
            case UnitKind.Department:
            {
                var core = rest.StartsWith("政府", StringComparison.Ordinal) && rest.Length > 2 && UnitNames.DepartmentFullName(rest) is null
                           && UnitNames.DepartmentFullName(rest[2..]) is not null
                    ? rest[2..]
                    : rest;
                core = core.Replace("管委会", "管理委员会", StringComparison.Ordinal);
                return Make(jurisdiction, UnitNames.DepartmentFullName(core) ?? core, kind);
            }

            case UnitKind.OutsideBody:
            {
                // A city's own court (市法院) is its intermediate court.
                var name = OutsideName(rest);
                var level = scope?.Level ?? profile.Level;
                if (name is "人民法院" && scope is { Prefix: "市" } && level == JurisdictionLevel.City)
                {
                    name = "中级人民法院";
                }

                return Make(jurisdiction, name, kind, compact: false);
            }

            case UnitKind.Company:
                return Make(jurisdiction, CompanyName(rest), kind, compact: false);
            case UnitKind.Government:
                return Make(jurisdiction, normalizedGov, kind, compact: false);
            default:
                // A school or academy keeps a place name that opens it (某某职业技术学院); a level mark goes (市科学院).
                return Make(jurisdiction, scope is { IsPlaceName: true } ? text : rest, kind, compact: false);
        }
    }

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

    private static (UnitRef Unit, string? Carried, Carry Next)? Collective(JurisdictionProfile profile, string text, Carry carry)
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
        // In a town's own document, 镇政府 is its government, not all towns'.
        if (UnitNames.IsGenericBody(body) && !(quantifier is null && IsOwnGovernment(profile, body)))
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
            return (Make(CollectiveOwner(profile, whole), name, UnitKind.Collective, compact: false), null,
                carry with { Quantifier = quantifier == "各" ? "各" : carry.Quantifier });
        }

        return null;
    }

    /// <summary>Whether a generic body is the jurisdiction's own government written with its own mark (镇人民政府 in a town's document).</summary>
    private static bool IsOwnGovernment(JurisdictionProfile profile, string body) =>
        profile.SelfPrefixes.Any(p => UnitNames.NormalizeGovernmentWords(body) == p + "人民政府");

    /// <summary>
    /// Whose collective it is: the document's, except that a level mark this jurisdiction does not write for itself
    /// names the one above — in a district's document 市直有关单位 and 市政府有关部门 are its city's.
    /// </summary>
    private static string CollectiveOwner(JurisdictionProfile profile, string whole)
    {
        foreach (var above in profile.Above)
        {
            foreach (var mark in above.Prefixes.Where(p => p.Length == 1))
            {
                if (new[] { "直", "政府", "属", "管" }.Any(w => whole.StartsWith(mark + w, StringComparison.Ordinal)))
                {
                    return above.Jurisdiction;
                }
            }
        }

        return profile.Name;
    }

    /// <summary>The jurisdiction a written prefix names: this one's own (市, 区, 新区, 某某县), then the ones above, nearest first (市 in a district's document, 省).</summary>
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
                return (new Scope(profile.Name, profile.Level, prefix, profile.PartyMark, !profile.IsMarkPrefix(prefix)), text[prefix.Length..]);
            }
        }

        foreach (var above in profile.Above)
        {
            foreach (var prefix in above.Prefixes)
            {
                var fits = text.Length > prefix.Length + 1 && text.StartsWith(prefix, StringComparison.Ordinal) && Plausible(text[prefix.Length..]);

                // The province's prefix is read only before its departments and mass organizations, and in 省委.
                if (above.Level == JurisdictionLevel.Province)
                {
                    fits = fits && UnitNames.KindOf(text[prefix.Length..]) is UnitKind.Department or UnitKind.MassOrganization
                           || text.StartsWith(prefix + "委", StringComparison.Ordinal);
                }

                if (fits)
                {
                    var placeName = prefix.Contains(above.Jurisdiction, StringComparison.Ordinal)
                                    || (above.Jurisdiction.Length >= 3 && prefix.Contains(Jurisdictions.BarePlace(above.Jurisdiction), StringComparison.Ordinal));
                    return (new Scope(above.Jurisdiction, above.Level, prefix, above.PartyMark, placeName), text[prefix.Length..]);
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

    [GeneratedRegex("^团(?:[\\p{IsCJKUnifiedIdeographs}]{0,4}?)?(?:市|区|县|省)?委$", RegexOptions.None, Readers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex YouthLeague();

    [GeneratedRegex("^(?<head>中国人民银行)(?<place>[\\p{IsCJKUnifiedIdeographs}]{2,4}?)(?<!市)中心支行$", RegexOptions.None, Readers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CentralBankBranch();

    [GeneratedRegex("有关|相关|各|(?<!高)等|成员单位|(部门|单位|机构|企业)$", RegexOptions.None, Readers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CollectiveInside();

    [GeneratedRegex("各有关|各相关|相关", RegexOptions.None, Readers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CollectiveWords();

    [GeneratedRegex("[\\p{IsCJKUnifiedIdeographs}]{2,}(市|县|区)", RegexOptions.None, Readers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceInside();
}
