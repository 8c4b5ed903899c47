using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Scenarios;

/// <summary>The type a scenario field must have (see the header of Scenarios/vocabulary.yaml).</summary>
public enum FieldType
{
    Any,
    Text,
    Bool,
    Date,
    Month,
    Period,
    Money,
    Usd,
    Amounts,
    Count,
    Measure,
    Number,
    Percent,
    Place,
    Ref,
    List,
    Map,
}

/// <summary>
/// Every profile field and event type scenario files may use, with their types: the contract of scenario files
/// (an embedded copy of Scenarios/vocabulary.yaml). Every event also has <c>id</c>, <c>type</c> and <c>date</c>.
/// </summary>
public sealed class ScenarioVocabulary
{
    private ScenarioVocabulary(IReadOnlyDictionary<string, FieldType> profile, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldType>> events)
    {
        Profile = profile;
        Events = events;
    }

    public IReadOnlyDictionary<string, FieldType> Profile { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldType>> Events { get; }

    public static ScenarioVocabulary Default { get; } = LoadEmbedded();

    /// <summary>The fields every event has.</summary>
    public static IReadOnlyDictionary<string, FieldType> Common { get; } = new Dictionary<string, FieldType>
    {
        ["id"] = FieldType.Text,
        ["type"] = FieldType.Text,
        ["date"] = FieldType.Date,
    };

    /// <summary>The type of a profile path (place.city), or whether a path lies under a free field (loans[0].x, premises.rent).</summary>
    public FieldType? ProfileField(string path) => Lookup(Profile, path);

    public FieldType? EventField(string type, string path) =>
        Common.TryGetValue(path, out var common) ? common
        : Events.TryGetValue(type, out var fields) ? Lookup(fields, path) : null;

    private static FieldType? Lookup(IReadOnlyDictionary<string, FieldType> fields, string path)
    {
        if (fields.TryGetValue(path, out var type))
        {
            return type;
        }

        // An intermediate map (place, status) or something under a field whose values are free (premises.monthly_rent).
        if (fields.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal)))
        {
            return FieldType.Map;
        }

        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (fields.TryGetValue(path[..dot], out var parent) && parent is FieldType.Any or FieldType.Map or FieldType.List or FieldType.Amounts or FieldType.Place)
            {
                return FieldType.Any;
            }
        }

        return null;
    }

    private static ScenarioVocabulary LoadEmbedded()
    {
        using var stream = typeof(ScenarioVocabulary).Assembly.GetManifestResourceStream("PolicyLedger.Benefits.vocabulary.yaml")
            ?? throw new InvalidOperationException("the embedded scenario vocabulary is missing from the build");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var profile = Fields((YamlMappingNode)root.Children[new YamlScalarNode("profile")]);
        var events = ((YamlMappingNode)root.Children[new YamlScalarNode("events")]).Children
            .ToDictionary(kv => YamlData.Scalar(kv.Key)!, kv => (IReadOnlyDictionary<string, FieldType>)Fields((YamlMappingNode)kv.Value), StringComparer.Ordinal);
        return new ScenarioVocabulary(profile, events);
    }

    private static Dictionary<string, FieldType> Fields(YamlMappingNode map) => map.Children.ToDictionary(
        kv => YamlData.Scalar(kv.Key)!,
        kv => Enum.Parse<FieldType>(YamlData.Scalar(kv.Value)!, ignoreCase: true),
        StringComparer.Ordinal);
}
