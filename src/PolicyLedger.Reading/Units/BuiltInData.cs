using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Reading.Units;

/// <summary>The generic lexicon of unit names (Data/names.yaml): no place in it.</summary>
internal sealed record UnitLexicon(
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<string, string> Abbreviations,
    IReadOnlyDictionary<string, string> PartyOrgans,
    IReadOnlyDictionary<string, string> MassOrganizations,
    IReadOnlyList<string> OutsideBodyMarks,
    IReadOnlyList<string> CompanyMarks,
    IReadOnlyList<string> OtherMarks,
    IReadOnlyList<string> GenericBodies);

/// <summary>
/// The data files shipped inside the reading library (embedded resources under Units/Data): the places the program
/// knows (places.yaml, in the alias-file format) and the generic lexicon of unit names (names.yaml). A broken data
/// file is a bug of the build, not of the user's input: it throws when first used, and a test reads both.
/// </summary>
internal static class BuiltInData
{
    public const string PlacesResource = "PolicyLedger.Reading.Units.Data.places.yaml";
    public const string NamesResource = "PolicyLedger.Reading.Units.Data.names.yaml";

    private static readonly Lazy<AliasTable> LazyPlaces = new(() =>
    {
        var table = AliasTable.Parse(Text(PlacesResource), "places.yaml (built in)");
        return table.HasErrors
            ? throw new InvalidDataException($"the built-in places are broken: {string.Join("; ", table.Errors)}")
            : table;
    });

    private static readonly Lazy<UnitLexicon> LazyNames = new(() => ReadLexicon(Text(NamesResource)));

    /// <summary>The built-in places, as an alias table with settings and no units.</summary>
    public static AliasTable Places => LazyPlaces.Value;

    public static UnitLexicon Names => LazyNames.Value;

    /// <summary>A hash of both data files: it names the data a ledger's units were resolved with.</summary>
    public static string Fingerprint { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(Text(PlacesResource) + "\n" + Text(NamesResource))))[..12];

    public static string Text(string resource)
    {
        using var stream = typeof(BuiltInData).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidDataException($"the resource {resource} is missing from {typeof(BuiltInData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads names.yaml: lists and mappings of text under the keys the lexicon has.</summary>
    internal static UnitLexicon ReadLexicon(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        IReadOnlyList<string> List(string key) =>
            ((YamlSequenceNode)root.Children[new YamlScalarNode(key)]).Children.Select(Scalar).ToArray();
        IReadOnlyDictionary<string, string> Map(string key) =>
            ((YamlMappingNode)root.Children[new YamlScalarNode(key)]).Children.ToDictionary(c => Scalar(c.Key), c => Scalar(c.Value), StringComparer.Ordinal);
        var known = new[] { "departments", "abbreviations", "party-organs", "mass-organizations", "outside-body-marks", "company-marks", "other-marks", "generic-bodies" };
        if (root.Children.Keys.Select(Scalar).Except(known).FirstOrDefault() is { } unknown)
        {
            throw new InvalidDataException($"names.yaml: unknown key '{unknown}'");
        }

        return new UnitLexicon(
            List("departments"), Map("abbreviations"), Map("party-organs"), Map("mass-organizations"),
            List("outside-body-marks"), List("company-marks"), List("other-marks"), List("generic-bodies"));
    }

    private static string Scalar(YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new InvalidDataException($"names.yaml:{node.Start.Line}: text expected");
}
