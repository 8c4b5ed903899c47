using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits;

/// <summary>
/// Turns YAML nodes into the plain values rules and scenarios compute with (maps, lists, decimals, dates, booleans,
/// strings, null), keeping where each node stood for messages. Unquoted scalars are typed (YAML 1.2 core schema plus
/// ISO dates); quoted scalars stay strings.
/// </summary>
internal static class YamlData
{
    /// <summary>Loads the first document of a YAML text, or says where the text is not YAML.</summary>
    public static (YamlNode? Root, BenefitDiagnostic? Error) Load(string text, string file, string code)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, new BenefitDiagnostic(code, Reading.Syntax.DiagnosticSeverity.Error, file, (int)e.Start.Line, (int)e.Start.Column, null,
                $"不是有效的 YAML：{e.InnerException?.Message ?? e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unfinished input ("events: [" at the end).
            return (null, new BenefitDiagnostic(code, Reading.Syntax.DiagnosticSeverity.Error, file, text.Count(c => c == '\n') + 1, 0, null,
                $"不是有效的 YAML（文件意外结束）：{e.Message}"));
        }

        return stream.Documents.Count == 0 ? (null, null) : (stream.Documents[0].RootNode, null);
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static int Column(YamlNode node) => (int)node.Start.Column;

    public static string? Scalar(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    public static bool IsPlain(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => Scalar(kv.Key) == key).Value;

    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode s => ScalarValue(s),
        YamlSequenceNode seq => seq.Children.Select(ToValue).ToList(),
        YamlMappingNode map => ToMap(map),
        _ => null,
    };

    public static Dictionary<string, object?> ToMap(YamlMappingNode map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            result[Scalar(key) ?? string.Empty] = ToValue(value);
        }

        return result;
    }

    public static object? ScalarValue(YamlScalarNode node)
    {
        var text = node.Value;
        if (!IsPlain(node))
        {
            return text ?? string.Empty;
        }

        if (text is null or "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
        }

        if (LooksNumeric(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return text;
    }

    private static bool LooksNumeric(string text)
    {
        var s = text.AsSpan();
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            s = s[1..];
        }

        return s.Length > 0 && char.IsAsciiDigit(s[0]) && !s.ContainsAnyExcept("0123456789.");
    }
}
