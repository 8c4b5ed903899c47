using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>The administrative level of a jurisdiction.</summary>
public enum JurisdictionLevel
{
    Province,
    City,
    County,
    District,
}

/// <summary>
/// What the resolver knows of a jurisdiction: its level, the jurisdiction above it, and the prefixes a document of
/// this jurisdiction writes before the names of its own units (市, 区, 示范区, 焦作市 …).
/// </summary>
public sealed record JurisdictionProfile(
    string Name,
    JurisdictionLevel Level,
    string? Parent,
    IReadOnlyList<string> SelfPrefixes)
{
    /// <summary>Other marks of this jurisdiction's own party committee: 济源's 党工委 (of the 示范区) is its 市委.</summary>
    public IReadOnlyList<string> OwnPartyMarks { get; init; } = [];

    /// <summary>The province above, where the resolver knows it (河南 for the cities and districts it knows).</summary>
    public string Province { get; init; } = "河南";

    /// <summary>The party committee's mark for this level: 市委, 区委, 县委.</summary>
    public string PartyMark => Level switch
    {
        JurisdictionLevel.Province => "省委",
        JurisdictionLevel.City => "市委",
        JurisdictionLevel.County => "县委",
        _ => "区委",
    };

    /// <summary>The name the resolver gives the city above a district whose city it does not know.</summary>
    public string ParentOrPlaceholder => Parent ?? Name + "所在市";
}

/// <summary>Jurisdiction names: from a document's issuer, title or number, and the built-in profiles.</summary>
public static partial class Jurisdictions
{
    private static readonly Dictionary<string, (JurisdictionLevel Level, string? Parent, string[] Extra)> Known = new()
    {
        // 济源产城融合示范区 and 济源市 are one body: its documents write 示范区, 区 and 市 for their own units.
        ["济源"] = (JurisdictionLevel.City, "河南", ["济源产城融合示范区", "济源示范区", "示范区", "区"]),
        ["焦作"] = (JurisdictionLevel.City, "河南", []),
        ["三门峡"] = (JurisdictionLevel.City, "河南", []),
        ["新乡"] = (JurisdictionLevel.City, "河南", []),
        ["郑州"] = (JurisdictionLevel.City, "河南", []),
        ["洛阳"] = (JurisdictionLevel.City, "河南", []),
        ["中站区"] = (JurisdictionLevel.District, "焦作", []),
        ["解放区"] = (JurisdictionLevel.District, "焦作", []),
        ["山阳区"] = (JurisdictionLevel.District, "焦作", []),
        ["马村区"] = (JurisdictionLevel.District, "焦作", []),
        ["红旗区"] = (JurisdictionLevel.District, "新乡", []),
        ["卫滨区"] = (JurisdictionLevel.District, "新乡", []),
        ["牧野区"] = (JurisdictionLevel.District, "新乡", []),
        ["凤泉区"] = (JurisdictionLevel.District, "新乡", []),
        ["湖滨区"] = (JurisdictionLevel.District, "三门峡", []),
        ["陕州区"] = (JurisdictionLevel.District, "三门峡", []),
        ["渑池县"] = (JurisdictionLevel.County, "三门峡", []),
        ["卢氏县"] = (JurisdictionLevel.County, "三门峡", []),
        ["义马"] = (JurisdictionLevel.County, "三门峡", []),
        ["灵宝"] = (JurisdictionLevel.County, "三门峡", []),
    };

    /// <summary>Issuers whose name does not say the place the usual way.</summary>
    private static readonly (string Contains, string Jurisdiction)[] Special =
    [
        ("济源产城融合示范区", "济源"),
        ("济源示范区", "济源"),
    ];

    private static readonly string[] OrganSuffixes =
    [
        "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办", "政府",
        "管理委员会办公室", "管理委员会", "管委会",
    ];

    /// <summary>
    /// The jurisdiction named by an issuer: 焦作市人民政府 → 焦作, 中站区人民政府办公室 → 中站区,
    /// 济源产城融合示范区管理委员会 → 济源. A city drops 市; a district or county keeps 区 or 县. Null when none is found.
    /// </summary>
    public static string? FromOrganName(string? organ)
    {
        if (string.IsNullOrWhiteSpace(organ))
        {
            return null;
        }

        var s = MentionText.Clean(organ);
        foreach (var (contains, jurisdiction) in Special)
        {
            if (s.Contains(contains, StringComparison.Ordinal))
            {
                return jurisdiction;
            }
        }

        s = s.Split('、', '，', ',', ' ')[0];
        if (s.StartsWith("中共", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        foreach (var suffix in OrganSuffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            {
                return PlaceName(s[..^suffix.Length]);
            }
        }

        var m = PlaceAtStart().Match(s);
        return m.Success ? PlaceName(m.Value) : null;
    }

    /// <summary>The jurisdiction name for a place as written: 焦作市 → 焦作, 河南省 → 河南, 红旗区 → 红旗区.</summary>
    public static string PlaceName(string place)
    {
        var p = MentionText.Clean(place);
        foreach (var (contains, jurisdiction) in Special)
        {
            if (p.Contains(contains, StringComparison.Ordinal))
            {
                return jurisdiction;
            }
        }

        if (p.Length >= 3 && (p.EndsWith('市') || p.EndsWith('省')))
        {
            return p[..^1];
        }

        return p;
    }

    /// <summary>The jurisdiction of a document: from its issuer, else the place opening its title, else its number's mark; empty when none says.</summary>
    public static string Of(PolicyDocument doc)
    {
        if (FromOrganName(doc.Issuer?.Value) is { Length: > 0 } fromIssuer)
        {
            return fromIssuer;
        }

        if (doc.Title?.Value is { } title)
        {
            var clean = MentionText.Clean(title);
            foreach (var (contains, jurisdiction) in Special)
            {
                if (clean.Contains(contains, StringComparison.Ordinal))
                {
                    return jurisdiction;
                }
            }

            var m = PlaceAtStart().Match(clean);
            if (m.Success)
            {
                return PlaceName(m.Value);
            }
        }

        if (doc.DocNumber?.Value is { } number && FromDocNumber(number) is { } fromNumber)
        {
            return fromNumber;
        }

        return string.Empty;
    }

    /// <summary>The issuers' marks that open a document number (济管〔2023〕19号, 焦政〔2023〕1号), for the places it knows.</summary>
    private static readonly (string Mark, string Jurisdiction)[] NumberMarks =
    [
        ("济管", "济源"), ("济政", "济源"), ("焦政", "焦作"), ("三政", "三门峡"), ("新政", "新乡"), ("豫政", "河南"),
        ("红政", "红旗区"), ("中政", "中站区"),
    ];

    /// <summary>The jurisdiction a document number's mark names, where it is one of the known marks; else null.</summary>
    public static string? FromDocNumber(string number)
    {
        var clean = MentionText.Clean(number);
        var bracket = clean.IndexOf('（');
        var mark = bracket > 0 ? clean[..bracket] : clean;
        return NumberMarks.Where(m => mark.StartsWith(m.Mark, StringComparison.Ordinal))
            .OrderByDescending(m => m.Mark.Length)
            .Select(m => m.Jurisdiction)
            .FirstOrDefault();
    }

    /// <summary>The built-in profile of a jurisdiction, or one guessed from its name (…区 a district, …县 a county, else a city).</summary>
    public static JurisdictionProfile Profile(string jurisdiction, string? parent = null, IReadOnlyList<string>? extraPrefixes = null)
    {
        var name = jurisdiction.Trim();
        JurisdictionLevel level;
        string? knownParent;
        string[] extra;
        if (Known.TryGetValue(name, out var known))
        {
            (level, knownParent, extra) = known;
        }
        else
        {
            level = name.EndsWith('区') ? JurisdictionLevel.District
                : name.EndsWith('县') ? JurisdictionLevel.County
                : name.EndsWith('省') ? JurisdictionLevel.Province
                : JurisdictionLevel.City;
            (knownParent, extra) = (null, []);
        }

        var prefixes = new List<string>();
        if (name.Length > 0)
        {
            switch (level)
            {
                case JurisdictionLevel.City:
                    prefixes.AddRange([name + "市", name, "市", "全市"]);
                    break;
                case JurisdictionLevel.Province:
                    prefixes.AddRange([name + "省", name, "省", "全省"]);
                    break;
                default:
                    // 红旗区: 红旗区财政局, 区财政局, and 红旗法院 / 红旗公安分局 with the bare place name.
                    var mark = name[^1..];
                    prefixes.AddRange([name, mark, "全" + mark]);
                    if (name.Length >= 3 && (name.EndsWith('区') || name.EndsWith('县')))
                    {
                        prefixes.Add(name[..^1]);
                    }

                    if (level == JurisdictionLevel.County && !name.EndsWith('县'))
                    {
                        // A county-level city (义马, 灵宝) writes 市 for itself.
                        prefixes.AddRange([name + "市", "市"]);
                    }

                    break;
            }
        }

        prefixes.AddRange(extra);
        if (extraPrefixes is not null)
        {
            prefixes.AddRange(extraPrefixes);
        }

        var ordered = prefixes.Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length).ToArray();
        return new JurisdictionProfile(name, level, parent ?? knownParent, ordered)
        {
            OwnPartyMarks = name == "济源" ? ["党工委"] : [],
        };
    }

    [GeneratedRegex("^[\\p{IsCJKUnifiedIdeographs}]{2,4}?(?:市|区|县|省)")]
    private static partial Regex PlaceAtStart();
}
