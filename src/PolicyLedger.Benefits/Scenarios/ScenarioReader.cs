using System.Globalization;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Reading.Syntax;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Scenarios;

/// <summary>
/// Reads scenario files: one scenario (profile, events, as_of at the top) or a list under <c>scenarios:</c>, in the
/// form of ../shared/gold/benefits_examples.yaml. Every value is checked against the <see cref="ScenarioVocabulary"/>:
/// an unknown event type, a date that is not a date, a negative amount or a value of the wrong type is an error
/// naming the file, line and field path (<c>events[2].price</c>); a field the vocabulary does not know is a warning.
/// A scenario with errors is not returned; the others of the file are.
/// </summary>
public sealed class ScenarioReader(ScenarioVocabulary vocabulary)
{
    private static readonly HashSet<string> ScenarioKeys = new(StringComparer.Ordinal)
    {
        "id", "title", "kind", "visible", "profile", "events", "as_of", "expected", "not_entitled", "excluded",
        "total_exact", "total_up_to", "notes", "about",
    };

    public ScenarioReader()
        : this(ScenarioVocabulary.Default)
    {
    }

    public ScenarioLoad ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ScenarioLoad([], [Error(BenefitCodes.ScenarioUnreadable, path, null, null, $"无法读取情形文件：{e.Message}")]);
        }

        return Read(text, path);
    }

    public ScenarioLoad Read(string yaml, string file = "(情形)")
    {
        var (root, error) = YamlData.Load(yaml, file, BenefitCodes.ScenarioNotYaml);
        if (error is not null)
        {
            return new ScenarioLoad([], [error]);
        }

        return Read(root, file);
    }

    /// <summary>Reads scenarios from a YAML node already loaded (a rule's test case).</summary>
    public ScenarioLoad Read(YamlNode? root, string file)
    {
        if (root is not YamlMappingNode map)
        {
            return new ScenarioLoad([], [Error(BenefitCodes.ScenarioShape, file, root, null, "情形文件应是映射：profile、events、as_of，或 scenarios 列表")]);
        }

        var diagnostics = new List<BenefitDiagnostic>();
        var scenarios = new List<Scenario>();
        if (YamlData.Child(map, "scenarios") is { } list)
        {
            if (list is not YamlSequenceNode sequence)
            {
                return new ScenarioLoad([], [Error(BenefitCodes.ScenarioShape, file, list, "scenarios", "scenarios 应是列表")]);
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (sequence.Children[i] is not YamlMappingNode one)
                {
                    diagnostics.Add(Error(BenefitCodes.ScenarioShape, file, sequence.Children[i], $"scenarios[{i}]", "每个情形应是映射"));
                    continue;
                }

                ReadOne(one, file, $"scenarios[{i}].", diagnostics, scenarios);
            }
        }
        else
        {
            ReadOne(map, file, string.Empty, diagnostics, scenarios);
        }

        if (scenarios.Count == 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(Error(BenefitCodes.NoScenario, file, map, null, "文件中没有情形"));
        }

        return new ScenarioLoad(scenarios, diagnostics);
    }

    private void ReadOne(YamlMappingNode node, string file, string prefix, List<BenefitDiagnostic> diagnostics, List<Scenario> scenarios)
    {
        var errorsBefore = diagnostics.Count(d => d.IsError);
        foreach (var (key, value) in node.Children)
        {
            var name = YamlData.Scalar(key) ?? string.Empty;
            if (!ScenarioKeys.Contains(name))
            {
                diagnostics.Add(Warning(BenefitCodes.UnknownField, file, key, prefix + name, $"不认识的字段“{name}”（已忽略）"));
            }
        }

        var profile = new Dictionary<string, object?>(StringComparer.Ordinal);
        var profileNode = YamlData.Child(node, "profile");
        if (profileNode is YamlMappingNode profileMap)
        {
            profile = ReadFields(profileMap, file, prefix + "profile", path => vocabulary.ProfileField(path), diagnostics);
        }
        else if (profileNode is not null && YamlData.Scalar(profileNode) is not (null or ""))
        {
            diagnostics.Add(Error(BenefitCodes.ScenarioShape, file, profileNode, prefix + "profile", "profile 应是映射"));
        }
        else if (profileNode is null)
        {
            diagnostics.Add(Error(BenefitCodes.MissingField, file, node, prefix + "profile", "缺少 profile（申请人的情况）"));
        }

        var events = new List<ScenarioEvent>();
        var eventsNode = YamlData.Child(node, "events");
        if (eventsNode is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                ReadEvent(sequence.Children[i], file, $"{prefix}events[{i}]", i, diagnostics, events);
            }
        }
        else if (eventsNode is not null && YamlData.Scalar(eventsNode) is not (null or ""))
        {
            diagnostics.Add(Error(BenefitCodes.ScenarioShape, file, eventsNode, prefix + "events", "events 应是列表"));
        }

        // Loans the profile lists are events of type loan too, when dated.
        if (profile.GetValueOrDefault("loans") is IReadOnlyList<object?> loans && profileNode is YamlMappingNode pm
            && YamlData.Child(pm, "loans") is YamlSequenceNode loanNodes)
        {
            for (var i = 0; i < loans.Count && i < loanNodes.Children.Count; i++)
            {
                if (loans[i] is IReadOnlyDictionary<string, object?> loan && loan.ContainsKey("date"))
                {
                    ReadEvent(loanNodes.Children[i], file, $"{prefix}profile.loans[{i}]", events.Count, diagnostics, events, "loan");
                }
            }
        }

        foreach (var duplicate in events.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            diagnostics.Add(Error(BenefitCodes.DuplicateEventId, file, null, prefix + "events", $"事件编号“{duplicate.Key}”重复（第 {string.Join("、", duplicate.Select(e => e.Line))} 行）") with { Line = duplicate.Last().Line });
        }

        var ids = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in events)
        {
            foreach (var (field, value) in e.Fields)
            {
                if (vocabulary.EventField(e.Type, field) == FieldType.Ref && value is string target && !ids.Contains(target.Trim()))
                {
                    diagnostics.Add(Warning(BenefitCodes.UnknownEventReference, file, null, $"{prefix}events[{e.Id}].{field}", $"没有编号为“{target}”的事件") with { Line = e.Line });
                }
            }
        }

        DateOnly? asOf = null;
        if (YamlData.Child(node, "as_of") is { } asOfNode)
        {
            var value = YamlData.ToValue(asOfNode);
            if (value is DateOnly d)
            {
                asOf = d;
            }
            else if (value is not null)
            {
                diagnostics.Add(Error(BenefitCodes.NotADate, file, asOfNode, prefix + "as_of", $"“{Values.Format(value)}”不是日期：应写作 2023-04-30"));
            }
        }

        if (asOf is { } limit)
        {
            foreach (var late in events.Where(e => e.Date > limit))
            {
                diagnostics.Add(Warning(BenefitCodes.EventAfterAsOf, file, null, $"{prefix}events[{late.Id}]", $"事件 {late.Id} 的日期 {Values.Format(late.Date)} 晚于评估日 {Values.Format(limit)}，评估时不计") with { Line = late.Line });
            }
        }

        if (diagnostics.Count(d => d.IsError) > errorsBefore)
        {
            return;
        }

        scenarios.Add(new Scenario(
            YamlData.Child(node, "id") is { } id ? Values.Format(YamlData.ToValue(id)) : null,
            YamlData.Scalar(YamlData.Child(node, "title")),
            profile,
            events,
            asOf,
            file,
            YamlData.Line(node)));
    }

    private void ReadEvent(YamlNode node, string file, string path, int index, List<BenefitDiagnostic> diagnostics, List<ScenarioEvent> events, string? impliedType = null)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(Error(BenefitCodes.ScenarioShape, file, node, path, "每个事件应是映射（id、date、type 和各字段）"));
            return;
        }

        var type = impliedType ?? YamlData.Scalar(YamlData.Child(map, "type"));
        if (string.IsNullOrWhiteSpace(type))
        {
            diagnostics.Add(Error(BenefitCodes.MissingField, file, map, path + ".type", "事件缺少 type（事件类型）"));
            return;
        }

        if (!vocabulary.Events.ContainsKey(type))
        {
            var near = vocabulary.Events.Keys
                .Select(k => (Key: k, Distance: Distance(k, type)))
                .Where(x => x.Distance <= Math.Max(2, type.Length / 4) || x.Key.Contains(type, StringComparison.OrdinalIgnoreCase))
                .OrderBy(x => x.Distance).Take(3).Select(x => x.Key).ToList();
            diagnostics.Add(Error(BenefitCodes.UnknownEventType, file, YamlData.Child(map, "type") ?? map, path + ".type",
                $"不认识的事件类型“{type}”{(near.Count > 0 ? $"（是否是 {string.Join("、", near)}？）" : string.Empty)}；可用的类型见 docs/benefits.md"));
            return;
        }

        var fields = ReadFields(map, file, path, p => vocabulary.EventField(type, p), diagnostics);
        fields["type"] = type;
        if (!fields.TryGetValue("id", out var idValue) || idValue is null)
        {
            idValue = $"e{index + 1}";
            diagnostics.Add(Warning(BenefitCodes.MissingField, file, map, path + ".id", $"事件没有 id，按位置记为 {idValue}"));
        }

        var id = Values.Format(idValue);
        fields["id"] = id;
        if (fields.GetValueOrDefault("date") is not DateOnly date)
        {
            if (!fields.ContainsKey("date"))
            {
                diagnostics.Add(Error(BenefitCodes.MissingField, file, map, path + ".date", "事件缺少 date（日期）"));
            }

            return;
        }

        events.Add(new ScenarioEvent(id, type, date, fields, YamlData.Line(map)));
    }

    private Dictionary<string, object?> ReadFields(YamlMappingNode map, string file, string path, Func<string, FieldType?> typeOf, List<BenefitDiagnostic> diagnostics)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = YamlData.Scalar(keyNode) ?? string.Empty;
            result[key] = Check(key, valueNode, file, path, typeOf, diagnostics);
        }

        return result;
    }

    /// <summary>Checks one value (and, for maps and lists, what is inside) against its type; returns the value as computed with.</summary>
    private object? Check(string fieldPath, YamlNode node, string file, string path, Func<string, FieldType?> typeOf, List<BenefitDiagnostic> diagnostics)
    {
        var where = $"{path}.{fieldPath}";
        var type = typeOf(fieldPath);
        var value = YamlData.ToValue(node);
        if (type is null)
        {
            diagnostics.Add(Warning(BenefitCodes.UnknownField, file, node, where, $"不认识的字段“{fieldPath}”：计算时不会用到它"));
            return value;
        }

        if (node is YamlMappingNode inner && type is FieldType.Map)
        {
            var nested = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (k, v) in inner.Children)
            {
                var key = YamlData.Scalar(k) ?? string.Empty;
                nested[key] = Check($"{fieldPath}.{key}", v, file, path, typeOf, diagnostics);
            }

            return nested;
        }

        if (value is null)
        {
            return null;
        }

        string? problem = null;
        var code = BenefitCodes.WrongType;
        switch (type)
        {
            case FieldType.Bool:
                switch (value)
                {
                    case bool:
                        break;
                    case string s when s.Trim() is "是" or "yes" or "Yes" or "对":
                        value = true;
                        break;
                    case string s when s.Trim() is "否" or "no" or "No" or "不":
                        value = false;
                        break;
                    default:
                        problem = $"应是 true 或 false，而不是“{Values.Format(value)}”";
                        break;
                }

                break;
            case FieldType.Date:
                if (value is not DateOnly)
                {
                    problem = $"“{Values.Format(value)}”不是日期：应写作 2023-02-15";
                    code = BenefitCodes.NotADate;
                }

                break;
            case FieldType.Month:
                if (value is not DateOnly && (value is not string m || Values.AsPeriod(m) is not { } r || r.Start.Day != 1 || r.End != r.Start.AddMonths(1).AddDays(-1)))
                {
                    problem = $"“{Values.Format(value)}”不是月份或日期：应写作 2022-07 或 2022-07-01";
                    code = BenefitCodes.NotADate;
                }

                break;
            case FieldType.Period:
                if (Values.AsPeriod(value) is null)
                {
                    problem = $"“{Values.Format(value)}”不是期间：应写作 2023、2023Q1、2023-05 或日期";
                    code = BenefitCodes.NotADate;
                }

                break;
            case FieldType.Money or FieldType.Usd or FieldType.Count or FieldType.Measure:
                (problem, code) = NonNegative(value, type.Value);
                break;
            case FieldType.Amounts:
                if (value is IReadOnlyDictionary<string, object?> amounts)
                {
                    foreach (var (k, v) in amounts)
                    {
                        var (p, c) = NonNegative(v, FieldType.Money);
                        if (p is not null)
                        {
                            diagnostics.Add(Error(c, file, node, $"{where}.{k}", p));
                        }
                    }
                }
                else
                {
                    (problem, code) = NonNegative(value, FieldType.Money);
                }

                break;
            case FieldType.Number:
                if (value is not decimal)
                {
                    problem = $"应是数，而不是“{Values.Format(value)}”";
                }

                break;
            case FieldType.Percent:
                if (value is string ps && ps.Trim().EndsWith('%') && decimal.TryParse(ps.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pct))
                {
                    value = pct;
                }
                else if (value is not decimal)
                {
                    problem = $"应是百分数（3、0.03 或 3%），而不是“{Values.Format(value)}”";
                }

                if (value is decimal negative && negative < 0)
                {
                    problem = $"不能为负数（{Values.Format(value)}）";
                    code = BenefitCodes.NegativeAmount;
                }

                break;
            case FieldType.Text or FieldType.Ref:
                if (value is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>)
                {
                    problem = "应是一段文字";
                }
                else
                {
                    value = Values.Format(value);
                }

                break;
            case FieldType.Place:
                if (value is not (string or IReadOnlyDictionary<string, object?>))
                {
                    problem = $"应是地名或省、市、区，而不是“{Values.Format(value)}”";
                }

                break;
            case FieldType.List:
                if (value is not IReadOnlyList<object?>)
                {
                    problem = "应是列表";
                }

                break;
        }

        if (problem is not null)
        {
            diagnostics.Add(Error(code, file, node, where, problem));
        }

        return value;
    }

    private static (string? Problem, string Code) NonNegative(object? value, FieldType type)
    {
        if (value is not decimal d)
        {
            return ($"应是数{(type == FieldType.Usd ? "（美元）" : type == FieldType.Money ? "（元）" : string.Empty)}，而不是“{Values.Format(value)}”", BenefitCodes.WrongType);
        }

        if (d < 0)
        {
            return ($"不能为负数（{Values.Format(d)}）", BenefitCodes.NegativeAmount);
        }

        if (type == FieldType.Count && d != decimal.Truncate(d))
        {
            return ($"应是整数，而不是 {Values.Format(d)}", BenefitCodes.WrongType);
        }

        return (null, BenefitCodes.WrongType);
    }

    /// <summary>Edit distance, to suggest the event type meant by a misspelt one.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static BenefitDiagnostic Error(string code, string file, YamlNode? node, string? path, string message) =>
        new(code, DiagnosticSeverity.Error, file, node is null ? 0 : YamlData.Line(node), node is null ? 0 : YamlData.Column(node), path, message);

    private static BenefitDiagnostic Warning(string code, string file, YamlNode? node, string? path, string message) =>
        new(code, DiagnosticSeverity.Warning, file, node is null ? 0 : YamlData.Line(node), node is null ? 0 : YamlData.Column(node), path, message);
}
