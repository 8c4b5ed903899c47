using PolicyLedger.Benefits.Scenarios;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Web.Benefits;

/// <summary>
/// The Chinese names the 惠企 page gives event types, profile fields and value types (the embedded
/// <c>Benefits/labels.yaml</c>); what has no name there is shown by its vocabulary name.
/// </summary>
public sealed class BenefitLabels
{
    private readonly IReadOnlyDictionary<string, string> _events;
    private readonly IReadOnlyDictionary<string, string> _profile;
    private readonly IReadOnlyDictionary<string, string> _types;

    private BenefitLabels(IReadOnlyDictionary<string, string> events, IReadOnlyDictionary<string, string> profile, IReadOnlyDictionary<string, string> types)
    {
        _events = events;
        _profile = profile;
        _types = types;
    }

    public static BenefitLabels Default { get; } = Load();

    public string Event(string type) => _events.GetValueOrDefault(type, type);

    /// <summary>An event type with its name: 购买汽车（car_purchase）.</summary>
    public string EventWithCode(string type) => _events.TryGetValue(type, out var name) ? $"{name}（{type}）" : type;

    public string Profile(string field) => _profile.GetValueOrDefault(field, field);

    public string Type(FieldType type) => _types.GetValueOrDefault(type.ToString().ToLowerInvariant(), type.ToString());

    private static BenefitLabels Load()
    {
        using var stream = typeof(BenefitLabels).Assembly.GetManifestResourceStream("PolicyLedger.Web.Benefits.labels.yaml")
            ?? throw new InvalidOperationException("the embedded Benefits/labels.yaml is missing from the build");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new BenefitLabels(Section(root, "events"), Section(root, "profile"), Section(root, "types"));
    }

    private static Dictionary<string, string> Section(YamlMappingNode root, string name) =>
        ((YamlMappingNode)root.Children[new YamlScalarNode(name)]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!, StringComparer.Ordinal);
}
