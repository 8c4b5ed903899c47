using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tracking.Forms;

/// <summary>One row of a unit's report form: an item of the unit with its target and last report, to be filled.</summary>
/// <param name="ItemKey">The item key (济管〔2023〕19号#12), written in the form so a row can be matched back.</param>
/// <param name="Target">The item's main target as a number (16000 for 1.6万人), where it has one; the figure column is filled against it.</param>
/// <param name="TargetUnit">The target's unit (人, 家, 元), which a figure written with a measure word must match.</param>
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
/// <param name="UnitKey">The unit's key (jurisdiction/name), written beside its name so the form names one body.</param>
public sealed record ReportForm(string Unit, ReportingPeriod Period, IReadOnlyList<FormItem> Items, string? UnitKey = null);

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

/// <summary>A row that was rejected, with where it is and every problem it has.</summary>
public sealed record FormRejection(string Sheet, int Row, IReadOnlyList<string> Problems)
{
    public FormRejection(string sheet, int row, string problem)
        : this(sheet, row, [problem])
    {
    }

    /// <summary>The problems, joined: "完成进度“150”超出0–100；是否完成“也许”不是是或否".</summary>
    public string Reason => string.Join("；", Problems);

    public override string ToString() => $"{Sheet}!{Row}: {Reason}";
}

/// <summary>What reading a filled form gave.</summary>
/// <param name="UnitKey">The unit key the form names (beside 填报单位), where it names one.</param>
public sealed record FormReadResult(string? Unit, ReportingPeriod? Period, IReadOnlyList<FormEntry> Entries, IReadOnlyList<FormRejection> Rejected, int BlankRows, string? UnitKey = null);

/// <summary>What the reader checks a row against: the ledger's items, their reporting units and the evidence files at hand.</summary>
public interface IFormCatalog
{
    /// <summary>The units responsible for the item (lead and responsible: names and keys), or null where there is no such item.</summary>
    IReadOnlyCollection<string>? UnitsOf(string itemKey);

    /// <summary>The item's main target and its unit (for a figure written with a measure word), or nulls.</summary>
    (decimal? Target, string? Unit) TargetOf(string itemKey) => (null, null);

    /// <summary>Why an evidence file named in a row cannot be attached (outside the form's folder, missing …), or null.</summary>
    string? EvidenceProblem(string name) => null;
}

/// <summary>A catalog held in memory (tests, and the service after one query).</summary>
public sealed class DictionaryFormCatalog(
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> units,
    IReadOnlyDictionary<string, (decimal? Target, string? Unit)>? targets = null,
    Func<string, string?>? evidence = null) : IFormCatalog
{
    public IReadOnlyCollection<string>? UnitsOf(string itemKey) => units.TryGetValue(itemKey, out var u) ? u : null;

    public (decimal? Target, string? Unit) TargetOf(string itemKey) => targets is not null && targets.TryGetValue(itemKey, out var t) ? t : (null, null);

    public string? EvidenceProblem(string name) => evidence?.Invoke(name);
}
