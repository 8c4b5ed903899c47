using PolicyLedger.Benefits.Places;
using PolicyLedger.Reading.Syntax;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Rules;

/// <summary>
/// Loads a folder of rule files: one YAML file per document (top key <c>document:</c>), the gazetteer
/// (<c>places:</c>, <c>areas:</c>) and the terms (<c>terms:</c>). Never throws on bad files: a rule with an error is
/// left out and the error says file, line and column; the other rules and files still load.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The environment variable naming the rules folder when --rules is not given.</summary>
    public const string EnvironmentVariable = "POLICYLEDGER_RULES";

    /// <summary>
    /// The rules folder the CLI and the web application use: the one given (--rules, a setting), else
    /// $POLICYLEDGER_RULES, else the rules shipped beside the program, else ./rules.
    /// </summary>
    public static string Folder(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "rules");
        return Directory.Exists(shipped) ? shipped : "rules";
    }

    public static RuleSet Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new RuleSet([], PlaceBook.Empty, TermBook.Empty,
                [new BenefitDiagnostic(BenefitCodes.RuleFileUnreadable, DiagnosticSeverity.Error, directory, 0, 0, null, "规则目录不存在")], directory);
        }

        var files = new List<(string Path, string? Text, string? Error)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal))
        {
            try
            {
                files.Add((path, File.ReadAllText(path), null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files.Add((path, null, e.Message));
            }
        }

        return Load(files, directory);
    }

    /// <summary>Loads rule files given as texts (path → text; a null text with the reason it could not be read).</summary>
    public static RuleSet Load(IEnumerable<(string Path, string? Text, string? Error)> files, string source)
    {
        var diagnostics = new List<BenefitDiagnostic>();
        var documents = new List<(string Path, YamlMappingNode Root)>();
        var nodes = new List<PlaceNode>();
        var areas = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var terms = new List<Term>();
        foreach (var (path, text, error) in files)
        {
            if (text is null)
            {
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleFileUnreadable, DiagnosticSeverity.Error, path, 0, 0, null, $"无法读取规则文件：{error}"));
                continue;
            }

            var (root, yamlError) = YamlData.Load(text, path, BenefitCodes.RuleFileNotYaml);
            if (yamlError is not null)
            {
                diagnostics.Add(yamlError);
                continue;
            }

            if (root is not YamlMappingNode map)
            {
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleShape, DiagnosticSeverity.Error, path, root is null ? 0 : YamlData.Line(root), root is null ? 0 : YamlData.Column(root), null,
                    "规则文件应是映射：document 与 rules，或 places/areas，或 terms"));
                continue;
            }

            var recognised = false;
            if (YamlData.Child(map, "document") is not null)
            {
                documents.Add((path, map));
                recognised = true;
            }

            if (YamlData.Child(map, "places") is { } places)
            {
                ReadPlaces(places, null, 0, path, nodes, diagnostics);
                recognised = true;
            }

            if (YamlData.Child(map, "areas") is { } areaNode)
            {
                ReadAreas(areaNode, path, areas, diagnostics);
                recognised = true;
            }

            if (YamlData.Child(map, "terms") is { } termNode)
            {
                ReadTerms(termNode, path, terms, diagnostics);
                recognised = true;
            }

            if (!recognised)
            {
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleShape, DiagnosticSeverity.Error, path, YamlData.Line(map), YamlData.Column(map), null,
                    "不认识的规则文件：顶层应有 document、places、areas 或 terms"));
            }
        }

        foreach (var duplicate in nodes.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleShape, DiagnosticSeverity.Error, source, 0, 0, "places", $"地名“{duplicate.Key}”重复"));
        }

        var placeBook = new PlaceBook(nodes.DistinctBy(n => n.Name), areas);
        foreach (var (area, members) in areas)
        {
            foreach (var unknown in members.Where(m => !placeBook.Knows(m)))
            {
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleUnknownPlace, DiagnosticSeverity.Error, source, 0, 0, $"areas.{area}", $"区域“{area}”所列的“{unknown}”不在地名表中"));
            }
        }

        var termBook = new TermBook(terms.DistinctBy(t => t.Name));
        var reader = new RuleFileReader(placeBook, termBook);
        var loaded = new List<RuleDocument>();
        foreach (var (path, root) in documents)
        {
            if (reader.Read(root, path, diagnostics) is { } document)
            {
                if (loaded.FirstOrDefault(d => d.Key == document.Key || d.Cite == document.Cite) is { } twin)
                {
                    diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleDuplicateDocument, DiagnosticSeverity.Error, path, YamlData.Line(root), YamlData.Column(root), "document",
                        $"文件“{document.Cite}”已由 {twin.File} 给出规则"));
                    continue;
                }

                loaded.Add(document);
            }
        }

        return new RuleSet(loaded, placeBook, termBook, diagnostics, source);
    }

    private static void ReadPlaces(YamlNode node, string? parent, int depth, string file, List<PlaceNode> nodes, List<BenefitDiagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            diagnostics.Add(Error(file, node, "places", "places 与 parts 应是列表（地名，或含 name、aliases、parts 的映射）"));
            return;
        }

        foreach (var child in list.Children)
        {
            switch (child)
            {
                case YamlScalarNode { Value: { Length: > 0 } name }:
                    nodes.Add(new PlaceNode(name, [], parent, depth));
                    break;
                case YamlMappingNode map when YamlData.Scalar(YamlData.Child(map, "name")) is { Length: > 0 } name:
                    {
                        var aliases = YamlData.Child(map, "aliases") is YamlSequenceNode a
                            ? a.Children.Select(YamlData.Scalar).OfType<string>().ToList()
                            : [];
                        nodes.Add(new PlaceNode(name, aliases, parent, depth));
                        if (YamlData.Child(map, "parts") is { } parts)
                        {
                            ReadPlaces(parts, name, depth + 1, file, nodes, diagnostics);
                        }

                        break;
                    }

                default:
                    diagnostics.Add(Error(file, child, "places", "每个地方应是地名，或含 name 的映射"));
                    break;
            }
        }
    }

    private static void ReadAreas(YamlNode node, string file, Dictionary<string, IReadOnlyList<string>> areas, List<BenefitDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Error(file, node, "areas", "areas 应是映射：区域名 → 所含地方的列表"));
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = YamlData.Scalar(key) ?? string.Empty;
            if (value is not YamlSequenceNode members)
            {
                diagnostics.Add(Error(file, value, $"areas.{name}", "区域应列出所含的地方"));
                continue;
            }

            areas[name] = members.Children.Select(YamlData.Scalar).OfType<string>().ToList();
        }
    }

    private static void ReadTerms(YamlNode node, string file, List<Term> terms, List<BenefitDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Error(file, node, "terms", "terms 应是映射：词条 → any/not 字样列表"));
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = YamlData.Scalar(key) ?? string.Empty;
            switch (value)
            {
                case YamlSequenceNode plain:
                    terms.Add(new Term(name, plain.Children.Select(YamlData.Scalar).OfType<string>().ToList(), []));
                    break;
                case YamlMappingNode full:
                    terms.Add(new Term(
                        name,
                        YamlData.Child(full, "any") is YamlSequenceNode any ? any.Children.Select(YamlData.Scalar).OfType<string>().ToList() : [name],
                        YamlData.Child(full, "not") is YamlSequenceNode not ? not.Children.Select(YamlData.Scalar).OfType<string>().ToList() : []));
                    break;
                default:
                    diagnostics.Add(Error(file, value, $"terms.{name}", "词条应是字样列表，或含 any、not 的映射"));
                    break;
            }
        }
    }

    private static BenefitDiagnostic Error(string file, YamlNode node, string path, string message) =>
        new(BenefitCodes.RuleShape, DiagnosticSeverity.Error, file, YamlData.Line(node), YamlData.Column(node), path, message);
}
