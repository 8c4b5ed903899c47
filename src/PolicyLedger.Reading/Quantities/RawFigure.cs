using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// A figure as the quantity readers build it: offsets into the item's normalized text, before it is mapped back to
/// the source. <see cref="PrefixBound"/> says the bound was written before the figure (最高500万元), which a suffix may
/// not override and which a list carries (不少于300人、600人).
/// </summary>
internal sealed record RawFigure(int Start, int End, QuantityKind Kind, decimal Value, string Unit, string? Per, Bound Bound, decimal? High, bool PrefixBound);
