namespace PolicyLedger.Reading.Syntax;

public enum QuantityKind
{
    Money,
    Percent,
    Measure,
    Ratio,
}

public enum Bound
{
    Exact,
    Min,
    Max,
    Approx,
    Range,
}

/// <summary>
/// A figure read from policy text: 10 000 元 per 台 at most, 5 %, 15 家, 1∶1.
/// Money is in 元 or 美元 with 万/亿 multiplied out; <see cref="High"/> is the top of a range.
/// </summary>
public sealed record Quantity(
    string Text,
    TextSpan Span,
    QuantityKind Kind,
    decimal Value,
    string Unit,
    string? Per,
    Bound Bound,
    decimal? High);

/// <summary>
/// A time read from policy text: a date, a range, an open end (deadline or start), or a recurring period.
/// <see cref="Start"/> and <see cref="End"/> are null where open; <see cref="YearFromContext"/> says the year was
/// not written and was taken from the document.
/// </summary>
public sealed record TimeExpression(
    string Text,
    TextSpan Span,
    DateOnly? Start,
    DateOnly? End,
    string? Recurrence,
    bool YearFromContext);
