using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// The values Excel saved with the formula cells of a workbook (the <c>&lt;v&gt;</c> of each <c>&lt;c&gt;</c> that has an
/// <c>&lt;f&gt;</c>), read straight from the file. ClosedXML would evaluate a formula that has no saved value, and a
/// circular one (=A1 in A1, =SUM(A1:A3) inside A1:A3) recurses until the process dies of a stack overflow, which no
/// catch can stop; so the form reader never asks ClosedXML for a formula's value, only this.
/// </summary>
public sealed class SavedFormulaValues
{
    private readonly Dictionary<(string Sheet, string Cell), SavedValue> _values;

    private SavedFormulaValues(Dictionary<(string Sheet, string Cell), SavedValue> values) => _values = values;

    /// <summary>No formulas at all (a workbook made in memory).</summary>
    public static SavedFormulaValues None { get; } = new([]);

    /// <summary>What a formula cell holds: its saved text (null when none was saved) and whether Excel saved an error (t="e").</summary>
    public readonly record struct SavedValue(string? Text, bool IsError, bool IsBoolean);

    /// <summary>Reads every formula cell's saved value; the stream is left at its start.</summary>
    public static SavedFormulaValues Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var values = new Dictionary<(string, string), SavedValue>();
        workbook.Position = 0;
        using (var document = SpreadsheetDocument.Open(workbook, false))
        {
            var part = document.WorkbookPart;
            foreach (var sheet in part?.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || part!.GetPartById(id) is not WorksheetPart ws)
                {
                    continue;
                }

                foreach (var cell in ws.Worksheet.Descendants<Cell>())
                {
                    if (cell.CellFormula is null || cell.CellReference?.Value is not { } reference)
                    {
                        continue;
                    }

                    var type = cell.DataType?.Value;
                    var text = cell.CellValue?.Text;
                    values[(name, reference.ToUpperInvariant())] = new SavedValue(
                        string.IsNullOrEmpty(text) ? null : text, type == CellValues.Error, type == CellValues.Boolean);
                }
            }
        }

        workbook.Position = 0;
        return new SavedFormulaValues(values);
    }

    /// <summary>The saved value of a formula cell; a formula the file does not list has none.</summary>
    public SavedValue Of(string sheet, string cell) =>
        _values.TryGetValue((sheet, cell.ToUpperInvariant()), out var value) ? value : new SavedValue(null, false, false);
}
