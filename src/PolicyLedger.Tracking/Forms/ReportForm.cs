using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tracking.Forms;

/// <summary>One row of a unit's report form: an item of the unit with its target and last report, to be filled.</summary>
/// <param name="ItemKey">The ledger's key of the item, written in the form so a row can be matched back ("12" within a document id: "3:12").</param>
/// <param name="Target">The item's main target as a number (16000 for 1.6万人), where it has one; the figure column is filled against it.</param>
public sealed record FormItem(
    string ItemKey,
    string Document,
    string Number,
    string Text,
    string? TargetText,
    decimal? Target,
    string? TargetUnit,
    string? LastPeriod,
    decimal? LastPercent,
    bool LastDone,
    string? LastNarrative);

/// <summary>A unit's report form for a period.</summary>
public sealed record ReportForm(string Unit, ReportingPeriod Period, IReadOnlyList<FormItem> Items);

/// <summary>A filled row that passed every check.</summary>
/// <param name="Evidence">File names listed in the evidence column (separated by ；, ; or new lines), relative to the form's folder.</param>
public sealed record FormEntry(
    string Sheet,
    int Row,
    string ItemKey,
    ReportingPeriod Period,
    decimal? Percent,
    bool Done,
    decimal? Figure,
    string? Narrative,
    IReadOnlyList<string> Evidence,
    string? Reporter);

/// <summary>A row that was rejected, with where it is and why.</summary>
public sealed record FormRejection(string Sheet, int Row, string Reason)
{
    public override string ToString() => $"{Sheet}!{Row}: {Reason}";
}

/// <summary>What reading a filled form gave.</summary>
public sealed record FormReadResult(string? Unit, ReportingPeriod? Period, IReadOnlyList<FormEntry> Entries, IReadOnlyList<FormRejection> Rejected, int BlankRows);

/// <summary>What the reader checks a row against: the ledger's items and their responsible units.</summary>
public interface IFormCatalog
{
    /// <summary>The units responsible for the item (lead and responsible), or null where there is no such item.</summary>
    IReadOnlyCollection<string>? UnitsOf(string itemKey);
}

/// <summary>A catalog held in memory (tests, and the CLI after one query).</summary>
public sealed class DictionaryFormCatalog(IReadOnlyDictionary<string, IReadOnlyCollection<string>> units) : IFormCatalog
{
    public IReadOnlyCollection<string>? UnitsOf(string itemKey) => units.TryGetValue(itemKey, out var u) ? u : null;
}
