using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Places;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Tracking.Periods;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Web.Benefits;

/// <summary>One dated event typed into the 惠企 form: its type, its date and its other fields, one "字段: 值" a line.</summary>
public sealed class EventRow
{
    public string? Type { get; set; }

    public string? Date { get; set; }

    public string? Fields { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Type) && string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Fields);
}

/// <summary>
/// The 惠企 form: an applicant's profile (the fields most scenarios use, and any other field of the vocabulary one
/// "字段: 值" a line), dated events and the date to evaluate at. <see cref="Read"/> turns it into the scenario the
/// calculator takes, through the same <see cref="ScenarioReader"/> scenario files go through, so a value is checked
/// against the vocabulary as it is in a file; every problem is said in Chinese naming the field as the form shows it.
/// </summary>
public sealed partial class ScenarioForm
{
    public const int EventRows = 6;

    public const string FileName = "惠企表单";

    /// <summary>The applicant kinds the form offers: the value scenario files write, and its Chinese name.</summary>
    public static IReadOnlyList<(string Value, string Name)> Kinds { get; } =
    [
        ("enterprise", "企业"), ("个体工商户", "个体工商户"), ("person", "个人"), ("household", "家庭"), ("institution", "事业单位或社会组织"),
    ];

    public static IReadOnlyList<string> Sizes { get; } = ["大型", "中型", "小型", "微型"];

    /// <summary>The profile fields the form asks for in their own inputs (not in 其他情况).</summary>
    public static IReadOnlyList<string> OwnFields { get; } =
        ["kind", "place", "place.province", "place.city", "place.district", "size", "industry", "ownership", "titles", "规上", "小型微利企业", "科技型中小企业"];

    public string? Kind { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? District { get; set; }

    public string? Size { get; set; }

    public string? Industry { get; set; }

    public string? Ownership { get; set; }

    public string? Titles { get; set; }

    /// <summary>规模以上企业: "true", "false", or empty (not said: the calculator takes it as not so).</summary>
    public string? AboveScale { get; set; }

    public string? SmallLowProfit { get; set; }

    public string? TechSme { get; set; }

    /// <summary>The yes/no questions of the profile: the vocabulary's field, the form's property, its value.</summary>
    public IReadOnlyList<(string Field, string Property, string? Value)> YesNo =>
        [("规上", nameof(AboveScale), AboveScale), ("小型微利企业", nameof(SmallLowProfit), SmallLowProfit), ("科技型中小企业", nameof(TechSme), TechSme)];

    /// <summary>Other profile fields, one "字段: 值" a line (status.age: 45).</summary>
    public string? More { get; set; }

    public string? AsOf { get; set; }

    public List<EventRow> Events { get; set; } = [];

    /// <summary>Pads the event rows to <see cref="EventRows"/> (a blank form, or one posted with fewer).</summary>
    public ScenarioForm WithRows()
    {
        while (Events.Count < EventRows)
        {
            Events.Add(new EventRow());
        }

        return this;
    }

    /// <summary>
    /// The scenario the form describes, or the problems with it (each naming the field as the form shows it), and the
    /// warnings (a field the calculator will not use).
    /// </summary>
    public FormReading Read(TermBook terms, ScenarioVocabulary vocabulary, BenefitLabels labels)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new List<string>();
        var profile = new Tree();
        if (string.IsNullOrWhiteSpace(Kind))
        {
            errors.Add("申请人类型：请选择");
        }
        else if (!Kinds.Any(k => k.Value == Kind))
        {
            errors.Add($"申请人类型“{Kind}”不是可选的类型：可选 {string.Join("、", Kinds.Select(k => k.Name))}");
        }
        else
        {
            profile.Set("kind", Plain(Kind));
        }

        foreach (var (path, value) in new[] { ("place.province", Province), ("place.city", City), ("place.district", District), ("ownership", Ownership) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                profile.Set(path, Quoted(value.Trim()));
            }
        }

        if (!string.IsNullOrWhiteSpace(Size))
        {
            if (Sizes.Contains(Size.Trim()))
            {
                profile.Set("size", Quoted(Size.Trim()));
            }
            else
            {
                errors.Add($"企业规模“{Size}”不是可选的规模：可选 {string.Join("、", Sizes)}");
            }
        }

        if (!string.IsNullOrWhiteSpace(Industry))
        {
            // Industries are free text matched against the rules' terms (rules/terms.yaml); text no term says is unknown.
            if (terms.Terms.Any(t => terms.Says(Industry.Trim(), t.Name)))
            {
                profile.Set("industry", Quoted(Industry.Trim()));
            }
            else
            {
                errors.Add($"所属行业“{Industry.Trim()}”无法识别：请写出具体行业，如 汽车零部件制造、餐饮服务、软件和信息技术服务");
            }
        }

        var titles = (Titles ?? string.Empty).Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (titles.Length > 0)
        {
            profile.Set("titles", new YamlSequenceNode(titles.Select(t => (YamlNode)Quoted(t))));
        }

        foreach (var (field, _, value) in YesNo)
        {
            switch (value?.Trim())
            {
                case null or "":
                    break;
                case "true" or "false":
                    profile.Set(field, Plain(value.Trim()));
                    break;
                default:
                    errors.Add($"{labels.Profile(field)}“{value}”：请选择 是 或 否");
                    break;
            }
        }

        foreach (var (key, value, line) in Lines(More, "其他情况", errors))
        {
            if (OwnFields.Contains(key) || OwnFields.Any(f => key.StartsWith(f + ".", StringComparison.Ordinal)))
            {
                errors.Add($"其他情况第{line}行：“{key}”请在上方的“{labels.Profile(key.Split('.')[0])}”中填写");
            }
            else if (vocabulary.ProfileField(key) is null)
            {
                errors.Add($"其他情况第{line}行：不认识的字段“{key}”：可用的字段见表单下方的说明");
            }
            else if (!profile.Set(key, value))
            {
                errors.Add($"其他情况第{line}行：字段“{key}”重复");
            }
        }

        var events = new YamlSequenceNode();
        var rows = new List<int>();
        for (var i = 0; i < Events.Count; i++)
        {
            if (EventOf(Events[i], i + 1, vocabulary, labels, errors) is { } node)
            {
                events.Add(node);
                rows.Add(i + 1);
            }
        }

        var root = new YamlMappingNode { { "profile", profile.ToNode() }, { "events", events } };
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (DateInput.TryParse(AsOf, out var asOf))
            {
                root.Add("as_of", Plain(asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            else
            {
                errors.Add($"评估日“{AsOf}”不是日期：请写作 {DateInput.Formats}");
            }
        }

        if (errors.Count > 0)
        {
            return new FormReading(null, errors, []);
        }

        var load = new ScenarioReader(vocabulary).Read(root, FileName);
        var said = load.Diagnostics.Select(d => (d, Text: Describe(d, rows, vocabulary, labels))).ToList();
        return load.HasErrors || load.Scenarios.Count != 1
            ? new FormReading(null, said.Where(x => x.d.IsError).Select(x => x.Text).ToList(), [])
            : new FormReading(load.Scenarios[0], [], load.Diagnostics.Where(d => !d.IsError).ToList());
    }

    /// <summary>One event row as a scenario event (id e and its row number); null when the row is blank or wrong.</summary>
    private static YamlMappingNode? EventOf(EventRow row, int number, ScenarioVocabulary vocabulary, BenefitLabels labels, List<string> errors)
    {
        if (row.IsBlank)
        {
            return null;
        }

        var where = $"事件{number}";
        var type = row.Type?.Trim();
        if (string.IsNullOrEmpty(type))
        {
            errors.Add($"{where}：请选择事件类型");
            return null;
        }

        if (!vocabulary.Events.ContainsKey(type))
        {
            errors.Add($"{where}：“{type}”不是可选的事件类型");
            return null;
        }

        where = $"事件{number}（{labels.Event(type)}）";
        var node = new YamlMappingNode { { "id", Plain($"e{number}") }, { "type", Quoted(type) } };
        if (string.IsNullOrWhiteSpace(row.Date))
        {
            errors.Add($"{where}的日期：请填写");
        }
        else if (DateInput.TryParse(row.Date, out var date))
        {
            node.Add("date", Plain(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else
        {
            errors.Add($"{where}的日期“{row.Date}”不是日期：请写作 {DateInput.Formats}");
        }

        var fields = new Tree();
        foreach (var (key, value, line) in Lines(row.Fields, $"{where}的其他字段", errors))
        {
            if (key is "id" or "type" or "date")
            {
                errors.Add($"{where}的其他字段第{line}行：{key} 由表单给出，不必再写");
            }
            else if (vocabulary.EventField(type, key) is null)
            {
                var known = vocabulary.Events[type].Keys;
                errors.Add($"{where}的其他字段第{line}行：不认识的字段“{key}”：{labels.Event(type)}可用 {string.Join("、", known)}");
            }
            else if (!fields.Set(key, value))
            {
                errors.Add($"{where}的其他字段第{line}行：字段“{key}”重复");
            }
        }

        foreach (var (key, value) in fields.ToNode().Children)
        {
            node.Add(key, value);
        }

        return node;
    }

    /// <summary>The "字段: 值" lines of a text box (a colon of either width); a value is read as YAML (5000, 是, [甲, 乙], {a: 1}).</summary>
    private static IEnumerable<(string Key, YamlNode Value, int Line)> Lines(string? text, string box, List<string> errors)
    {
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOfAny([':', '：']);
            if (colon <= 0)
            {
                errors.Add($"{box}第{i + 1}行“{line}”：请写作“字段: 值”");
                continue;
            }

            var key = line[..colon].Trim();
            var raw = line[(colon + 1)..].Trim();
            if (ValueOf(raw) is { } value)
            {
                yield return (key, value, i + 1);
            }
            else
            {
                errors.Add($"{box}第{i + 1}行：字段“{key}”的值“{raw}”无法读取");
            }
        }
    }

    /// <summary>A value as YAML reads it (a flow node: a scalar, [list] or {map}); null when YAML cannot read it.</summary>
    private static YamlNode? ValueOf(string raw)
    {
        if (raw.Length == 0)
        {
            return Plain(string.Empty);
        }

        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(raw));
            return yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is var node and (YamlScalarNode or YamlSequenceNode or YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow })
                ? node
                : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>A reader's diagnostic said with the field as the form shows it (所属行业, 事件2（购买汽车）的 price).</summary>
    private static string Describe(BenefitDiagnostic d, IReadOnlyList<int> rows, ScenarioVocabulary vocabulary, BenefitLabels labels)
    {
        var path = d.Path ?? string.Empty;
        string where;
        if (path.StartsWith("profile.", StringComparison.Ordinal))
        {
            var field = path["profile.".Length..];
            var type = vocabulary.ProfileField(field);
            where = OwnFields.Contains(field) ? labels.Profile(field) : $"其他情况的 {field}{(type is { } t ? $"（{labels.Type(t)}）" : string.Empty)}";
        }
        else if (EventPath().Match(path) is { Success: true } m)
        {
            var index = m.Groups["index"].Value;
            var number = int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < rows.Count ? rows[n]
                : index.StartsWith('e') && int.TryParse(index[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : 0;
            var field = m.Groups["field"].Value;
            where = $"事件{number}{(field.Length > 0 ? $"的 {field}" : string.Empty)}";
        }
        else
        {
            where = path == "as_of" ? "评估日" : "表单";
        }

        return $"{where}：{d.Message}（{d.Code}）";
    }

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>A text typed by a person: kept as text (never taken for a number, a date or true).</summary>
    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static readonly char[] TitleSeparators = [',', '，', '、', ';', '；', '\n'];

    [GeneratedRegex(@"^events\[(?<index>[^\]]+)\]\.?(?<field>.*)$", RegexOptions.None, 100)]
    private static partial Regex EventPath();

    /// <summary>Fields set by dotted paths (status.age) as nested maps.</summary>
    private sealed class Tree
    {
        private readonly Dictionary<string, object> _children = new(StringComparer.Ordinal);

        /// <summary>Sets a path; false when it was set already (or a parent of it holds a value).</summary>
        public bool Set(string path, YamlNode value)
        {
            var parts = path.Split('.');
            var at = this;
            foreach (var part in parts[..^1])
            {
                if (!at._children.TryGetValue(part, out var child))
                {
                    child = new Tree();
                    at._children[part] = child;
                }

                if (child is not Tree tree)
                {
                    return false;
                }

                at = tree;
            }

            return at._children.TryAdd(parts[^1], value);
        }

        public YamlMappingNode ToNode()
        {
            var node = new YamlMappingNode();
            foreach (var (key, child) in _children)
            {
                node.Add(key, child is Tree tree ? tree.ToNode() : (YamlNode)child);
            }

            return node;
        }
    }
}

/// <summary>What the form gave: the scenario (null when the form has errors), the errors in Chinese, the reader's warnings.</summary>
public sealed record FormReading(Scenario? Scenario, IReadOnlyList<string> Errors, IReadOnlyList<BenefitDiagnostic> Warnings);
