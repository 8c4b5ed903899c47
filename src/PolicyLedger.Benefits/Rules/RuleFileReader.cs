using System.Globalization;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Places;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Reading.Syntax;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Rules;

/// <summary>
/// Reads one document's rule file (format in docs/benefits.md) and checks it: keys, dates, expressions (syntax, names,
/// functions, event fields against the scenario vocabulary), places against the gazetteer, reason codes, groups. Each
/// problem is a diagnostic with file, line and column; a rule with an error is left out, the others stay.
/// </summary>
internal sealed class RuleFileReader(PlaceBook places, TermBook terms)
{
    private static readonly HashSet<string> DocumentKeys = new(StringComparer.Ordinal)
    {
        "key", "cite", "number", "title", "issuer", "date", "applies_in", "valid", "groups", "test_profile", "note",
    };

    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "id", "item", "benefit", "quote", "quote_item", "applicants", "on", "combine", "place", "within", "let", "requires",
        "window", "when", "amount", "payer", "shares", "group", "priority", "also_items", "note", "tests",
    };

    private static readonly HashSet<string> AmountKeys = new(StringComparer.Ordinal)
    {
        "value", "tiers", "none", "cap", "cap_label", "kind", "per", "explain",
    };

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "exact", "max", "min", "not_stated", "non_monetary" };

    private readonly ScenarioVocabulary _vocabulary = ScenarioVocabulary.Default;
    private string _file = string.Empty;
    private List<BenefitDiagnostic> _diagnostics = [];

    public RuleDocument? Read(YamlMappingNode root, string file, List<BenefitDiagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
        var errorsBefore = diagnostics.Count(d => d.IsError);
        if (YamlData.Child(root, "document") is not YamlMappingNode doc)
        {
            Error(BenefitCodes.RuleShape, root, "document", "document 应是映射（key、cite、date、applies_in、valid …）");
            return null;
        }

        foreach (var top in root.Children.Keys.Select(YamlData.Scalar).Where(k => k is not ("document" or "rules")))
        {
            Error(BenefitCodes.RuleUnknownKey, root, top, $"不认识的顶层键“{top}”（应为 document 与 rules）");
        }

        UnknownKeys(doc, DocumentKeys, "document");
        var key = Text(doc, "key", "document", required: true);
        var cite = Text(doc, "cite", "document", required: true);
        var date = Date(doc, "date", "document");
        var appliesIn = Strings(YamlData.Child(doc, "applies_in"));
        if (appliesIn.Count == 0)
        {
            Error(BenefitCodes.RuleMissingField, doc, "document.applies_in", "缺少 applies_in：文件适用的地方");
        }

        foreach (var place in appliesIn.Where(p => !places.Knows(p)))
        {
            Error(BenefitCodes.RuleUnknownPlace, YamlData.Child(doc, "applies_in")!, "document.applies_in", $"“{place}”不在地名表（places.yaml）中");
        }

        DateRange? validity = null;
        string? validityNote = null, validityQuote = null, validityItem = null;
        if (YamlData.Child(doc, "valid") is YamlMappingNode valid)
        {
            var from = Date(valid, "from", "document.valid") ?? date;
            var to = Date(valid, "to", "document.valid");
            validityNote = Text(valid, "note", "document.valid");
            validityQuote = Text(valid, "quote", "document.valid");
            validityItem = ItemText(YamlData.Child(valid, "item"));
            if (from is { } f && to is { } t && f <= t)
            {
                validity = new DateRange(f, t);
            }
            else
            {
                Error(BenefitCodes.RuleBadDate, valid, "document.valid", "有效期应有 from（缺省为文件日期）与 to，且 from 不晚于 to");
            }
        }
        else
        {
            Error(BenefitCodes.RuleMissingField, doc, "document.valid", "缺少 valid：文件的有效期（未载明的，写明按何种解读）");
        }

        var groups = new Dictionary<string, RuleGroup>(StringComparer.Ordinal);
        if (YamlData.Child(doc, "groups") is YamlMappingNode groupMap)
        {
            foreach (var (k, v) in groupMap.Children)
            {
                var name = YamlData.Scalar(k) ?? string.Empty;
                if (v is YamlMappingNode g)
                {
                    groups[name] = new RuleGroup(name, ItemText(YamlData.Child(g, "item")) ?? string.Empty, Text(g, "quote", $"document.groups.{name}", required: true) ?? string.Empty);
                }
                else
                {
                    Error(BenefitCodes.RuleShape, v, $"document.groups.{name}", "从高不重复组应给出 item 与 quote");
                }
            }
        }

        if (key is null || cite is null || validity is null || diagnostics.Count(d => d.IsError) > errorsBefore)
        {
            return null;
        }

        var document = new RuleDocument
        {
            Key = key,
            Cite = cite,
            Number = Text(doc, "number", "document") ?? (cite.Contains('〔') ? cite : null),
            Title = Text(doc, "title", "document"),
            Issuer = Text(doc, "issuer", "document"),
            Date = date,
            AppliesIn = appliesIn,
            Validity = validity,
            ValidityNote = validityNote,
            ValidityQuote = validityQuote,
            ValidityItem = validityItem,
            Groups = groups,
            TestProfile = YamlData.Child(doc, "test_profile") as YamlMappingNode,
            File = file,
        };

        var rules = new List<BenefitRule>();
        if (YamlData.Child(root, "rules") is YamlSequenceNode ruleList)
        {
            foreach (var node in ruleList.Children)
            {
                if (node is not YamlMappingNode ruleNode)
                {
                    Error(BenefitCodes.RuleShape, node, "rules", "每条规则应是映射");
                    continue;
                }

                var before = diagnostics.Count(d => d.IsError);
                var rule = ReadRule(ruleNode, document);
                if (rule is not null && diagnostics.Count(d => d.IsError) == before)
                {
                    if (rules.Any(r => r.Id == rule.Id))
                    {
                        Error(BenefitCodes.RuleDuplicateId, ruleNode, $"rules.{rule.Id}", $"规则编号“{rule.Id}”重复");
                        continue;
                    }

                    rules.Add(rule);
                }
            }
        }
        else
        {
            Error(BenefitCodes.RuleMissingField, root, "rules", "缺少 rules：规则列表");
        }

        return document with { Rules = rules };
    }

    private BenefitRule? ReadRule(YamlMappingNode node, RuleDocument document)
    {
        var id = Text(node, "id", "rules[]", required: true);
        var path = $"rules.{id ?? "?"}";
        UnknownKeys(node, RuleKeys, path);
        var item = ItemText(YamlData.Child(node, "item"));
        if (item is null)
        {
            Error(BenefitCodes.RuleMissingField, node, path + ".item", "缺少 item：条目编号（照文件所印，如 1、（四）、三、主要任务一）");
        }

        var benefit = Text(node, "benefit", path, required: true);
        var quote = Text(node, "quote", path, required: true);
        var on = Strings(YamlData.Child(node, "on"));
        if (on.Count == 0)
        {
            Error(BenefitCodes.RuleMissingField, node, path + ".on", "缺少 on：触发的事件类型，或 profile");
        }

        foreach (var type in on.Where(t => t != "profile" && !_vocabulary.Events.ContainsKey(t)))
        {
            Error(BenefitCodes.RuleUnknownEventType, YamlData.Child(node, "on")!, path + ".on", $"情形词汇中没有事件类型“{type}”");
        }

        var onProfile = on is ["profile"];
        var combine = Text(node, "combine", path);
        if (combine is not (null or "year" or "all"))
        {
            Error(BenefitCodes.RuleShape, YamlData.Child(node, "combine")!, path + ".combine", "combine 只能是 year 或 all");
        }

        var scope = new CheckScope(on, onProfile, combine is not null);
        var lets = new List<RuleBinding>();
        if (YamlData.Child(node, "let") is { } letNode)
        {
            if (letNode is YamlMappingNode letMap)
            {
                foreach (var (k, v) in letMap.Children)
                {
                    var name = YamlData.Scalar(k) ?? string.Empty;
                    if (Expression(v, $"{path}.let.{name}", scope) is { } e)
                    {
                        lets.Add(new RuleBinding(name, e));
                    }

                    scope.Names.Add(name);
                }
            }
            else
            {
                Error(BenefitCodes.RuleShape, letNode, path + ".let", "let 应是映射：名字 → 表达式");
            }
        }

        var place = YamlData.Child(node, "place") is { } placeNode
            ? Expression(placeNode, path + ".place", scope)
            : ExprParser.Parse("profile.place").Expression;
        var within = Strings(YamlData.Child(node, "within"));
        foreach (var unknown in within.Where(w => !places.Knows(w)))
        {
            Error(BenefitCodes.RuleUnknownPlace, YamlData.Child(node, "within")!, path + ".within", $"“{unknown}”不在地名表或区域表中");
        }

        var requires = new List<ParsedExpression>();
        if (YamlData.Child(node, "requires") is { } reqNode)
        {
            foreach (var r in reqNode is YamlSequenceNode seq ? seq.Children : [reqNode])
            {
                if (Expression(r, path + ".requires", scope) is { } e)
                {
                    requires.Add(e);
                }
            }
        }

        var windows = ReadWindows(YamlData.Child(node, "window"), document, path, scope, onProfile);
        var when = new List<RuleCondition>();
        if (YamlData.Child(node, "when") is { } whenNode)
        {
            if (whenNode is YamlSequenceNode seq)
            {
                foreach (var c in seq.Children)
                {
                    if (Condition(c, path + ".when", scope) is { } condition)
                    {
                        when.Add(condition);
                    }
                }
            }
            else
            {
                Error(BenefitCodes.RuleShape, whenNode, path + ".when", "when 应是条件列表（test、code、reason）");
            }
        }

        var amount = ReadAmount(YamlData.Child(node, "amount"), path, scope);
        var payer = YamlData.Child(node, "payer") is { } payerNode ? TemplateOf(payerNode, path + ".payer", scope) : Template.Plain("未载明");
        var shares = new List<PayerShare>();
        if (YamlData.Child(node, "shares") is YamlSequenceNode shareList)
        {
            foreach (var s in shareList.Children.OfType<YamlMappingNode>())
            {
                var who = YamlData.Child(s, "payer") is { } p ? TemplateOf(p, path + ".shares.payer", scope) : null;
                var part = YamlData.Child(s, "part") is { } partNode ? Expression(partNode, path + ".shares.part", scope) : null;
                if (who is null || part is null)
                {
                    Error(BenefitCodes.RuleMissingField, s, path + ".shares", "每个出资方应有 payer 与 part（如 1/2）");
                    continue;
                }

                shares.Add(new PayerShare(who, part));
            }
        }

        var group = Text(node, "group", path);
        if (group is not null && !document.Groups.ContainsKey(group))
        {
            Error(BenefitCodes.RuleUnknownGroup, YamlData.Child(node, "group")!, path + ".group", $"文件未定义从高不重复组“{group}”（document.groups）");
        }

        var priority = YamlData.Child(node, "priority") is { } pn && YamlData.ToValue(pn) is decimal pv ? (int)pv : 0;
        var tests = ReadTests(YamlData.Child(node, "tests"), document, path);
        if (tests.Count == 0)
        {
            Warning(BenefitCodes.RuleNoTests, node, path + ".tests", "这条规则没有测试用例（tests）");
        }

        if (id is null || item is null || benefit is null || quote is null || on.Count == 0 || place is null || amount is null)
        {
            return null;
        }

        return new BenefitRule
        {
            Id = id,
            Document = document.Key,
            Item = item,
            Benefit = benefit,
            Quote = quote,
            QuoteItem = ItemText(YamlData.Child(node, "quote_item")),
            Applicants = Strings(YamlData.Child(node, "applicants")),
            On = on,
            Combine = combine,
            Place = place,
            Within = within,
            Let = lets,
            Requires = requires,
            Windows = windows,
            When = when,
            Amount = amount,
            Payer = payer ?? Template.Plain("未载明"),
            Shares = shares,
            Group = group,
            Priority = priority,
            AlsoItems = Strings(YamlData.Child(node, "also_items")),
            Tests = tests,
            File = _file,
            Line = YamlData.Line(node),
        };
    }

    private List<RuleWindow> ReadWindows(YamlNode? node, RuleDocument document, string path, CheckScope scope, bool onProfile)
    {
        var defaultDate = ExprParser.Parse(onProfile ? "as_of" : "event.date").Expression!;
        var validity = new RuleWindow(document.Validity.Start, document.Validity.End, defaultDate,
            onProfile ? "评估日" : "事件日期", null, false, true, 0);
        if (node is null)
        {
            return [validity];
        }

        var windows = new List<RuleWindow>();
        foreach (var w in node is YamlSequenceNode seq ? seq.Children : [node])
        {
            if (YamlData.Scalar(w) == "document")
            {
                windows.Add(validity with { Line = YamlData.Line(w) });
                continue;
            }

            if (w is not YamlMappingNode map)
            {
                Error(BenefitCodes.RuleShape, w, path + ".window", "期限应是映射（from、to、date、label），或 document（文件有效期）");
                continue;
            }

            UnknownKeys(map, ["from", "to", "date", "label", "code", "optional"], path + ".window");
            var from = Date(map, "from", path + ".window");
            var to = Date(map, "to", path + ".window");
            if (YamlData.Child(map, "from") is null && YamlData.Child(map, "to") is null)
            {
                Error(BenefitCodes.RuleBadDate, map, path + ".window", "期限至少应有 from 或 to");
            }
            else if (from is { } f && to is { } t && f > t)
            {
                Error(BenefitCodes.RuleBadDate, map, path + ".window", "期限的 from 晚于 to");
            }

            var date = YamlData.Child(map, "date") is { } d ? Expression(d, path + ".window.date", scope) : defaultDate;
            var code = Text(map, "code", path + ".window");
            if (code is not null && !ReasonCodes.Labels.ContainsKey(code))
            {
                Error(BenefitCodes.RuleBadReasonCode, map, path + ".window.code", $"不认识的原因代码“{code}”：应为 {string.Join("、", ReasonCodes.Labels.Keys)}");
            }

            windows.Add(new RuleWindow(from, to, date ?? defaultDate, Text(map, "label", path + ".window") ?? "日期", code,
                YamlData.Child(map, "optional") is { } o && YamlData.ToValue(o) is true, false, YamlData.Line(map)));
        }

        return windows;
    }

    private AmountSpec? ReadAmount(YamlNode? node, string path, CheckScope scope)
    {
        path += ".amount";
        if (node is not YamlMappingNode map)
        {
            Error(BenefitCodes.RuleMissingField, node ?? new YamlScalarNode(), path, "缺少 amount（value 或 tiers，kind）");
            return null;
        }

        UnknownKeys(map, AmountKeys, path);
        var value = YamlData.Child(map, "value") is { } v ? Expression(v, path + ".value", scope) : null;
        var tiers = new List<Tier>();
        if (YamlData.Child(map, "tiers") is YamlSequenceNode tierList)
        {
            foreach (var t in tierList.Children.OfType<YamlMappingNode>())
            {
                UnknownKeys(t, ["when", "value", "label", "quote"], path + ".tiers");
                var when = YamlData.Child(t, "when") is { } w ? Expression(w, path + ".tiers.when", scope) : null;
                var tierValue = YamlData.Child(t, "value") is { } tv ? Expression(tv, path + ".tiers.value", scope) : null;
                if (tierValue is null)
                {
                    Error(BenefitCodes.RuleMissingField, t, path + ".tiers", "每个档次应有 value");
                    continue;
                }

                tiers.Add(new Tier(when, tierValue, Text(t, "label", path + ".tiers") ?? tierValue.Text, Text(t, "quote", path + ".tiers"), YamlData.Line(t)));
            }
        }

        var kindText = Text(map, "kind", path);
        AmountKind kind = AmountKind.Exact;
        ParsedExpression? kindExpression = null;
        if (kindText is null)
        {
            Error(BenefitCodes.RuleMissingField, map, path + ".kind", "缺少 kind：exact、max、min、not_stated 或 non_monetary");
        }
        else if (Kinds.Contains(kindText))
        {
            kind = ParseKind(kindText);
        }
        else
        {
            kindExpression = Expression(YamlData.Child(map, "kind")!, path + ".kind", scope);
        }

        var monetary = kindText is not ("not_stated" or "non_monetary");
        if (monetary && YamlData.Child(map, "value") is null && YamlData.Child(map, "tiers") is null && kindExpression is null)
        {
            Error(BenefitCodes.RuleMissingField, map, path, "有金额的规则应给出 value 或 tiers");
        }

        if (value is not null && tiers.Count > 0)
        {
            Error(BenefitCodes.RuleShape, map, path, "value 与 tiers 只能给出其一");
        }

        var none = YamlData.Child(map, "none") is { } n ? Condition(n, path + ".none", scope, noTest: true) : null;
        if (tiers.Count > 0 && none is null)
        {
            Error(BenefitCodes.RuleMissingField, map, path + ".none", "有档次的规则应说明一档都不符合时的原因（none：code、reason）");
        }

        return new AmountSpec(
            value,
            tiers,
            none,
            YamlData.Child(map, "cap") is { } cap ? Expression(cap, path + ".cap", scope) : null,
            Text(map, "cap_label", path),
            kind,
            kindExpression,
            Text(map, "per", path),
            YamlData.Child(map, "explain") is { } explain ? TemplateOf(explain, path + ".explain", scope) : null);
    }

    internal static AmountKind ParseKind(string text) => text switch
    {
        "max" => AmountKind.Max,
        "min" => AmountKind.Min,
        "not_stated" => AmountKind.NotStated,
        "non_monetary" => AmountKind.NonMonetary,
        _ => AmountKind.Exact,
    };

    private RuleCondition? Condition(YamlNode node, string path, CheckScope scope, bool noTest = false)
    {
        if (node is not YamlMappingNode map)
        {
            Error(BenefitCodes.RuleShape, node, path, "条件应是映射：test、code、reason");
            return null;
        }

        UnknownKeys(map, ["test", "code", "reason"], path);
        var test = noTest ? ExprParser.Parse("false").Expression : YamlData.Child(map, "test") is { } t ? Expression(t, path + ".test", scope) : null;
        if (test is null && !noTest)
        {
            Error(BenefitCodes.RuleMissingField, map, path + ".test", "条件缺少 test（表达式）");
        }

        var code = Text(map, "code", path) ?? ReasonCodes.ConditionUnmet;
        if (!ReasonCodes.Labels.ContainsKey(code))
        {
            Error(BenefitCodes.RuleBadReasonCode, map, path + ".code", $"不认识的原因代码“{code}”：应为 {string.Join("、", ReasonCodes.Labels.Keys)}");
        }

        var reason = YamlData.Child(map, "reason") is { } r ? TemplateOf(r, path + ".reason", scope) : null;
        if (reason is null)
        {
            Error(BenefitCodes.RuleMissingField, map, path + ".reason", "条件缺少 reason（不符合时向申请人说明的原因）");
        }

        return test is null || reason is null ? null : new RuleCondition(test, code, reason, YamlData.Line(map));
    }

    private List<RuleTest> ReadTests(YamlNode? node, RuleDocument document, string path)
    {
        var tests = new List<RuleTest>();
        if (node is null)
        {
            return tests;
        }

        if (node is not YamlSequenceNode list)
        {
            Error(BenefitCodes.RuleShape, node, path + ".tests", "tests 应是列表");
            return tests;
        }

        foreach (var t in list.Children)
        {
            if (t is not YamlMappingNode map)
            {
                Error(BenefitCodes.RuleShape, t, path + ".tests", "每个测试用例应是映射：name、profile、events、as_of、expect");
                continue;
            }

            UnknownKeys(map, ["name", "profile", "events", "as_of", "expect"], path + ".tests");
            var name = Text(map, "name", path + ".tests") ?? $"第{YamlData.Line(map)}行";
            var expectNode = YamlData.Child(map, "expect");
            var expect = Expectation(expectNode, path + ".tests");
            if (expect is null)
            {
                Error(BenefitCodes.RuleMissingField, expectNode ?? map, path + ".tests.expect", "测试用例应给出 expect（金额，或 reasons、excluded_by、silent）");
                continue;
            }

            var scenario = new YamlMappingNode();
            var profile = Merge(document.TestProfile, YamlData.Child(map, "profile") as YamlMappingNode);
            scenario.Add("profile", profile);
            scenario.Add("events", YamlData.Child(map, "events") ?? new YamlSequenceNode());
            if (YamlData.Child(map, "as_of") is { } asOf)
            {
                scenario.Add("as_of", asOf);
            }

            tests.Add(new RuleTest(name, scenario, expect, YamlData.Line(map)));
        }

        return tests;
    }

    private RuleExpectation? Expectation(YamlNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode s when YamlData.ScalarValue(s) is decimal amount:
                return new RuleExpectation(true, amount, true, null, [], null, false, null);
            case YamlMappingNode map:
                {
                    UnknownKeys(map, ["amount", "kind", "reasons", "excluded_by", "silent", "payer_has"], path + ".expect");
                    var amountNode = YamlData.Child(map, "amount");
                    var kindText = Text(map, "kind", path + ".expect");
                    var reasons = Strings(YamlData.Child(map, "reasons"));
                    foreach (var unknown in reasons.Where(r => !ReasonCodes.Labels.ContainsKey(r)))
                    {
                        Error(BenefitCodes.RuleBadReasonCode, map, path + ".expect.reasons", $"不认识的原因代码“{unknown}”");
                    }

                    var silent = YamlData.Child(map, "silent") is { } sn && YamlData.ToValue(sn) is true;
                    var excludedBy = ItemText(YamlData.Child(map, "excluded_by"));
                    var entitled = amountNode is not null || kindText is not null;
                    return new RuleExpectation(
                        entitled,
                        amountNode is null ? null : YamlData.ToValue(amountNode) as decimal?,
                        amountNode is not null,
                        kindText is null ? null : ParseKind(kindText),
                        reasons,
                        excludedBy,
                        silent,
                        Text(map, "payer_has", path + ".expect"));
                }

            default:
                return null;
        }
    }

    /// <summary>Deep merge: the test's own profile over the document's test_profile.</summary>
    private static YamlMappingNode Merge(YamlMappingNode? defaults, YamlMappingNode? own)
    {
        var result = new YamlMappingNode();
        if (defaults is not null)
        {
            foreach (var (k, v) in defaults.Children)
            {
                result.Add(k, v);
            }
        }

        if (own is null)
        {
            return result;
        }

        foreach (var (k, v) in own.Children)
        {
            if (result.Children.TryGetValue(k, out var existing) && existing is YamlMappingNode em && v is YamlMappingNode vm)
            {
                result.Children[k] = Merge(em, vm);
            }
            else
            {
                result.Children[k] = v;
            }
        }

        return result;
    }

    private Template? TemplateOf(YamlNode node, string path, CheckScope scope)
    {
        var text = YamlData.Scalar(node);
        if (text is null)
        {
            Error(BenefitCodes.RuleShape, node, path, "应是一段文字");
            return null;
        }

        var parts = new List<(string, ParsedExpression?)>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((text[i..], null));
                break;
            }

            var close = text.IndexOf('}', open + 1);
            if (close < 0)
            {
                Error(BenefitCodes.RuleBadExpression, node, path, "“{”缺少对应的“}”");
                return null;
            }

            if (open > i)
            {
                parts.Add((text[i..open], null));
            }

            var inner = text[(open + 1)..close];
            var parsed = ExprParser.Parse(inner);
            if (!parsed.Success)
            {
                Error(BenefitCodes.RuleBadExpression, node, path, $"“{{{inner}}}”：{parsed.Error}");
                return null;
            }

            CheckNames(parsed.Expression!.Root, node, path, scope);
            parts.Add((inner, parsed.Expression));
            i = close + 1;
        }

        return new Template(text, parts);
    }

    private ParsedExpression? Expression(YamlNode node, string path, CheckScope scope)
    {
        var text = node switch
        {
            YamlScalarNode s => s.Value,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(BenefitCodes.RuleBadExpression, node, path, "应是一个表达式");
            return null;
        }

        var parsed = ExprParser.Parse(text);
        if (!parsed.Success)
        {
            var column = YamlData.Column(node) + parsed.ErrorPosition + (YamlData.IsPlain(node) ? 0 : 1);
            _diagnostics.Add(new BenefitDiagnostic(BenefitCodes.RuleBadExpression, DiagnosticSeverity.Error, _file, YamlData.Line(node), column, path,
                $"表达式“{text}”第 {parsed.ErrorPosition + 1} 个字符处：{parsed.Error}"));
            return null;
        }

        CheckNames(parsed.Expression!.Root, node, path, scope);
        return parsed.Expression;
    }

    /// <summary>Names, functions, event and profile fields, places and terms of an expression.</summary>
    private void CheckNames(Expr expr, YamlNode node, string path, CheckScope scope)
    {
        switch (expr)
        {
            case NameExpr n when !scope.Names.Contains(n.Name):
                Error(BenefitCodes.RuleUnknownName, node, path, $"没有名为“{n.Name}”的量（可用：{string.Join("、", scope.Names)}）");
                break;
            case NameExpr { Name: "event" } when scope.OnProfile:
                Error(BenefitCodes.RuleUnknownName, node, path, "on: profile 的规则没有触发事件，不能用 event");
                break;
            case MemberExpr m:
                {
                    if (FieldPath(m) is { } fp)
                    {
                        if (fp.Root == "event" && !scope.OnProfile)
                        {
                            var types = scope.On.Where(t => _vocabulary.Events.ContainsKey(t)).ToList();
                            if (types.Count > 0 && types.All(t => _vocabulary.EventField(t, fp.Path) is null))
                            {
                                Warning(BenefitCodes.RuleUnknownEventField, node, path, $"事件类型 {string.Join("、", types)} 没有字段“{fp.Path}”");
                            }
                        }
                        else if (fp.Root == "profile" && _vocabulary.ProfileField(fp.Path) is null)
                        {
                            Warning(BenefitCodes.RuleUnknownEventField, node, path, $"情形词汇的 profile 中没有字段“{fp.Path}”");
                        }
                    }

                    CheckNames(m.Target, node, path, scope);
                    break;
                }

            case IndexExpr i:
                CheckNames(i.Target, node, path, scope);
                CheckNames(i.Index, node, path, scope);
                break;
            case UnaryExpr u:
                CheckNames(u.Operand, node, path, scope);
                break;
            case BinaryExpr b:
                CheckNames(b.Left, node, path, scope);
                CheckNames(b.Right, node, path, scope);
                break;
            case ListExpr l:
                foreach (var item in l.Items)
                {
                    CheckNames(item, node, path, scope);
                }

                break;
            case CallExpr c:
                {
                    if (!Functions.All.TryGetValue(c.Function, out var arity))
                    {
                        Error(BenefitCodes.RuleUnknownFunction, node, path, $"没有名为“{c.Function}”的函数（见 docs/benefits.md）");
                    }
                    else if (c.Arguments.Count < arity.Min || (arity.Max >= 0 && c.Arguments.Count > arity.Max))
                    {
                        Error(BenefitCodes.RuleBadExpression, node, path, $"{c.Function}() 的参数个数不对：{arity.Help}");
                    }

                    if (c.Function == "within")
                    {
                        foreach (var literal in c.Arguments.Skip(1).OfType<LiteralExpr>().Select(l => l.Value).OfType<string>().Where(p => !places.Knows(p)))
                        {
                            Error(BenefitCodes.RuleUnknownPlace, node, path, $"“{literal}”不在地名表或区域表中");
                        }
                    }

                    if (c.Function == "is")
                    {
                        foreach (var literal in c.Arguments.Skip(1).OfType<LiteralExpr>().Select(l => l.Value).OfType<string>().Where(t => !terms.Knows(t)))
                        {
                            Warning(BenefitCodes.RuleUnknownTerm, node, path, $"词条表（terms.yaml）中没有“{literal}”：按字面匹配");
                        }
                    }

                    var lambda = Functions.TakesLambda(c.Function);
                    for (var a = 0; a < c.Arguments.Count; a++)
                    {
                        if (lambda && a == 1)
                        {
                            scope.Names.Add("it");
                            CheckNames(c.Arguments[a], node, path, scope);
                            scope.Names.Remove("it");
                        }
                        else
                        {
                            CheckNames(c.Arguments[a], node, path, scope);
                        }
                    }

                    break;
                }
        }
    }

    private static (string Root, string Path)? FieldPath(MemberExpr m)
    {
        var parts = new List<string> { m.Name };
        var target = m.Target;
        while (target is MemberExpr inner)
        {
            parts.Insert(0, inner.Name);
            target = inner.Target;
        }

        return target is NameExpr { Name: "event" or "profile" } root ? (root.Name, string.Join(".", parts)) : null;
    }

    private sealed class CheckScope(IReadOnlyList<string> on, bool onProfile, bool combined)
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal) { "profile", "event", "as_of", "doc", "batch" };

        public IReadOnlyList<string> On { get; } = on;

        public bool OnProfile { get; } = onProfile;

        public bool Combined { get; } = combined;
    }

    private void UnknownKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string path)
    {
        foreach (var (k, _) in map.Children)
        {
            var key = YamlData.Scalar(k);
            if (key is not null && !known.Contains(key))
            {
                Error(BenefitCodes.RuleUnknownKey, k, $"{path}.{key}", $"不认识的键“{key}”（可用：{string.Join("、", known)}）");
            }
        }
    }

    private string? Text(YamlMappingNode map, string key, string path, bool required = false)
    {
        var node = YamlData.Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(BenefitCodes.RuleMissingField, map, $"{path}.{key}", $"缺少 {key}");
            }

            return null;
        }

        if (node is not YamlScalarNode s)
        {
            Error(BenefitCodes.RuleShape, node, $"{path}.{key}", $"{key} 应是一段文字");
            return null;
        }

        return YamlData.ScalarValue(s) switch
        {
            null => null,
            var v => Values.Format(v),
        };
    }

    private DateOnly? Date(YamlMappingNode map, string key, string path)
    {
        var node = YamlData.Child(map, key);
        if (node is null)
        {
            return null;
        }

        var value = YamlData.ToValue(node);
        if (value is DateOnly d)
        {
            return d;
        }

        if (value is not null)
        {
            Error(BenefitCodes.RuleBadDate, node, $"{path}.{key}", $"“{Values.Format(value)}”不是日期：应写作 2023-01-01");
        }

        return null;
    }

    /// <summary>An item number as printed: 1 (a YAML number) or （四） or 三、主要任务一.</summary>
    private static string? ItemText(YamlNode? node) => node is YamlScalarNode s && YamlData.ScalarValue(s) is { } v
        ? v is decimal d ? d.ToString(CultureInfo.InvariantCulture) : Values.Format(v)
        : null;

    private static List<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(YamlData.ScalarValue).Where(v => v is not null).Select(v => Values.Format(v)).ToList(),
        YamlScalarNode s when YamlData.ScalarValue(s) is { } v => [Values.Format(v)],
        _ => [],
    };

    private void Error(string code, YamlNode node, string? path, string message) =>
        _diagnostics.Add(new BenefitDiagnostic(code, DiagnosticSeverity.Error, _file, YamlData.Line(node), YamlData.Column(node), path, message));

    private void Warning(string code, YamlNode node, string? path, string message) =>
        _diagnostics.Add(new BenefitDiagnostic(code, DiagnosticSeverity.Warning, _file, YamlData.Line(node), YamlData.Column(node), path, message));
}
