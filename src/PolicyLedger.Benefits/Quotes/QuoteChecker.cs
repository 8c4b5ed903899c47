using PolicyLedger.Benefits.Rules;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Quotes;

/// <summary>How the quotes of a rule set compare with the stored documents.</summary>
public sealed record QuoteReport(int Checked, int Stale, int Unchecked, IReadOnlyList<BenefitDiagnostic> Diagnostics);

/// <summary>
/// Checks every quote of every rule (and each document's validity and 从高不重复 clauses) against the current text of
/// its document: a quote that is no longer in the current version is stale (an error naming the rule's file and
/// line); a quote found in another item than the rule cites is a warning; a document that is not at hand is reported
/// as not checked.
/// </summary>
public static class QuoteChecker
{
    public static QuoteReport Check(RuleSet rules, DocumentTextIndex texts)
    {
        var diagnostics = new List<BenefitDiagnostic>();
        int ok = 0, stale = 0, unchecked_ = 0;
        foreach (var document in rules.Documents)
        {
            var quotes = document.Rules
                .SelectMany(r => r.Quotes.Select(q => (Quote: q, Item: r.QuoteItem ?? r.Item, Where: $"rules.{r.Id}", r.Line)))
                .Concat(document.Groups.Values.Select(g => (g.Quote, g.Item, $"document.groups.{g.Name}", 0)))
                .Concat(document.ValidityQuote is { } v ? [(v, document.ValidityItem ?? string.Empty, "document.valid", 0)] : [])
                .ToList();
            if (texts.Find(document) is not { } source)
            {
                unchecked_ += quotes.Count;
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.DocumentNotFound, DiagnosticSeverity.Warning, document.File, 0, 0, "document",
                    $"台账和所给文件中都没有“{DocumentTextIndex.KeyOf(document)}”：{quotes.Count} 条引文未核对"));
                continue;
            }

            foreach (var rule in document.Rules.Where(r => !source.Items.Any(i => ItemKey.ItemMatches(r.Item, i.Id, i.Number))))
            {
                diagnostics.Add(new BenefitDiagnostic(BenefitCodes.ItemNotFound, DiagnosticSeverity.Error, rule.File, rule.Line, 0, $"rules.{rule.Id}.item",
                    $"{source.Origin} 中没有第{rule.Item}条"));
            }

            foreach (var (quote, item, where, line) in quotes)
            {
                var hit = texts.FindQuote(document, quote);
                if (hit is null)
                {
                    stale++;
                    diagnostics.Add(new BenefitDiagnostic(BenefitCodes.QuoteStale, DiagnosticSeverity.Error, document.File, line, 0, where,
                        $"引文已过时：{source.Origin} 的现行文本中没有“{Shorten(quote)}”"));
                    continue;
                }

                ok++;
                if (item.Length > 0 && (hit.Item is null || !ItemKey.ItemMatches(item, hit.Item.Id, hit.Item.Number)))
                {
                    diagnostics.Add(new BenefitDiagnostic(BenefitCodes.QuoteInOtherItem, DiagnosticSeverity.Warning, document.File, line, 0, where,
                        $"引文“{Shorten(quote)}”在{(hit.Item is null ? "条目之外" : $"第{hit.Item.Id}条")}，而规则所引为第{item}条"));
                }
            }
        }

        return new QuoteReport(ok, stale, unchecked_, diagnostics);
    }

    private static string Shorten(string quote) => quote.Length <= 40 ? quote : quote[..39] + "…";
}
