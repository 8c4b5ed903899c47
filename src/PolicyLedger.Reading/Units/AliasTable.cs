using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Reading.Units;

/// <summary>One resolution the user decided: a mention (or a canonical name) → this name, and optionally a kind or another jurisdiction.</summary>
public sealed record AliasEntry(string Mention, string Name, UnitKind? Kind, string? Jurisdiction, int Line);

/// <summary>A jurisdiction's settings in the alias file: the city above it and more prefixes its documents write for themselves.</summary>
public sealed record JurisdictionSettings(string? Parent, IReadOnlyList<string> Prefixes);

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
        IReadOnlyList<AliasError> errors)
    {
        File = file;
        _entries = entries;
        _settings = settings;
        Errors = errors;
    }

    public static AliasTable Empty { get; } = new("(none)", [], [], []);

    /// <summary>The file it was read from ("(text)" when parsed from a string).</summary>
    public string File { get; }

    public IReadOnlyList<AliasError> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    public IEnumerable<string> JurisdictionNames => _entries.Keys.Concat(_settings.Keys).Distinct();

    public int Count => _entries.Values.Sum(e => e.Count);

    /// <summary>Reads an alias file. A missing or unreadable file gives an empty table with one error.</summary>
    public static AliasTable Load(string yamlPath)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(yamlPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new AliasTable(yamlPath, [], [], [new AliasError(yamlPath, 0, 0, $"cannot read the alias file: {e.Message}")]);
        }

        return Parse(text, yamlPath);
    }

    public static AliasTable Parse(string yaml, string file = "(text)")
    {
        var entries = new Dictionary<string, Dictionary<string, AliasEntry>>(StringComparer.Ordinal);
        var settings = new Dictionary<string, JurisdictionSettings>(StringComparer.Ordinal);
        var errors = new List<AliasError>();
        void Error(YamlNode node, string message) => errors.Add(new AliasError(file, (int)node.Start.Line, (int)node.Start.Column, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new AliasError(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}"));
            return new AliasTable(file, entries, settings, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new AliasTable(file, entries, settings, errors);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "expected a mapping of jurisdictions (济源:, 焦作:, \"*\":)");
            return new AliasTable(file, entries, settings, errors);
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var jurisdiction = Scalar(keyNode);
            if (string.IsNullOrWhiteSpace(jurisdiction))
            {
                Error(keyNode, "a jurisdiction name is expected here");
                continue;
            }

            jurisdiction = jurisdiction.Trim();
            if (valueNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (valueNode is not YamlMappingNode section)
            {
                Error(valueNode, $"{jurisdiction}: expected a mapping with units:, and optionally parent: and prefixes:");
                continue;
            }

            string? parent = null;
            var prefixes = new List<string>();
            var units = entries.TryGetValue(jurisdiction, out var existing) ? existing : new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
            foreach (var (fieldNode, fieldValue) in section.Children)
            {
                switch (Scalar(fieldNode))
                {
                    case "parent":
                        parent = Scalar(fieldValue) is { Length: > 0 } p ? Jurisdictions.PlaceName(p) : null;
                        if (parent is null)
                        {
                            Error(fieldValue, $"{jurisdiction}: parent: expects a jurisdiction name");
                        }

                        break;
                    case "prefixes":
                        if (fieldValue is YamlSequenceNode seq)
                        {
                            foreach (var item in seq)
                            {
                                if (Scalar(item) is { Length: > 0 } prefix)
                                {
                                    prefixes.Add(MentionText.Clean(prefix));
                                }
                                else
                                {
                                    Error(item, $"{jurisdiction}: a prefix must be text");
                                }
                            }
                        }
                        else
                        {
                            Error(fieldValue, $"{jurisdiction}: prefixes: expects a list such as [示范区, 区]");
                        }

                        break;
                    case "units":
                        if (fieldValue is YamlMappingNode map)
                        {
                            ReadUnits(map, jurisdiction, units, Error);
                        }
                        else if (fieldValue is not YamlScalarNode { Value: null or "" })
                        {
                            Error(fieldValue, $"{jurisdiction}: units: expects a mapping of mention → name");
                        }

                        break;
                    default:
                        Error(fieldNode, $"{jurisdiction}: unknown field '{Scalar(fieldNode)}' (expected units, parent or prefixes)");
                        break;
                }
            }

            if (units.Count > 0)
            {
                entries[jurisdiction] = units;
            }

            if (parent is not null || prefixes.Count > 0)
            {
                settings[jurisdiction] = new JurisdictionSettings(parent, prefixes);
            }
        }

        return new AliasTable(file, entries, settings, errors);
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
