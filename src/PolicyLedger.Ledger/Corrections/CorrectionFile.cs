using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>One correction as a file holds it.</summary>
/// <param name="Number">Its place in the file's list (1, 2, …): how errors name it.</param>
/// <param name="Line">The line it starts on.</param>
/// <param name="Item">The item key it was made for (济管〔2023〕19号#12).</param>
/// <param name="File">The file it is limited to, where two current documents share the key.</param>
/// <param name="Text">The item's text when it was corrected (the anchor; for as-item, the paragraph).</param>
/// <param name="Change">lead, responsible, cooperating, add-lead, add-responsible, add-cooperating, remove, deadline, target, not-an-item, as-item, split, merge-next.</param>
public sealed record CorrectionEntry(int Number, int Line, string? Item, string? File, string? Text, string? Change, string? Value, string? NewItem, string? NextItem, string? NextText, string? Why, string? By, string? At)
{
    /// <summary>The fingerprints of the items before and after it then (an item with that text is never taken for it).</summary>
    public string? PreviousFingerprint { get; init; }

    public string? NextFingerprint { get; init; }
}

/// <summary>One check (an item a person found right as read) as a file holds it.</summary>
public sealed record CheckEntry(int Number, int Line, string? Item, string? File, string? Text, string? By, string? At);

/// <summary>A broken entry of a correction file: which list, its number and line, the item it names, and what is wrong.</summary>
public sealed record EntryProblem(string Section, int Number, int Line, string? Item, CorrectionProblem Problem)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Section} 第{Number}条（第{Line}行{(Item is null ? string.Empty : "，" + Item)}）：{Problem.Message}（{Problem.Code}）");
}

/// <summary>What a correction file holds, and the entries that could not be read.</summary>
public sealed record CorrectionFileContent(IReadOnlyList<CorrectionEntry> Corrections, IReadOnlyList<CheckEntry> Checks, IReadOnlyList<EntryProblem> Problems);

/// <summary>
/// The exchange file of corrections: YAML a team can read, keep beside its documents and apply to another ledger.
/// <code>
/// corrections:
/// - item: 济管〔2023〕19号#12
///   text: 对新招用…（牵头单位：青山新区人社局）
///   change: lead
///   value: 青山新区人力资源和社会保障局、青山新区财政局
///   why: 牵头单位漏读
///   by: 张三
///   at: 2024-05-06T10:00:00+08:00
/// checked:
/// - item: 济管〔2023〕19号#13
///   text: …
///   by: 李四
///   at: 2024-05-06T11:00:00+08:00
/// </code>
/// Reading never throws on a bad entry: each is reported with its list, number and line, and the others are read.
/// </summary>
public static class CorrectionFile
{
    public const string CorrectionsSection = "corrections";

    public const string ChecksSection = "checked";

    private static readonly string[] CorrectionFields = ["item", "file", "text", "previous-fingerprint", "next-fingerprint", "change", "value", "new-item", "next", "why", "by", "at"];

    private static readonly string[] CheckFields = ["item", "file", "text", "by", "at"];

    /// <summary>Times in files are China time (UTC+8), written with their offset.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static CorrectionFileContent Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            return new([], [], [new EntryProblem(name, 0, (int)e.Start.Line, null, CorrectionCodes.File($"YAML 格式有误：{e.Message}"))]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new([], [], []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new([], [], [new EntryProblem(name, 0, (int)stream.Documents[0].RootNode.Start.Line, null, CorrectionCodes.File("文件应是一个含 corrections: 和 checked: 两个列表的映射"))]);
        }

        var problems = new List<EntryProblem>();
        var corrections = new List<CorrectionEntry>();
        var checks = new List<CheckEntry>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var section = (keyNode as YamlScalarNode)?.Value;
            if (section is not (CorrectionsSection or ChecksSection))
            {
                if (section is not ("version" or "about"))
                {
                    problems.Add(new EntryProblem(name, 0, (int)keyNode.Start.Line, null, CorrectionCodes.File($"未知的部分“{section}”：只有 corrections 和 checked")));
                }

                continue;
            }

            if (valueNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (valueNode is not YamlSequenceNode list)
            {
                problems.Add(new EntryProblem(section, 0, (int)valueNode.Start.Line, null, CorrectionCodes.File($"{section} 应是一个列表（每条以“- ”开头）")));
                continue;
            }

            var number = 0;
            foreach (var node in list.Children)
            {
                number++;
                var line = (int)node.Start.Line;
                if (node is not YamlMappingNode map)
                {
                    problems.Add(new EntryProblem(section, number, line, null, CorrectionCodes.Entry("每条应是“字段: 值”的映射")));
                    continue;
                }

                var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
                string? unknown = null;
                foreach (var (k, v) in map.Children)
                {
                    var field = (k as YamlScalarNode)?.Value ?? string.Empty;
                    if (!(section == CorrectionsSection ? CorrectionFields : CheckFields).Contains(field))
                    {
                        unknown ??= field;
                    }

                    fields[field] = v;
                }

                var item = Text(fields.GetValueOrDefault("item"));
                if (unknown is not null)
                {
                    problems.Add(new EntryProblem(section, number, line, item, CorrectionCodes.Entry($"未知字段“{unknown}”：可用的字段是 {string.Join("、", section == CorrectionsSection ? CorrectionFields : CheckFields)}")));
                    continue;
                }

                if (section == ChecksSection)
                {
                    checks.Add(new CheckEntry(number, line, item, Text(fields.GetValueOrDefault("file")), Text(fields.GetValueOrDefault("text")), Text(fields.GetValueOrDefault("by")), Text(fields.GetValueOrDefault("at"))));
                    continue;
                }

                var next = fields.GetValueOrDefault("next") as YamlMappingNode;
                corrections.Add(new CorrectionEntry(
                    number,
                    line,
                    item,
                    Text(fields.GetValueOrDefault("file")),
                    Text(fields.GetValueOrDefault("text")),
                    Text(fields.GetValueOrDefault("change")),
                    Text(fields.GetValueOrDefault("value")),
                    Text(fields.GetValueOrDefault("new-item")),
                    next is null ? null : Text(Child(next, "item")),
                    next is null ? null : Text(Child(next, "text")),
                    Text(fields.GetValueOrDefault("why")),
                    Text(fields.GetValueOrDefault("by")),
                    Text(fields.GetValueOrDefault("at")))
                {
                    PreviousFingerprint = Text(fields.GetValueOrDefault("previous-fingerprint")),
                    NextFingerprint = Text(fields.GetValueOrDefault("next-fingerprint")),
                });
            }
        }

        return new(corrections, checks, problems);
    }

    /// <summary>A scalar's text; a list of scalars (a unit list written as a YAML list) joined with 、.</summary>
    private static string? Text(YamlNode? node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => string.Join("、", seq.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => (p.Key as YamlScalarNode)?.Value == key).Value;

    /// <summary>A time as files write it: China time with its offset.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool TryTime(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    /// <summary>Writes corrections and checks, each correction with a comment saying where it applies now or why it is orphaned.</summary>
    public static void Write(TextWriter writer, IEnumerable<(CorrectionEntry Entry, string? Comment)> corrections, IEnumerable<CheckEntry> checks, string? about = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var emitter = new Emitter(writer, 2, 100_000);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new Comment("PolicyLedger 校对记录：policyledger corrections import 文件名.yaml 可将其套用到另一个台账，重复导入不会改变任何内容。", false));
        if (about is not null)
        {
            emitter.Emit(new Comment(about, false));
        }

        emitter.Emit(new MappingStart());
        Plain(emitter, "version");
        Plain(emitter, "1");
        Plain(emitter, CorrectionsSection);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var (e, comment) in corrections)
        {
            if (comment is not null)
            {
                emitter.Emit(new Comment(comment, false));
            }

            emitter.Emit(new MappingStart());
            Field(emitter, "item", e.Item);
            Field(emitter, "file", e.File);
            Field(emitter, "text", e.Text);
            Field(emitter, "previous-fingerprint", e.PreviousFingerprint);
            Field(emitter, "next-fingerprint", e.NextFingerprint);
            Field(emitter, "change", e.Change);
            Field(emitter, "value", e.Value, keepEmpty: e.Change is "lead" or "responsible" or "cooperating" or "deadline");
            Field(emitter, "new-item", e.NewItem);
            if (e.NextItem is not null)
            {
                Plain(emitter, "next");
                emitter.Emit(new MappingStart());
                Field(emitter, "item", e.NextItem);
                Field(emitter, "text", e.NextText);
                emitter.Emit(new MappingEnd());
            }

            Field(emitter, "why", e.Why);
            Field(emitter, "by", e.By);
            Field(emitter, "at", e.At);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        Plain(emitter, ChecksSection);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var c in checks)
        {
            emitter.Emit(new MappingStart());
            Field(emitter, "item", c.Item);
            Field(emitter, "file", c.File);
            Field(emitter, "text", c.Text);
            Field(emitter, "by", c.By);
            Field(emitter, "at", c.At);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    private static void Plain(IEmitter emitter, string text) => emitter.Emit(new Scalar(text));

    /// <summary>A field with its value as plain text where YAML allows, quoted where it must be (an empty value, a leading "- " or "#").</summary>
    private static void Field(IEmitter emitter, string name, string? value, bool keepEmpty = false)
    {
        if (value is null || (value.Length == 0 && !keepEmpty))
        {
            return;
        }

        Plain(emitter, name);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, value.Length == 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
    }
}
