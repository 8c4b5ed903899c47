using PolicyLedger.Benefits.Rules;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Calculation;

/// <summary>Finds where a rule's quote stands in the stored text of its document (null when the text is not at hand).</summary>
public interface IClauseLocator
{
    TextSpan? Locate(RuleDocument document, string quote);
}
