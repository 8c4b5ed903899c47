using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Places;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Rules;

/// <summary>What an amount is: fixed by the text, an upper bound (最高, 不超过), a floor (不低于), not stated, or not money.</summary>
public enum AmountKind
{
    Exact,
    Max,
    Min,
    NotStated,
    NonMonetary,
}

/// <summary>A text with <c>{expression}</c> parts filled in from the scenario: reasons, payers, explanations.</summary>
public sealed record Template(string Text, IReadOnlyList<(string Literal, ParsedExpression? Expression)> Parts)
{
    public static Template Plain(string text) => new(text, [(text, null)]);

    public override string ToString() => Text;
}

/// <summary>A condition of a rule and, when it does not hold, the reason given (a stable code and a sentence).</summary>
public sealed record RuleCondition(ParsedExpression Test, string Code, Template Reason, int Line);

/// <summary>
/// A window: the date that counts (<see cref="Date"/>, default the event's date) must lie between From and To, both
/// included. <see cref="IsValidity"/> marks the document's own validity, used where the clause gives no dates.
/// </summary>
public sealed record RuleWindow(
    DateOnly? From,
    DateOnly? To,
    ParsedExpression Date,
    string Label,
    string? Code,
    bool Optional,
    bool IsValidity,
    int Line)
{
    public DateRange? Range => From is { } f && To is { } t ? new DateRange(f, t) : null;
}

/// <summary>
/// One tier of a formula: when it holds, its value. Tiers are alternatives: the highest that holds applies, never a
/// sum. A tier may cite its own sentence (<see cref="Quote"/>) when the clause gives each tier one.
/// </summary>
public sealed record Tier(ParsedExpression? When, ParsedExpression Value, string Label, string? Quote, int Line);

/// <summary>How the amount is computed: a formula or tiers, an optional cap, what kind of amount it is, and whether it recurs.</summary>
public sealed record AmountSpec(
    ParsedExpression? Value,
    IReadOnlyList<Tier> Tiers,
    RuleCondition? NoTier,
    ParsedExpression? Cap,
    string? CapLabel,
    AmountKind Kind,
    ParsedExpression? KindExpression,
    string? Per,
    Template? Explain);

/// <summary>A payer's part of the amount ("省、市财政各补贴一半": 省级财政 1/2, 市级财政 1/2).</summary>
public sealed record PayerShare(Template Payer, ParsedExpression Part);

/// <summary>A name computed once per candidate and usable in the rule's other expressions.</summary>
public sealed record RuleBinding(string Name, ParsedExpression Value);

/// <summary>What a rule's own test case expects.</summary>
public sealed record RuleExpectation(
    bool Entitled,
    decimal? Amount,
    bool AmountGiven,
    AmountKind? Kind,
    IReadOnlyList<string> Reasons,
    string? ExcludedBy,
    bool Silent,
    string? PayerContains);

/// <summary>A test case of a rule, as OpenFisca keeps them: a small scenario and the result expected for this rule.</summary>
public sealed record RuleTest(string Name, YamlMappingNode Scenario, RuleExpectation Expect, int Line);

/// <summary>
/// One measure as data: linked to its item (as the document prints it) and the sentence it comes from; who qualifies,
/// the event that triggers it, its window(s), its conditions, the formula, the payer, and its 从高不重复 group.
/// </summary>
public sealed record BenefitRule
{
    public required string Id { get; init; }

    public required string Document { get; init; }

    /// <summary>The item's own number as the document prints it (1, （四）, 三、主要任务一).</summary>
    public required string Item { get; init; }

    public required string Benefit { get; init; }

    /// <summary>The sentence(s) that give the benefit, as in the document (line breaks, footers and spaces inside CJK text removed).</summary>
    public required string Quote { get; init; }

    /// <summary>Where the quote stands when it is in another item than <see cref="Item"/> (the validity paragraph).</summary>
    public string? QuoteItem { get; init; }

    /// <summary>Applicant kinds (person, household, enterprise, 个体工商户, institution); empty: anyone.</summary>
    public IReadOnlyList<string> Applicants { get; init; } = [];

    /// <summary>The event types that trigger the rule, or "profile" for a rule the applicant's profile triggers.</summary>
    public required IReadOnlyList<string> On { get; init; }

    /// <summary>null: one result per event; "year": one per calendar year over the events; "all": one over all.</summary>
    public string? Combine { get; init; }

    public required ParsedExpression Place { get; init; }

    /// <summary>Places or areas the clause narrows the measure to (a city's 城区); empty: the document's whole jurisdiction.</summary>
    public IReadOnlyList<string> Within { get; init; } = [];

    public IReadOnlyList<RuleBinding> Let { get; init; } = [];

    /// <summary>Conditions that make the rule about this applicant at all; when one fails the rule says nothing.</summary>
    public IReadOnlyList<ParsedExpression> Requires { get; init; } = [];

    public required IReadOnlyList<RuleWindow> Windows { get; init; }

    /// <summary>Conditions that, when they fail, make the measure one the applicant does not get, with the reason.</summary>
    public IReadOnlyList<RuleCondition> When { get; init; } = [];

    public required AmountSpec Amount { get; init; }

    public required Template Payer { get; init; }

    public IReadOnlyList<PayerShare> Shares { get; init; } = [];

    public string? Group { get; init; }

    public int Priority { get; init; }

    public IReadOnlyList<string> AlsoItems { get; init; } = [];

    public IReadOnlyList<RuleTest> Tests { get; init; } = [];

    public required string File { get; init; }

    public required int Line { get; init; }

    public bool OnProfile => On.Count == 1 && On[0] == "profile";

    /// <summary>Every sentence the rule cites: its quote and its tiers' own quotes.</summary>
    public IEnumerable<string> Quotes => Amount.Tiers.Select(t => t.Quote).OfType<string>().Prepend(Quote).Distinct();
}

/// <summary>A 从高不重复 group: same-kind measures of which only the highest applies, once, and the clause that says so.</summary>
public sealed record RuleGroup(string Name, string Item, string Quote);

/// <summary>The document a rule file covers: how it is cited, where it applies, how long it is valid, and its rules.</summary>
public sealed record RuleDocument
{
    /// <summary>A short key for the file (JY, JZ …).</summary>
    public required string Key { get; init; }

    /// <summary>How results cite it: the 文号 as written, or a stated citation where it has none.</summary>
    public required string Cite { get; init; }

    /// <summary>The 文号 to find it in the ledger by (null where it has none).</summary>
    public string? Number { get; init; }

    public string? Title { get; init; }

    public string? Issuer { get; init; }

    public DateOnly? Date { get; init; }

    public required IReadOnlyList<string> AppliesIn { get; init; }

    public required DateRange Validity { get; init; }

    public string? ValidityNote { get; init; }

    public string? ValidityQuote { get; init; }

    public string? ValidityItem { get; init; }

    public IReadOnlyDictionary<string, RuleGroup> Groups { get; init; } = new Dictionary<string, RuleGroup>();

    public IReadOnlyList<BenefitRule> Rules { get; init; } = [];

    public YamlMappingNode? TestProfile { get; init; }

    public required string File { get; init; }

    /// <summary>The key the ledger knows the document by: the 文号, else the title and date.</summary>
    public string LedgerKey => Number ?? $"{Title}（{Date:yyyy-MM-dd}）";
}

/// <summary>Every rule file of a folder, with the gazetteer and terms they use, and what was wrong with them.</summary>
public sealed record RuleSet(
    IReadOnlyList<RuleDocument> Documents,
    PlaceBook Places,
    TermBook Terms,
    IReadOnlyList<BenefitDiagnostic> Diagnostics,
    string Source)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<BenefitRule> Rules => Documents.SelectMany(d => d.Rules);

    public RuleDocument? Document(string key) => Documents.FirstOrDefault(d => d.Key == key || d.Cite == key || d.Number == key);
}

/// <summary>The stable codes of reasons a measure does not apply, with their Chinese labels.</summary>
public static class ReasonCodes
{
    public const string OutsideWindow = "outside_window";
    public const string Expired = "expired";
    public const string NotYetInForce = "not_yet_in_force";
    public const string WrongPlace = "wrong_place";
    public const string AboveTier = "above_tier";
    public const string BelowThreshold = "below_threshold";
    public const string TooLarge = "too_large";
    public const string AlreadyFunded = "already_funded";
    public const string NotTarget = "not_target";
    public const string ConditionUnmet = "condition_unmet";
    public const string LateApplication = "late_application";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OutsideWindow] = "日期不在措施期限内",
        [Expired] = "政策已过有效期",
        [NotYetInForce] = "政策尚未施行",
        [WrongPlace] = "地点不符",
        [AboveTier] = "超出档次",
        [BelowThreshold] = "未达门槛",
        [TooLarge] = "规模过大",
        [AlreadyFunded] = "已获其他资金支持",
        [NotTarget] = "不属于支持对象",
        [ConditionUnmet] = "条件不满足",
        [LateApplication] = "申请逾期",
    };
}
