using PolicyLedger.Benefits.Rules;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Calculation;

/// <summary>The clause cited: the quote, where it stands in the stored document (when known), and its item when it is another one.</summary>
public sealed record ClauseCitation(string Text, TextSpan? Span, string? Item);

/// <summary>A payer's part of an amount.</summary>
public sealed record PayerPart(string Payer, decimal Amount);

/// <summary>A reason a measure does not apply: a stable code (<see cref="ReasonCodes"/>) and the sentence for people.</summary>
public sealed record Reason(string Code, string Text)
{
    public string Label => ReasonCodes.Labels.GetValueOrDefault(Code, Code);

    public override string ToString() => $"{Label}（{Code}）：{Text}";
}

/// <summary>What the applicant gets under one measure, for one event (or the events it combines), and why.</summary>
public sealed record Entitlement(
    string RuleId,
    string Document,
    string Item,
    IReadOnlyList<string> Events,
    string Benefit,
    decimal? Amount,
    AmountKind Kind,
    string? Per,
    string Payer,
    IReadOnlyList<PayerPart> Shares,
    string Arithmetic,
    ClauseCitation Clause,
    IReadOnlyList<string> AlsoItems,
    string? Group);

/// <summary>A measure the applicant might expect but does not get, with every reason.</summary>
public sealed record NotEntitled(
    string RuleId,
    string Document,
    string Item,
    IReadOnlyList<string> Events,
    string Benefit,
    IReadOnlyList<Reason> Reasons,
    ClauseCitation Clause);

/// <summary>An entitlement set aside by 从高不重复, with the one that won and why.</summary>
public sealed record Exclusion(Entitlement SetAside, Entitlement By, string Why);

/// <summary>
/// The calculator's answer for one scenario at one date. <see cref="Total"/> sums the exact amounts that do not recur;
/// <see cref="TotalUpTo"/> adds the upper bounds (最高 …) that do not recur.
/// </summary>
public sealed record BenefitResult(
    DateOnly AsOf,
    string? Scenario,
    IReadOnlyList<Entitlement> Entitled,
    IReadOnlyList<NotEntitled> NotEntitled,
    IReadOnlyList<Exclusion> Excluded,
    decimal Total,
    decimal TotalUpTo,
    IReadOnlyList<BenefitDiagnostic> Diagnostics);
