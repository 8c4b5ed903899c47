using System.Globalization;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>What the 台账 export wrote.</summary>
public sealed record LedgerExport(string Path, int Items, int Documents, int Units, DateOnly AsOf);

/// <summary>
/// The 台账 workbook of a scope: one sheet per document with 进展 and 状态 filled from the latest report seen at
/// <c>asOf</c> and the state `status` gives at that date.
/// </summary>
public sealed class LedgerExportService(LedgerContext db, ScopeService scopes, StatusService status)
{
    public async Task<Result<LedgerExport>> WriteAsync(Actor actor, string path, TrackingScope scope, string? unit, DateOnly asOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var resolved = await scopes.AuthorizeAsync(actor, TrackingAction.ExportLedger, scope, ct);
        if (!resolved.Ok)
        {
            return resolved.Problem;
        }

        var items = resolved.Value.Items;
        string? unitKey = null;
        if (unit is not null)
        {
            var found = ScopeService.FindUnit(items, unit);
            if (!found.Ok)
            {
                return found.Problem;
            }

            unitKey = found.Value.Key;
        }

        var documents = items.Select(i => i.DocumentId).ToHashSet();
        var rows = (await LedgerQueries.RowsAsync(db, new LedgerFilter(unitKey), ct)).Where(r => documents.Contains(r.DocumentId)).ToList();
        var rowKeys = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var units = (await LedgerQueries.UnitsAsync(db, unitKey, ct))
            .Select(u => Within(u, rowKeys))
            .Where(u => u.Mentions.Count > 0)
            .ToList();
        var book = await status.LoadAsync(items, ct);
        var states = book.At(asOf).ToDictionary(r => r.Item.ItemId);
        LedgerWorkbook.Write(path, rows, units, id => states.TryGetValue(id, out var s) ? Describe(s) : null);
        return new LedgerExport(path, rows.Count, rows.Select(r => r.DocumentId).Distinct().Count(), units.Count, asOf);
    }

    /// <summary>A unit's matrix line counted over the rows exported only (never another scope's items).</summary>
    private static UnitReport Within(UnitReport unit, IReadOnlySet<string> rowKeys)
    {
        var mentions = unit.Mentions.Where(m => rowKeys.Contains(m.ItemKey)).ToList();
        int Count(Model.LedgerRole role) => mentions.Where(m => m.Role == role).Select(m => m.ItemKey).Distinct(StringComparer.Ordinal).Count();
        return unit with { Mentions = mentions, Leads = Count(Model.LedgerRole.Lead), Responsible = Count(Model.LedgerRole.Responsible), Cooperates = Count(Model.LedgerRole.Cooperating) };
    }

    /// <summary>进展: the last report seen ("2024Q2：完成50%，…（2024-06-28报送）"); 状态: the state in Chinese.</summary>
    public static ItemStatus Describe(StatusRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var last = row.Status.LastReport;
        var progress = last is null
            ? "未报送"
            : string.Create(CultureInfo.InvariantCulture, $"{last.Period}：{(last.IsDone ? "已完成" : $"完成{last.Percent ?? 0:0.#}%")}{(string.IsNullOrWhiteSpace(row.LastNarrative) ? "" : "，" + row.LastNarrative)}（{last.SubmittedOn:yyyy-MM-dd}报送）");
        return new ItemStatus(progress, row.Status.State.Chinese());
    }
}
