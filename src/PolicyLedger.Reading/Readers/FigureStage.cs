using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>The quantities-and-times stage, called for every item's text.</summary>
internal static class FigureStage
{
    public static (IReadOnlyList<Quantity> Quantities, IReadOnlyList<TimeExpression> Times) Read(MappedText text, int? documentYear) =>
        (QuantityReader.Read(text), TimeReader.Read(text, new TimeContext(documentYear, null)));
}
