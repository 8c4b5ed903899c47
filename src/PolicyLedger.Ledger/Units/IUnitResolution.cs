using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Units;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Units;

/// <summary>A unit a mention was resolved to.</summary>
/// <param name="Key">Unique across the ledger: the same key is the same unit.</param>
public sealed record ResolvedUnit(string Key, string Name, string Jurisdiction, UnitKind Kind);

/// <summary>
/// How the importer turns the mentions of a responsibility clause into units. One call per clause, with the
/// mentions in order, so a prefix written once ("区财政局、商务局") can carry across the list.
/// </summary>
public interface IUnitResolution
{
    /// <summary>Names what the units were resolved with (resolver version, alias files): a change re-resolves on re-import.</summary>
    string Fingerprint { get; }

    string JurisdictionOf(PolicyDocument document);

    /// <returns>One unit per mention, in the same order.</returns>
    IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder);
}
