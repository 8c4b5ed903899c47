using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Json;

/// <summary>
/// The JSON contract of <c>benefits --format json</c>: <c>asOf</c>, <c>entitled[{document, item, event, benefit,
/// amount, amountKind, payer, arithmetic, clause{text, span}}]</c>, <c>notEntitled[{document, item, reasons[]}]</c>,
/// <c>excluded[{document, item, by{document, item}, why}]</c>, <c>total</c>; with more fields around them (per, shares,
/// reasonCodes, totalUpTo …). <c>item</c> is a number where the document numbers its items with digits (1), else the
/// item as printed (（四）); <c>amount</c> is in 元, null where the text states none.
/// </summary>
public static class BenefitResultJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(BenefitResult result) => ToNode(result).ToJsonString(Options);

    public static string Serialize(IEnumerable<BenefitResult> results) => new JsonArray(results.Select(r => (JsonNode)ToNode(r)).ToArray()).ToJsonString(Options);

    public static JsonObject ToNode(BenefitResult result) => new()
    {
        ["asOf"] = Date(result.AsOf),
        ["scenario"] = result.Scenario,
        ["entitled"] = new JsonArray(result.Entitled.Select(e => (JsonNode)Entitled(e)).ToArray()),
        ["notEntitled"] = new JsonArray(result.NotEntitled.Select(n => (JsonNode)new JsonObject
        {
            ["document"] = n.Document,
            ["item"] = Item(n.Item),
            ["event"] = Events(n.Events),
            ["benefit"] = n.Benefit,
            ["reasons"] = new JsonArray(n.Reasons.Select(r => (JsonNode)JsonValue.Create(r.ToString())).ToArray()),
            ["reasonCodes"] = new JsonArray(n.Reasons.Select(r => (JsonNode)JsonValue.Create(r.Code)).ToArray()),
            ["clause"] = Clause(n.Clause),
        }).ToArray()),
        ["excluded"] = new JsonArray(result.Excluded.Select(x => (JsonNode)new JsonObject
        {
            ["document"] = x.SetAside.Document,
            ["item"] = Item(x.SetAside.Item),
            ["event"] = Events(x.SetAside.Events),
            ["benefit"] = x.SetAside.Benefit,
            ["amount"] = x.SetAside.Amount,
            ["by"] = new JsonObject { ["document"] = x.By.Document, ["item"] = Item(x.By.Item), ["amount"] = x.By.Amount },
            ["why"] = x.Why,
        }).ToArray()),
        ["total"] = result.Total,
        ["totalUpTo"] = result.TotalUpTo,
        ["warnings"] = new JsonArray(result.Diagnostics.Select(d => (JsonNode)JsonValue.Create(d.ToString())).ToArray()),
    };

    private static JsonObject Entitled(Entitlement e) => new()
    {
        ["document"] = e.Document,
        ["item"] = Item(e.Item),
        ["event"] = Events(e.Events),
        ["benefit"] = e.Benefit,
        ["amount"] = e.Amount,
        ["amountKind"] = KindName(e.Kind),
        ["per"] = e.Per,
        ["payer"] = e.Payer,
        ["shares"] = new JsonArray(e.Shares.Select(s => (JsonNode)new JsonObject { ["payer"] = s.Payer, ["amount"] = s.Amount }).ToArray()),
        ["arithmetic"] = e.Arithmetic,
        ["clause"] = Clause(e.Clause),
        ["alsoItems"] = new JsonArray(e.AlsoItems.Select(i => Item(i)).ToArray()),
        ["rule"] = e.RuleId,
    };

    public static string KindName(AmountKind kind) => kind switch
    {
        AmountKind.Max => "max",
        AmountKind.Min => "min",
        AmountKind.NotStated => "not_stated",
        AmountKind.NonMonetary => "non_monetary",
        _ => "exact",
    };

    /// <summary>An item number as JSON: 1 for items numbered with digits, else the text as printed.</summary>
    public static JsonNode? Item(string item) =>
        item.Length is > 0 and < 10 && item.All(char.IsAsciiDigit) ? JsonValue.Create(int.Parse(item, CultureInfo.InvariantCulture)) : JsonValue.Create(item);

    private static JsonNode? Events(IReadOnlyList<string> events) => events.Count switch
    {
        0 => null,
        1 => JsonValue.Create(events[0]),
        _ => new JsonArray(events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
    };

    private static JsonObject Clause(ClauseCitation clause) => new()
    {
        ["text"] = clause.Text,
        ["span"] = clause.Span is TextSpan s ? new JsonObject { ["start"] = s.Start, ["length"] = s.Length } : null,
        ["item"] = clause.Item is null ? null : Item(clause.Item),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
