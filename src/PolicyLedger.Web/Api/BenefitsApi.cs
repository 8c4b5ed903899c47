using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Web.Benefits;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Web.Api;

/// <summary>
/// 惠企测算: a scenario in the body — the form of scenario files (profile, events, as_of), as JSON or YAML — answered
/// with the JSON <c>policyledger benefits --format json</c> writes for it (<see cref="BenefitResultJson"/>), the reading
/// warnings among its <c>warnings</c>. A bad scenario is a 400 naming the field (the reader's path, events[0].price).
/// </summary>
public static class BenefitsApi
{
    public const string Name = "请求正文";

    private const int MaxBodyChars = 1 << 20;

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/benefits", EvaluateAsync)
            .Accepts<JsonElement>("application/json", "application/yaml", "text/yaml", "text/plain")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("惠企测算：请求正文为情形（profile、events、as_of，JSON 或 YAML），返回与 benefits --format json 相同的结果；asOf 参数可改评估日");

    private static async Task<IResult> EvaluateAsync(HttpContext http, BenefitFinder finder, string? asOf, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (finder.Check(actor) is { } problem)
        {
            return ApiContext.Problem(problem);
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ApiContext.Invalid("PL-Q02", $"参数 asOf 的值“{asOf}”不是日期：请写成 2023-04-30");
            }

            date = parsed;
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyChars + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > MaxBodyChars)
        {
            return ApiProblems.Problem(413, BenefitFinder.BadScenario, $"情形过大：请求正文不能超过 {MaxBodyChars} 个字符");
        }

        var body = new string(buffer, 0, length);
        var json = http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        ScenarioLoad load;
        if (json)
        {
            YamlNode root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = FromJson(document.RootElement);
            }
            catch (JsonException e)
            {
                return ApiContext.Invalid(BenefitFinder.BadScenario, $"请求正文不是有效的 JSON：第{e.LineNumber + 1}行第{e.BytePositionInLine + 1}字节附近有误");
            }

            load = new ScenarioReader().Read(root, Name);
        }
        else
        {
            load = BenefitsService.ReadScenarios(body, Name);
        }

        if (load.HasErrors || load.Scenarios.Count == 0)
        {
            var errors = load.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Path ?? "正文"}：{d.Message}（{d.Code}）").ToList();
            return ApiContext.Invalid(BenefitFinder.BadScenario, "情形有误：" + string.Join("；", errors));
        }

        var warnings = load.Diagnostics.Where(d => !d.IsError).ToList();
        var results = new List<PolicyLedger.Benefits.Calculation.BenefitResult>();
        foreach (var scenario in load.Scenarios)
        {
            var answer = await finder.EvaluateAsync(actor, scenario, date, warnings, ct);
            if (!answer.Ok)
            {
                return ApiContext.Problem(answer.Problem);
            }

            results.Add(answer.Value.Result);
        }

        // One scenario: its result; several (a `scenarios:` list): an array, as the CLI writes them.
        var text = results.Count == 1 ? BenefitResultJson.Serialize(results[0]) : BenefitResultJson.Serialize(results);
        return Results.Text(text, "application/json; charset=utf-8");
    }

    /// <summary>
    /// JSON as the YAML nodes scenario files give: strings unquoted, so "2023-02-15" is a date and "5%" a percent as in
    /// a file (JSON has no date of its own); numbers, true/false and null as they are.
    /// </summary>
    private static YamlNode FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject().Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), FromJson(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new YamlScalarNode(element.GetString()) { Style = ScalarStyle.Plain },
        JsonValueKind.Null or JsonValueKind.Undefined => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode(element.GetRawText()) { Style = ScalarStyle.Plain },
    };
}
