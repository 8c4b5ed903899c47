using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Reading.Units;

/// <summary>One resolution the user decided: a mention (or a canonical name) → this name, and optionally a kind or another jurisdiction.</summary>
public sealed record AliasEntry(string Mention, string Name, UnitKind? Kind, string? Jurisdiction, int Line);

/// <summary>
/// A jurisdiction's settings in an alias file (or the built-in places): the jurisdiction above it, more prefixes its
/// documents write for themselves, and what no name says: its level, other names, party-committee marks and
/// document-number marks.
/// </summary>
public sealed record JurisdictionSettings(string? Parent, IReadOnlyList<string> Prefixes)
{
    public JurisdictionLevel? Level { get; init; }

    /// <summary>Other names of the place in issuers and titles (某某经济开发区 for 某某).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Other names of its own party committee (党工委).</summary>
    public IReadOnlyList<string> PartyMarks { get; init; } = [];

    /// <summary>Marks opening its document numbers (某政 of 某政〔2024〕3号).</summary>
    public IReadOnlyList<string> NumberMarks { get; init; } = [];

    /// <summary>These settings with <paramref name="later"/> read after them: its values win, lists add up.</summary>
    public JurisdictionSettings Then(JurisdictionSettings later) => new(later.Parent ?? Parent, [.. Prefixes, .. later.Prefixes])
    {
        Level = later.Level ?? Level,
        Names = [.. Names, .. later.Names],
        PartyMarks = [.. PartyMarks, .. later.PartyMarks],
        NumberMarks = [.. NumberMarks, .. later.NumberMarks],
    };

    public bool IsEmpty => Parent is null && Level is null && Prefixes.Count == 0 && Names.Count == 0 && PartyMarks.Count == 0 && NumberMarks.Count == 0;
}

/// <summary>A problem in the alias file, with where it is. The rest of the file still applies.</summary>
public sealed record AliasError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// The user's corrections to unit resolution, per jurisdiction, read from a YAML file (format in docs/units.md).
/// Reading never throws on a bad file: what could be read applies, and <see cref="Errors"/> says what could not, with
/// file and line. Immutable once read.
/// </summary>
public sealed class AliasTable
{
    /// <summary>The section whose units apply in every jurisdiction.</summary>
    public const string AnyJurisdiction = "*";

    private readonly Dictionary<string, Dictionary<string, AliasEntry>> _entries;
    private readonly Dictionary<string, JurisdictionSettings> _settings;

    private AliasTable(
        string file,
        Dictionary<string, Dictionary<string, AliasEntry>> entries,
        Dictionary<string, JurisdictionSettings> settings,
        IReadOnlyList<AliasError> errors,
        string fingerprint = "")
    {
        File = file;
        Fingerprint = fingerprint;
        _entries = entries;
        _settings = settings;
        Errors = errors;
    }

    public static AliasTable Empty { get; } = new("(none)", [], [], []);

    /// <summary>
    /// A hash of the text(s) read (empty for <see cref="Empty"/>): equal fingerprints, equal tables. With
    /// <see cref="UnitResolver.RulesVersion"/> it tells a ledger when stored resolutions are stale.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The file it was read from ("(text)" when parsed from a string).</summary>
    public string File { get; }

    public IReadOnlyList<AliasError> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    public IEnumerable<string> JurisdictionNames => _entries.Keys.Concat(_settings.Keys).Distinct();

    public int Count => _entries.Values.Sum(e => e.Count);

    /// <summary>
    /// Reads an alias file, or every <c>*.yaml</c> / <c>*.yml</c> file of a folder (one per jurisdiction, named after it,
    /// such as <c>某某区.yaml</c>, or any file in the full format). A missing or unreadable file gives an error, not an exception.
    /// </summary>
    public static AliasTable Load(string yamlPath)
    {
        if (Directory.Exists(yamlPath))
        {
            var files = Directory.EnumerateFiles(yamlPath, "*.yaml").Concat(Directory.EnumerateFiles(yamlPath, "*.yml"))
                .Order(StringComparer.Ordinal)
                .Select(LoadFile);
            return Merge(yamlPath, files);
        }

        return LoadFile(yamlPath);
    }

    private static AliasTable LoadFile(string yamlPath)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(yamlPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new AliasTable(yamlPath, [], [], [new AliasError(yamlPath, 0, 0, $"cannot read the alias file: {e.Message}")], "unreadable");
        }

        return Parse(text, yamlPath);
    }

    /// <summary>
    /// Reads alias YAML. The full format maps jurisdictions to their sections; a file whose top level is one section
    /// (units:, parent:, prefixes:) is the section of the jurisdiction it is named after (某某区.yaml), or of
    /// <paramref name="jurisdiction"/> when given.
    /// </summary>
    public static AliasTable Parse(string yaml, string file = "(text)", string? jurisdiction = null)
    {
        var entries = new Dictionary<string, Dictionary<string, AliasEntry>>(StringComparer.Ordinal);
        var settings = new Dictionary<string, JurisdictionSettings>(StringComparer.Ordinal);
        var errors = new List<AliasError>();
        var fingerprint = Hash($"{jurisdiction}\n{yaml}");
        void Error(YamlNode node, string message) => errors.Add(new AliasError(file, (int)node.Start.Line, (int)node.Start.Column, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new AliasError(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}"));
            return new AliasTable(file, entries, settings, errors, fingerprint);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new AliasTable(file, entries, settings, errors, fingerprint);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "expected a mapping of jurisdictions (某某:, 某某区:, \"*\":)");
            return new AliasTable(file, entries, settings, errors, fingerprint);
        }

        var sectionOnly = root.Children.Count > 0 && root.Children.Keys.All(k => Scalar(k) is { } key && SectionFields.Contains(key));
        if (jurisdiction is not null || sectionOnly)
        {
            var own = jurisdiction ?? JurisdictionOfFileName(file);
            if (string.IsNullOrWhiteSpace(own))
            {
                Error(root, "a file of one jurisdiction's units: must be named after it (某某区.yaml), or put them under the jurisdiction's name");
                return new AliasTable(file, entries, settings, errors, fingerprint);
            }

            ReadSection(own.Trim(), root, entries, settings, Error);
            return new AliasTable(file, entries, settings, errors, fingerprint);
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var name = Scalar(keyNode);
            if (string.IsNullOrWhiteSpace(name))
            {
                Error(keyNode, "a jurisdiction name is expected here");
                continue;
            }

            name = name.Trim();
            if (valueNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (valueNode is not YamlMappingNode section)
            {
                Error(valueNode, $"{name}: expected a mapping with units:, and optionally parent: and prefixes:");
                continue;
            }

            ReadSection(name, section, entries, settings, Error);
        }

        return new AliasTable(file, entries, settings, errors, fingerprint);
    }

    /// <summary>Tables read one after the other: a later table's entries and settings win.</summary>
    public static AliasTable Merge(string file, IEnumerable<AliasTable> tables)
    {
        var fingerprints = new List<string>();
        var entries = new Dictionary<string, Dictionary<string, AliasEntry>>(StringComparer.Ordinal);
        var settings = new Dictionary<string, JurisdictionSettings>(StringComparer.Ordinal);
        var errors = new List<AliasError>();
        foreach (var table in tables)
        {
            foreach (var (jurisdiction, units) in table._entries)
            {
                if (!entries.TryGetValue(jurisdiction, out var merged))
                {
                    entries[jurisdiction] = merged = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
                }

                foreach (var (mention, entry) in units)
                {
                    merged[mention] = entry;
                }
            }

            foreach (var (jurisdiction, s) in table._settings)
            {
                settings[jurisdiction] = settings.TryGetValue(jurisdiction, out var before) ? before.Then(s) : s;
            }

            errors.AddRange(table.Errors);
            fingerprints.Add($"{Path.GetFileName(table.File)}:{table.Fingerprint}");
        }

        return new AliasTable(file, entries, settings, errors, Hash(string.Join("\n", fingerprints)));
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    private static string? JurisdictionOfFileName(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return file == "(text)" || string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The fields of a jurisdiction's section.</summary>
    private static readonly string[] SectionFields = ["units", "parent", "prefixes", "level", "names", "party-marks", "number-marks"];

    /// <summary>The levels as an alias file writes them.</summary>
    public static IReadOnlyList<string> LevelNames { get; } = ["province", "city", "county", "district", "town"];

    public static JurisdictionLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "province" => JurisdictionLevel.Province,
        "city" => JurisdictionLevel.City,
        "county" => JurisdictionLevel.County,
        "district" => JurisdictionLevel.District,
        "town" => JurisdictionLevel.Town,
        _ => null,
    };

    private static void ReadSection(
        string jurisdiction,
        YamlMappingNode section,
        Dictionary<string, Dictionary<string, AliasEntry>> entries,
        Dictionary<string, JurisdictionSettings> settings,
        Action<YamlNode, string> error)
    {
        string? parent = null;
        JurisdictionLevel? level = null;
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["prefixes"] = [], ["names"] = [], ["party-marks"] = [], ["number-marks"] = [],
        };
        var units = entries.TryGetValue(jurisdiction, out var existing) ? existing : new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
        foreach (var (fieldNode, fieldValue) in section.Children)
        {
            var field = Scalar(fieldNode);
            switch (field)
            {
                case "parent":
                    parent = Scalar(fieldValue) is { Length: > 0 } p ? Jurisdictions.NormalizePlace(p) : null;
                    if (parent is null)
                    {
                        error(fieldValue, $"{jurisdiction}: parent: expects a jurisdiction name");
                    }

                    break;
                case "level":
                    level = ParseLevel(Scalar(fieldValue));
                    if (level is null)
                    {
                        error(fieldValue, $"{jurisdiction}: unknown level '{Scalar(fieldValue)}' (expected one of: {string.Join(", ", LevelNames)})");
                    }

                    break;
                case "prefixes" or "names" or "party-marks" or "number-marks":
                    ReadList(jurisdiction, field, fieldValue, lists[field], error);
                    break;
                case "units":
                    if (fieldValue is YamlMappingNode map)
                    {
                        ReadUnits(map, jurisdiction, units, error);
                    }
                    else if (fieldValue is not YamlScalarNode { Value: null or "" })
                    {
                        error(fieldValue, $"{jurisdiction}: units: expects a mapping of mention → name");
                    }

                    break;
                default:
                    error(fieldNode, $"{jurisdiction}: unknown field '{field}' (expected one of: {string.Join(", ", SectionFields)})");
                    break;
            }
        }

        if (units.Count > 0)
        {
            entries[jurisdiction] = units;
        }

        var read = new JurisdictionSettings(parent, lists["prefixes"])
        {
            Level = level,
            Names = lists["names"],
            PartyMarks = lists["party-marks"],
            NumberMarks = lists["number-marks"],
        };
        if (!read.IsEmpty)
        {
            settings[jurisdiction] = settings.TryGetValue(jurisdiction, out var before) ? before.Then(read) : read;
        }
    }

    /// <summary>A list of names or marks: [新区, 区]; each cleaned of whitespace.</summary>
    private static void ReadList(string jurisdiction, string field, YamlNode value, List<string> into, Action<YamlNode, string> error)
    {
        if (value is not YamlSequenceNode seq)
        {
            error(value, $"{jurisdiction}: {field}: expects a list such as [新区, 区]");
            return;
        }

        foreach (var item in seq)
        {
            if (Scalar(item) is { Length: > 0 } text && MentionText.Clean(text) is { Length: > 0 } clean)
            {
                into.Add(clean);
            }
            else
            {
                error(item, $"{jurisdiction}: {field}: each entry must be text");
            }
        }
    }

    private static void ReadUnits(YamlMappingNode map, string jurisdiction, Dictionary<string, AliasEntry> units, Action<YamlNode, string> error)
    {
        foreach (var (mentionNode, targetNode) in map.Children)
        {
            var mention = Scalar(mentionNode) is { } m ? MentionText.Clean(m) : string.Empty;
            if (mention.Length == 0)
            {
                error(mentionNode, $"{jurisdiction}: a mention is expected here");
                continue;
            }

            string? name = null;
            UnitKind? kind = null;
            string? targetJurisdiction = null;
            var reported = false;
            switch (targetNode)
            {
                case YamlScalarNode scalar:
                    name = scalar.Value;
                    break;
                case YamlMappingNode fields:
                    foreach (var (fieldNode, fieldValue) in fields.Children)
                    {
                        var value = Scalar(fieldValue);
                        switch (Scalar(fieldNode))
                        {
                            case "name":
                                name = value;
                                break;
                            case "kind":
                                kind = ParseKind(value);
                                if (kind is null)
                                {
                                    error(fieldValue, $"{jurisdiction}: {mention}: unknown kind '{value}' (expected one of: {string.Join(", ", KindNames)})");
                                }

                                break;
                            case "jurisdiction":
                                targetJurisdiction = value is { Length: > 0 } ? value.Trim() : null;
                                break;
                            default:
                                reported = true;
                                error(fieldNode, $"{jurisdiction}: {mention}: unknown field '{Scalar(fieldNode)}' (expected name, kind or jurisdiction)");
                                break;
                        }
                    }

                    break;
                default:
                    error(targetNode, $"{jurisdiction}: {mention}: expected a name, or a mapping with name: and kind:");
                    continue;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                name = mention;
                if (kind is null && targetJurisdiction is null)
                {
                    if (!reported)
                    {
                        error(targetNode, $"{jurisdiction}: {mention}: the canonical name is missing");
                    }

                    continue;
                }
            }

            if (units.ContainsKey(mention))
            {
                error(mentionNode, $"{jurisdiction}: {mention} is given twice; the later one applies");
            }

            units[mention] = new AliasEntry(mention, name.Trim(), kind, targetJurisdiction, (int)mentionNode.Start.Line);
        }
    }

    /// <summary>The kinds as the alias file writes them.</summary>
    public static IReadOnlyList<string> KindNames { get; } =
        ["department", "collective", "outside body", "company", "party organ", "government", "mass organization", "other"];

    public static UnitKind? ParseKind(string? text)
    {
        var t = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return t switch
        {
            "department" => UnitKind.Department,
            "collective" => UnitKind.Collective,
            "outsidebody" => UnitKind.OutsideBody,
            "company" => UnitKind.Company,
            "partyorgan" => UnitKind.PartyOrgan,
            "government" => UnitKind.Government,
            "massorganization" => UnitKind.MassOrganization,
            "other" => UnitKind.Other,
            _ => null,
        };
    }

    /// <summary>The user's resolution of a mention (or canonical name) in a jurisdiction, or in every jurisdiction ("*").</summary>
    public AliasEntry? Find(string jurisdiction, string mention)
    {
        var key = MentionText.Clean(mention);
        if (_entries.TryGetValue(jurisdiction, out var own) && own.TryGetValue(key, out var hit))
        {
            return hit;
        }

        return _entries.TryGetValue(AnyJurisdiction, out var any) && any.TryGetValue(key, out var anyHit) ? anyHit : null;
    }

    public JurisdictionSettings? SettingsFor(string jurisdiction) => _settings.GetValueOrDefault(jurisdiction);

    private static string? Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value : null;
}
