using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Text;

/// <summary>
/// One physical line of the original text. <see cref="Text"/> is the line with whitespace inside CJK text
/// removed (other runs of whitespace folded to one space), mapped back to the original.
/// </summary>
public sealed record SourceLine(int Number, TextSpan Span, MappedText Text, bool IsPageFooter, int LeadingSpaces)
{
    public bool IsBlank => Text.Length == 0;

    public override string ToString() => $"{Number}: {Text.Text}";
}
