using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Units;

/// <summary>A unit a mention was resolved to.</summary>
/// <param name="Key">Unique across the ledger: the same key is the same unit.</param>
/// <param name="NotAUnit">Set where the mention is no organisation's name (a piece of a sentence, a title in 《》): the ledger makes no unit and no role of it.</param>
public sealed record ResolvedUnit(string Key, string Name, string Jurisdiction, UnitKind Kind, NotAUnitReason? NotAUnit = null)
{
    public bool IsUnit => NotAUnit is null;
}

/// <summary>
/// How the importer turns the mentions of responsibility clauses into units: a document at a time, clause after clause
/// in reading order, so a prefix written once ("区财政局、商务局") carries across a list and a name written in full
/// explains the short forms after it.
/// </summary>
public interface IUnitResolution
{
    /// <summary>Names what the units were resolved with (resolver version, built-in data, alias files): a change re-resolves on re-import.</summary>
    string Fingerprint { get; }

    string JurisdictionOf(PolicyDocument document);

    /// <returns>One unit per mention, in the same order.</returns>
    IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder);

    /// <summary>The units of every item of a document, one list per item (one unit per role, in order).</summary>
    IReadOnlyList<IReadOnlyList<ResolvedUnit>> ResolveDocument(PolicyDocument document)
    {
        var jurisdiction = JurisdictionOf(document);
        return document.Items
            .Select(item => item.Roles.Count == 0 ? [] : ResolveClause(jurisdiction, item.Roles.Select(r => r.Mention).ToList()))
            .ToList();
    }
}
