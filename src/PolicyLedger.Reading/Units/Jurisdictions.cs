using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>The administrative level of a jurisdiction.</summary>
public enum JurisdictionLevel
{
    Province,
    City,
    County,
    District,

    /// <summary>A town, township or sub-district (镇, 乡, 街道): appended, so the values above keep their numbers.</summary>
    Town,
}

/// <summary>A jurisdiction above another, as that one's documents write it: its name, level, the prefixes that mean it, its party committee's mark.</summary>
/// <param name="IsPlaceholder">True where no one named the place and it stands for "the city above", "the province above".</param>
public sealed record HigherScope(string Jurisdiction, JurisdictionLevel Level, IReadOnlyList<string> Prefixes, string PartyMark, bool IsPlaceholder = false);

/// <summary>
/// What the resolver knows of a jurisdiction: its level, the jurisdiction above it, and the prefixes a document of
/// this jurisdiction writes before the names of its own units (市, 区, 县, 镇, 新区, the place's name with and without
/// its level word, and what the data adds).
/// </summary>
public sealed record JurisdictionProfile(
    string Name,
    JurisdictionLevel Level,
    string? Parent,
    IReadOnlyList<string> SelfPrefixes)
{
    /// <summary>Other marks of this jurisdiction's own party committee (from the data: a zone's 党工委 may be its 市委).</summary>
    public IReadOnlyList<string> OwnPartyMarks { get; init; } = [];

    /// <summary>The jurisdictions above, nearest first, each with the prefixes that name it here; unknown ones by placeholders (某某区所在市).</summary>
    public IReadOnlyList<HigherScope> Above { get; init; } = [];

    /// <summary>The province above: known from the data or the issuer, else a placeholder (某某所在省); the jurisdiction itself for a province.</summary>
    public string Province => Level == JurisdictionLevel.Province ? Name : Above.LastOrDefault(a => a.Level == JurisdictionLevel.Province)?.Jurisdiction ?? Name + "所在省";

    /// <summary>The party committee's mark for this level: 省委, 市委, 县委, 区委, 党委 (a town's).</summary>
    public string PartyMark => Jurisdictions.PartyMarkOf(Level);

    /// <summary>The city above a county, district or town: known, or a placeholder (某某区所在市).</summary>
    public string ParentOrPlaceholder =>
        Above.FirstOrDefault(a => a.Level == JurisdictionLevel.City)?.Jurisdiction ?? Parent ?? Name + "所在市";

    /// <summary>Whether a prefix is only a mark of a level or kind of zone (市, 区, 全区, 新区), not a place name.</summary>
    public bool IsMarkPrefix(string prefix) => !prefix.Contains(Name, StringComparison.Ordinal)
        && !(Name.Length >= 3 && prefix.Contains(Jurisdictions.BarePlace(Name), StringComparison.Ordinal));
}

/// <summary>Where a document says it comes from: its jurisdiction and, when its issuer names them, the places above (某某市某某区 → 某某).</summary>
public sealed record DocumentPlace(string Jurisdiction, IReadOnlyList<string> Above)
{
    public static DocumentPlace None { get; } = new(string.Empty, []);
}

/// <summary>
/// Jurisdiction names from a document's issuer, title or number, and the profiles of jurisdictions. The rules here
/// are generic Chinese administration (level words, organ suffixes, the zones 新区/开发区); knowledge of particular
/// places (a district's city, a place's other names, document-number marks) comes from <see cref="PlaceBook"/>, the
/// built-in data and the user's alias files.
/// </summary>
public sealed class Jurisdictions
{
    /// <summary>Level words that close a place name, longest first, with the level they give.</summary>
    private static readonly (string Word, JurisdictionLevel Level)[] LevelWords =
    [
        ("自治区", JurisdictionLevel.Province), ("自治州", JurisdictionLevel.City), ("自治县", JurisdictionLevel.County),
        ("街道", JurisdictionLevel.Town), ("苏木", JurisdictionLevel.Town),
        ("省", JurisdictionLevel.Province), ("市", JurisdictionLevel.City), ("州", JurisdictionLevel.City), ("盟", JurisdictionLevel.City),
        ("县", JurisdictionLevel.County), ("旗", JurisdictionLevel.County), ("区", JurisdictionLevel.District),
        ("镇", JurisdictionLevel.Town), ("乡", JurisdictionLevel.Town),
    ];

    /// <summary>Kinds of zone a district-level place may be (某某新区, 某某高新技术产业开发区): its documents write the zone word for themselves.</summary>
    private static readonly string[] ZoneWords =
    [
        "高新技术产业开发区", "经济技术开发区", "产城融合示范区", "经济开发区", "产业集聚区", "综合试验区", "高新区", "经开区", "开发区",
        "示范区", "新区", "管理区", "合作区", "园区",
    ];

    /// <summary>What an issuer writes after its place: the organ of the government (or of the Party committee) issuing.</summary>
    private static readonly string[] OrganSuffixes =
    [
        "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府办", "政府",
        "管理委员会办公室", "管理委员会", "管委会办公室", "管委会", "工作委员会", "办事处",
    ];

    private const int MaxPlaceName = 12;

    private readonly PlaceBook _book;

    public Jurisdictions(PlaceBook book)
    {
        _book = book;
    }

    /// <summary>The party committee's mark for a level.</summary>
    public static string PartyMarkOf(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.Province => "省委",
        JurisdictionLevel.City => "市委",
        JurisdictionLevel.County => "县委",
        JurisdictionLevel.Town => "党委",
        _ => "区委",
    };

    /// <summary>The jurisdiction name for a place as written: 某某市 → 某某, 某某省 → 某某, 某某区 → 某某区 (a city or province drops 市 or 省).</summary>
    public string PlaceName(string place)
    {
        var p = MentionText.Clean(place);
        return _book.Named(p) ?? NormalizePlace(p);
    }

    /// <summary>A place as a jurisdiction is named, by its words alone: 某某市 → 某某, 某某省 → 某某, 某某区 → 某某区.</summary>
    public static string NormalizePlace(string place)
    {
        var p = MentionText.Clean(place);
        return p.Length >= 3 && (p.EndsWith('市') || p.EndsWith('省')) ? p[..^1] : p;
    }

    /// <summary>A place name without its level word or zone word, where something is left: 某某区 → 某某, 某某新区 → 某某.</summary>
    public static string BarePlace(string name)
    {
        foreach (var zone in ZoneWords)
        {
            if (name.Length > zone.Length + 1 && name.EndsWith(zone, StringComparison.Ordinal))
            {
                return name[..^zone.Length];
            }
        }

        foreach (var (word, _) in LevelWords)
        {
            if (name.Length > word.Length + 1 && name.EndsWith(word, StringComparison.Ordinal))
            {
                return name[..^word.Length];
            }
        }

        return name;
    }

    /// <summary>
    /// The place an issuer names, with the places above it that it names too: 某某市人民政府 → 某某; 某某市某某区人民政府
    /// → 某某区 (above: 某某); 某某街道办事处 → 某某街道; 中共某某市委 → 某某. Null when none is found.
    /// </summary>
    public DocumentPlace? FromOrganName(string? organ)
    {
        if (string.IsNullOrWhiteSpace(organ))
        {
            return null;
        }

        // A joint issuer (中共某某市委 某某市人民政府) is read by its first organ.
        var first = organ.Split([' ', '\u3000', '\t', '、', '，', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? organ;
        var s = MentionText.Clean(first);
        if (_book.NamedWithin(s) is { } named)
        {
            return new DocumentPlace(named, []);
        }

        if (s.StartsWith("中共", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        var place = StripOrgan(s);
        var chain = ReadChain(place, whole: true) ?? ReadChain(place, whole: false);
        if (chain is null || chain.Count == 0)
        {
            return null;
        }

        var names = chain.Select(PlaceName).ToList();
        return new DocumentPlace(names[^1], names.Take(names.Count - 1).Reverse().ToList());
    }

    /// <summary>The place part of an issuer: without the organ (人民政府办公室, 管委会, 办事处) or the Party committee (市委…).</summary>
    private static string StripOrgan(string s)
    {
        // The Party committee of a place: 某某市委, 某某县委办公室, 某某区委.
        foreach (var mark in new[] { "市委", "县委", "区委", "省委", "州委", "旗委" })
        {
            var at = s.IndexOf(mark, StringComparison.Ordinal);
            if (at >= 2)
            {
                return s[..(at + 1)];
            }
        }

        foreach (var suffix in OrganSuffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            {
                return s[..^suffix.Length];
            }
        }

        return s;
    }

    /// <summary>
    /// The places a text opens with, outermost first: 某某市某某区 → [某某市, 某某区], 某某县某某镇 → [某某县, 某某镇]. A
    /// place is 2 to 12 characters closed by a level word (a one-character name such as 叶县 only as the whole text).
    /// With <paramref name="whole"/>, the places must make up the whole text, else null.
    /// </summary>
    private static List<string>? ReadChain(string text, bool whole)
    {
        var chain = new List<string>();
        var p = 0;
        while (p < text.Length && ReadPlaceAt(text, p) is { } end)
        {
            chain.Add(text[p..end]);
            p = end;
        }

        if (chain.Count == 0 && text.Length is >= 2 and <= 3 && LevelOf(text) is not null)
        {
            chain.Add(text); // 叶县, 沛县
            p = text.Length;
        }

        return whole && p != text.Length ? null : chain.Count > 0 ? chain : null;
    }

    /// <summary>Where a place that starts at <paramref name="p"/> ends (after its level word), or null.</summary>
    private static int? ReadPlaceAt(string text, int p)
    {
        for (var e = p + 2; e < text.Length && e - p <= MaxPlaceName; e++)
        {
            foreach (var (word, _) in LevelWords)
            {
                if (e + word.Length <= text.Length && string.CompareOrdinal(text, e, word, 0, word.Length) == 0)
                {
                    return e + word.Length;
                }
            }
        }

        return null;
    }

    /// <summary>The level a place's name says (…省, …市, …县, …区, …镇, …街道), or null.</summary>
    public static JurisdictionLevel? LevelOf(string name)
    {
        foreach (var (word, level) in LevelWords)
        {
            if (name.EndsWith(word, StringComparison.Ordinal))
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The place a document comes from: its issuer, else the place opening its title, else its number's mark; <see cref="DocumentPlace.None"/> when none says.</summary>
    public DocumentPlace Of(PolicyDocument doc)
    {
        if (FromOrganName(doc.Issuer?.Value) is { Jurisdiction.Length: > 0 } fromIssuer)
        {
            return fromIssuer;
        }

        if (doc.Title?.Value is { } title && FromTitle(MentionText.Clean(title)) is { } fromTitle)
        {
            return fromTitle;
        }

        return doc.DocNumber?.Value is { } number && FromDocNumber(number) is { } fromNumber
            ? new DocumentPlace(fromNumber, [])
            : DocumentPlace.None;
    }

    /// <summary>A title's place: a known name in it, the issuer before 关于 (某某市某某区人民政府关于…), or the place opening it.</summary>
    private DocumentPlace? FromTitle(string title)
    {
        if (_book.NamedWithin(title) is { } named)
        {
            return new DocumentPlace(named, []);
        }

        var about = title.IndexOf("关于", StringComparison.Ordinal);
        if (about > 0 && FromOrganName(title[..about]) is { Jurisdiction.Length: > 0 } issuer)
        {
            return issuer;
        }

        // Only a short first place: 某某区大力提振市场信心… must not read 大力提振市 as a place, nor 关于印发市… one.
        if (title.StartsWith("关于", StringComparison.Ordinal) || ReadPlaceAt(title, 0) is not { } end)
        {
            return null;
        }

        var place = title[..end];
        var word = LevelWords.First(w => place.EndsWith(w.Word, StringComparison.Ordinal)).Word;
        return place.Length - word.Length <= 4 ? new DocumentPlace(PlaceName(place), []) : null;
    }

    /// <summary>The jurisdiction a document number's mark names, where the data knows the mark (某政 of 某政〔2024〕3号); else null.</summary>
    public string? FromDocNumber(string number)
    {
        var clean = MentionText.Clean(number);
        var bracket = clean.IndexOf('（');
        return _book.OfNumberMark(bracket > 0 ? clean[..bracket] : clean);
    }

    /// <summary>
    /// The profile of a jurisdiction: the data's where it knows the place, else guessed from its name (…区 a district,
    /// …县 a county, …镇 a town, else a city). <paramref name="above"/> are places above it that a document named
    /// (nearest first); they come before the data's parent.
    /// </summary>
    public JurisdictionProfile Profile(string jurisdiction, IReadOnlyList<string>? above = null)
    {
        var name = jurisdiction.Trim();
        var settings = _book.Settings(name);
        var level = settings?.Level ?? GuessLevel(name);
        var prefixes = SelfPrefixes(name, level);
        if (settings is not null)
        {
            prefixes.AddRange(settings.Prefixes);
        }

        var ordered = prefixes.Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length).ToArray();
        var higher = Higher(name, level, ordered, above ?? [], settings?.Parent);
        return new JurisdictionProfile(name, level, higher.FirstOrDefault(h => !h.IsPlaceholder)?.Jurisdiction, ordered)
        {
            OwnPartyMarks = settings?.PartyMarks ?? [],
            Above = higher,
        };
    }

    private static JurisdictionLevel GuessLevel(string name) =>
        name.Length == 0 ? JurisdictionLevel.City
        : name.EndsWith("自治区", StringComparison.Ordinal) ? JurisdictionLevel.Province
        : LevelOf(name) is { } level && level != JurisdictionLevel.City ? level
        : JurisdictionLevel.City; // a city's name is kept without 市

    /// <summary>How a jurisdiction's documents write themselves: 某某市/某某/市/全市; 某某区/某某/区/全区; 某某新区/某某/新区/区.</summary>
    private static List<string> SelfPrefixes(string name, JurisdictionLevel level)
    {
        var prefixes = new List<string>();
        if (name.Length == 0)
        {
            // No one says where the document comes from: its level marks still mean itself (市财政局 = 财政局).
            prefixes.AddRange(["市", "区", "县", "全市", "全区", "全县"]);
            return prefixes;
        }

        switch (level)
        {
            case JurisdictionLevel.City:
                prefixes.AddRange([name + "市", name, "市", "全市"]);
                break;
            case JurisdictionLevel.Province:
                prefixes.AddRange([name + "省", name, "省", "全省"]);
                break;
            default:
                var mark = LevelWords.FirstOrDefault(w => name.EndsWith(w.Word, StringComparison.Ordinal)).Word ?? name[^1..];
                prefixes.AddRange([name, mark, "全" + mark]);
                if (BarePlace(name) is var bare && bare != name)
                {
                    prefixes.Add(bare); // 东湖法院, 某某公安分局
                }

                if (ZoneWords.FirstOrDefault(z => name.Length > z.Length + 1 && name.EndsWith(z, StringComparison.Ordinal)) is { } zone)
                {
                    prefixes.Add(zone); // 新区财政局, 开发区管委会
                }

                if (level == JurisdictionLevel.County && LevelOf(name) is not JurisdictionLevel.County)
                {
                    prefixes.AddRange([name + "市", "市"]); // a county-level city writes 市 for itself
                }

                break;
        }

        return prefixes;
    }

    /// <summary>
    /// The jurisdictions above, nearest first: those the document named (某某市某某区), then the data's parents, then
    /// placeholders for the levels no one named, so that 市财政局 in an unknown district's document is still its
    /// city's (某某区所在市) and 省财政厅 its province's (某某区所在省).
    /// </summary>
    private List<HigherScope> Higher(string name, JurisdictionLevel level, IReadOnlyList<string> self, IReadOnlyList<string> above, string? dataParent)
    {
        var chain = new List<(string Name, JurisdictionLevel Level)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var written in above.Where(seen.Add))
        {
            chain.Add((written, LevelOfPlace(written)));
        }

        // A parent may be written by another of its names (an alias file's parent: 某某新区): the data's name counts.
        var parent = Known(chain.Count > 0 ? _book.Settings(chain[^1].Name)?.Parent : dataParent);
        for (var guard = 0; parent is not null && guard < 5 && seen.Add(parent); guard++)
        {
            chain.Add((parent, LevelOfPlace(parent)));
            parent = Known(_book.Settings(parent)?.Parent);
        }

        var taken = new HashSet<string>(self, StringComparer.Ordinal);
        var scopes = chain.Where(c => c.Level < level).Select(c => Scope(c.Name, c.Level, taken)).ToList();
        var top = scopes.Count > 0 ? scopes[^1].Jurisdiction : name;
        if (level == JurisdictionLevel.Town && scopes.Count == 0)
        {
            scopes.Add(new HigherScope(name + "所在县", JurisdictionLevel.County, Unclaimed(["县", "区"], taken), "县委", IsPlaceholder: true));
        }

        if (level > JurisdictionLevel.City && !scopes.Any(s => s.Level == JurisdictionLevel.City))
        {
            scopes.Add(new HigherScope(top + "所在市", JurisdictionLevel.City, Unclaimed(["市"], taken), "市委", IsPlaceholder: true));
        }

        if (level > JurisdictionLevel.Province && !scopes.Any(s => s.Level == JurisdictionLevel.Province))
        {
            scopes.Add(new HigherScope(top + "所在省", JurisdictionLevel.Province, Unclaimed(["省"], taken), "省委", IsPlaceholder: true));
        }

        return scopes;
    }

    private string? Known(string? place) => place is null ? null : _book.Named(place) ?? place;

    private JurisdictionLevel LevelOfPlace(string place) => _book.Settings(place)?.Level ?? GuessLevel(place);

    /// <summary>A known place above: its name with and without its level word, and its level mark where this jurisdiction does not write it for itself.</summary>
    private HigherScope Scope(string place, JurisdictionLevel level, HashSet<string> taken)
    {
        var forms = new List<string>();
        switch (level)
        {
            case JurisdictionLevel.City:
                forms.AddRange([place + "市", place, "市"]);
                break;
            case JurisdictionLevel.Province:
                forms.AddRange([place + "省", place, "省"]);
                break;
            default:
                forms.AddRange([place, BarePlace(place) is var bare && bare != place && bare.Length >= 2 ? bare : place]);
                forms.Add(LevelWords.FirstOrDefault(w => place.EndsWith(w.Word, StringComparison.Ordinal)).Word ?? place[^1..]);
                if (level == JurisdictionLevel.County && LevelOf(place) is not JurisdictionLevel.County)
                {
                    forms.AddRange([place + "市", "市"]);
                }

                break;
        }

        foreach (var extra in _book.Settings(place)?.Prefixes ?? [])
        {
            forms.Add(extra);
        }

        return new HigherScope(place, level, Unclaimed(forms, taken), PartyMarkOf(level));
    }

    /// <summary>The prefixes not yet claimed by this jurisdiction or a nearer one, longest first; claims them.</summary>
    private static string[] Unclaimed(IEnumerable<string> forms, HashSet<string> taken) =>
        forms.Where(f => f.Length > 0 && taken.Add(f)).OrderByDescending(f => f.Length).ToArray();
}
