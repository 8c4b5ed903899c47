using Microsoft.EntityFrameworkCore;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Quotes;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Web.Benefits;

/// <summary>
/// The rules of the measures, loaded once from the folder the CLI uses (the setting <c>Benefits:Rules</c>, else
/// $POLICYLEDGER_RULES, else the rules shipped beside the program): immutable, shared by every request.
/// </summary>
public sealed class BenefitRules(string folder)
{
    private readonly Lazy<RuleSet> _set = new(() => RuleSetLoader.Load(folder));

    public string Folder => folder;

    public RuleSet Set => _set.Value;
}

/// <summary>
/// What the 惠企 page and <c>POST /api/v1/benefits</c> show: the calculator's result (the same as
/// <c>policyledger benefits</c> gives for the same scenario), the warnings of reading the scenario, and for each cited
/// item (document as cited, item as printed) the key of its 事项 in the ledger, where the ledger holds it and the
/// person sees its jurisdiction.
/// </summary>
public sealed record BenefitAnswer(BenefitResult Result, IReadOnlyDictionary<(string Document, string Item), string> ItemKeys)
{
    public string? ItemKeyOf(string document, string item) => ItemKeys.GetValueOrDefault((document, item));
}

/// <summary>
/// The benefit finder for the web host: checks that the person may use it (<see cref="TrackingAction.FindBenefits"/>),
/// reads the current documents' stored texts (clause spans, links to items) and calls <see cref="BenefitsService"/>,
/// the service the CLI calls. Today comes from the host's clock in the offices' time zone.
/// </summary>
public sealed class BenefitFinder(BenefitRules rules, LedgerContext db, TrackingClockSource clock)
{
    public const string NoRules = "PL-H01";

    public const string BadScenario = "PL-H02";

    public RuleSet Rules => rules.Set;

    /// <summary>Whether the person may use the finder, and the rules are there to use.</summary>
    public Problem? Check(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.FindBenefits) is { } denied)
        {
            return denied;
        }

        return rules.Set.Documents.Count == 0
            ? new Problem(NoRules, ProblemKind.Rejected, $"规则目录 {rules.Folder} 中没有可用的规则，无法测算", $"no usable rules in {rules.Folder}")
            : null;
    }

    /// <summary>Evaluates one scenario at <paramref name="asOf"/> (else its own as_of, else today).</summary>
    public async Task<Result<BenefitAnswer>> EvaluateAsync(Actor actor, Scenario scenario, DateOnly? asOf, IReadOnlyList<BenefitDiagnostic> readingWarnings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(readingWarnings);
        if (Check(actor) is { } problem)
        {
            return problem;
        }

        // Only the documents the rules cite (found as DocumentTextIndex finds them), not every text of the ledger.
        var cited = rules.Set.Documents.SelectMany(d => new[] { DocumentTextIndex.KeyOf(d), d.Cite }).Select(DocumentKey.Normalize).ToHashSet(StringComparer.Ordinal);
        var stored = await DocumentTextQueries.CurrentAsync(db, key => cited.Contains(DocumentKey.Normalize(key)), ct);
        var texts = DocumentTextIndex.Build(stored.Select(SourceOf));
        var result = new BenefitsService(rules.Set, texts).Evaluate(scenario, asOf, clock.Today());
        if (readingWarnings.Count > 0)
        {
            result = result with { Diagnostics = [.. readingWarnings, .. result.Diagnostics] };
        }

        return new BenefitAnswer(result, await ItemKeysAsync(actor, result, texts, ct));
    }

    /// <summary>A stored document's text as quotes are checked against it (the CLI's `benefits` reads the ledger's texts the same way).</summary>
    public static DocumentSource SourceOf(StoredDocumentText d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DocumentSource(d.Key, $"台账中的 {d.FileName} 第{d.Version}版", d.Text, d.Span, d.Items.Select(i => new ItemExtent(i.Id, i.Number, i.Span)).ToList());
    }

    /// <summary>The ledger's key of every item the result cites, for the documents in the person's jurisdictions.</summary>
    private async Task<Dictionary<(string, string), string>> ItemKeysAsync(Actor actor, BenefitResult result, DocumentTextIndex texts, CancellationToken ct)
    {
        var cited = result.Entitled.Select(e => (e.Document, e.Item))
            .Concat(result.NotEntitled.Select(n => (n.Document, n.Item)))
            .Concat(result.Excluded.SelectMany(x => new[] { (x.SetAside.Document, x.SetAside.Item), (x.By.Document, x.By.Item) }))
            .Distinct().ToList();
        var keys = new Dictionary<(string, string), string>();
        if (cited.Count == 0 || texts.Count == 0)
        {
            return keys;
        }

        var jurisdictions = (await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Select(d => new { d.Key, d.Jurisdiction }).ToListAsync(ct))
            .GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Jurisdiction, StringComparer.Ordinal);
        foreach (var (document, item) in cited)
        {
            if (rules.Set.Documents.FirstOrDefault(d => d.Cite == document) is not { } ruleDocument
                || texts.Find(ruleDocument) is not { } source
                || !jurisdictions.TryGetValue(source.Key, out var jurisdiction)
                || !actor.Sees(jurisdiction))
            {
                continue;
            }

            if (source.Items.FirstOrDefault(i => ItemKey.ItemMatches(item, i.Id, i.Number)) is { } found)
            {
                keys[(document, item)] = new ItemKey(source.Key, found.Id).ToString();
            }
        }

        return keys;
    }
}
