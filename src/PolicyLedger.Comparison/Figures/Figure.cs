using System.Globalization;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Figures;

public enum FigureKind
{
    /// <summary>An amount, rate, cap, ratio or count (a <see cref="Reading.Syntax.Quantity"/>).</summary>
    Quantity,

    /// <summary>A date or deadline (a <see cref="TimeExpression"/> with an end).</summary>
    Time,
}

/// <summary>
/// A figure of an item as the quantity and time readers read it, located in the text compared (the item's task):
/// <see cref="Start"/> is its offset there (-1 when the text does not hold it as written), and
/// <see cref="Before"/>/<see cref="After"/> are the wording of its clause on either side, which tells what it counts.
/// </summary>
public sealed record Figure(FigureKind Kind, string Text, int Start, string Before, string After, Quantity? Quantity, TimeExpression? Time)
{
    public int Length => Text.Length;

    /// <summary>
    /// For a figure given respectively (对国家级、省级企业分别奖励50万元、20万元): the list's members as written (the first
    /// and last with the words around the list: 对国家级, 省级企业) and which member it counts for; null otherwise.
    /// </summary>
    public IReadOnlyList<string>? List { get; init; }

    public int ListIndex { get; init; }

    /// <summary>
    /// How many characters <see cref="Before"/> begins with that are the condition the figure is given under (the clause
    /// before its own: 对年营业收入首次突破1亿元的工业企业，), 0 when it has none.
    /// </summary>
    public int Condition { get; init; }

    /// <summary>The wording of the figure's own clause before it, without its condition.</summary>
    public string OwnBefore => Before[Condition..];

    public bool IsLocated => Start >= 0;

    /// <summary>
    /// The value compared, written plainly: "40 %", "33000000000 元", "10000 元/台", "90—144 平方米" for a quantity;
    /// the ISO date a time ends on.
    /// </summary>
    public string Value => Kind == FigureKind.Time
        ? Time!.End!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Number(Quantity!.Value)}{(Quantity.High is { } h ? "—" + Number(h) : string.Empty)} {Quantity.Unit}{(Quantity.Per is { } p ? "/" + p : string.Empty)}");

    /// <summary>Figures compared for the same quantity must be of one kind: same quantity kind, unit and "per"; or both times with an end.</summary>
    public bool IsCompatibleWith(Figure other) => Kind == other.Kind && (Kind == FigureKind.Time
        || (Quantity!.Kind == other.Quantity!.Kind && Quantity.Unit == other.Quantity.Unit && Quantity.Per == other.Quantity.Per));

    /// <summary>Whether two compatible figures state the same value (bounds such as 以上 aside; dates compared as days).</summary>
    public bool HasSameValueAs(Figure other) => Kind == FigureKind.Time
        ? Time!.End == other.Time!.End
        : Quantity!.Value == other.Quantity!.Value && Quantity.High == other.Quantity.High;

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
