using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Queries;

/// <summary>A unit as written once: in which document and item, and in what role.</summary>
/// <param name="ItemKey">The item key every command shows and accepts (济管〔2023〕19号#12).</param>
public sealed record UnitMention(string Document, string Item, string Mention, LedgerRole Role, string ItemKey);

/// <summary>A unit of the ledger with its mentions and how many items it leads, is responsible for, and cooperates on.</summary>
public sealed record UnitReport(string Unit, string Key, string Jurisdiction, UnitKind Kind, IReadOnlyList<UnitMention> Mentions, int Leads, int Responsible, int Cooperates);

/// <summary>A unit's role in a ledger row, as written, whether it is implied by a declaration, and the sub-task it governs.</summary>
public sealed record LedgerRoleEntry(LedgerRole Role, string Mention, int SpanStart, int SpanLength, bool Implied, string? Governs, int? GovernsStart, int? GovernsLength);

/// <summary>A diagnostic the reader put on an item (stable code, severity, message, span).</summary>
public sealed record LedgerItemNote(string Code, string Severity, string Message, int? SpanStart, int? SpanLength);

/// <summary>One line of the ledger (台账): a task item of a current document with its units, targets and deadlines.</summary>
/// <param name="Key">The item key every command shows and accepts (济管〔2023〕19号#12).</param>
/// <param name="DocumentKey">The document's key (its 文号, else title and date).</param>
/// <param name="Roles">Every role in clause order, implied ones included (they are in Lead/Responsible/Cooperating too).</param>
/// <param name="Diagnostics">What the reader found doubtful about the item; reviewers check these items first.</param>
public sealed record LedgerRow(
    string Key,
    string DocumentKey,
    long ItemId,
    long DocumentId,
    string Document,
    string? Title,
    string Item,
    int? Number,
    IReadOnlyList<string> Headings,
    string Text,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Responsible,
    IReadOnlyList<string> Cooperating,
    IReadOnlyList<string> Quantities,
    IReadOnlyList<string> Times,
    DateOnly? Deadline,
    IReadOnlyList<LedgerRoleEntry> Roles,
    IReadOnlyList<LedgerItemNote> Diagnostics);

/// <summary>Which rows of the ledger to show.</summary>
/// <param name="Unit">Items where a unit whose name, key or mention contains this text has any role.</param>
/// <param name="Document">Items of documents whose number, title or file name contains this text.</param>
public sealed record LedgerFilter(string? Unit = null, string? Document = null);

/// <summary>Read-only queries over the current versions of the ledger (no tracking).</summary>
public static class LedgerQueries
{
    public static async Task<IReadOnlyList<LedgerRow>> RowsAsync(LedgerContext context, LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        var items = context.Items.AsNoTracking().Where(i => i.Document!.IsCurrent);
        if (!string.IsNullOrWhiteSpace(filter.Document))
        {
            var d = filter.Document.Trim();
            items = items.Where(i => i.Document!.Key.Contains(d) || (i.Document!.DocNumber != null && i.Document.DocNumber.Contains(d))
                || (i.Document.Title != null && i.Document.Title.Contains(d))
                || i.Document.Source!.FileName.Contains(d));
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var u = filter.Unit.Trim();
            items = items.Where(i => i.Responsibilities.Any(r => r.Mention.Contains(u) || r.Unit!.Name.Contains(u) || r.Unit.Key == u));
        }

        var loaded = await items
            .OrderBy(i => i.Document!.Source!.Path).ThenBy(i => i.Document!.Position).ThenBy(i => i.Ordinal)
            .Select(i => new
            {
                i.Id,
                i.DocumentId,
                DocumentKey = i.Document!.Key,
                i.Document!.DocNumber,
                i.Document.Title,
                i.Document.Source!.FileName,
                i.Document.Position,
                i.Key,
                i.Number,
                i.Headings,
                i.Text,
                Roles = i.Responsibilities.OrderBy(r => r.Ordinal).Select(r => new { r.Role, r.Mention, r.SpanStart, r.SpanLength, r.Implied, r.GovernsText, r.GovernsStart, r.GovernsLength }).ToList(),
                Diagnostics = i.Diagnostics.OrderBy(d => d.Ordinal).Select(d => new { d.Code, d.Severity, d.Message, d.SpanStart, d.SpanLength }).ToList(),
                Quantities = i.Quantities.OrderBy(q => q.Ordinal).Select(q => q.Text).ToList(),
                Times = i.Times.OrderBy(t => t.Ordinal).Select(t => new { t.Text, t.End }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return loaded.Select(i => new LedgerRow(
            new ItemKey(i.DocumentKey, i.Key).ToString(),
            i.DocumentKey,
            i.Id,
            i.DocumentId,
            i.DocNumber ?? i.Title ?? $"{i.FileName}#{i.Position + 1}",
            i.Title,
            i.Key,
            i.Number,
            i.Headings.Length == 0 ? [] : i.Headings.Split('\n'),
            i.Text,
            i.Roles.Where(r => r.Role == LedgerRole.Lead).Select(r => r.Mention).ToList(),
            i.Roles.Where(r => r.Role == LedgerRole.Responsible).Select(r => r.Mention).ToList(),
            i.Roles.Where(r => r.Role == LedgerRole.Cooperating).Select(r => r.Mention).ToList(),
            i.Quantities,
            i.Times.Select(t => t.Text).ToList(),
            i.Times.Where(t => t.End is not null).Select(t => t.End).Max(),
            i.Roles.Select(r => new LedgerRoleEntry(r.Role, r.Mention, r.SpanStart, r.SpanLength, r.Implied, r.GovernsText, r.GovernsStart, r.GovernsLength)).ToList(),
            i.Diagnostics.Select(d => new LedgerItemNote(d.Code, d.Severity, d.Message, d.SpanStart, d.SpanLength)).ToList())).ToList();
    }

    public static async Task<IReadOnlyList<UnitReport>> UnitsAsync(LedgerContext context, string? unit = null, CancellationToken cancellationToken = default)
    {
        var responsibilities = context.Responsibilities.AsNoTracking().Where(r => r.Item!.Document!.IsCurrent);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var u = unit.Trim();
            responsibilities = responsibilities.Where(r => r.Mention.Contains(u) || r.Unit!.Name.Contains(u) || r.Unit.Key == u);
        }

        var rows = await responsibilities
            .OrderBy(r => r.Item!.Document!.Source!.Path).ThenBy(r => r.Item!.Document!.Position).ThenBy(r => r.Item!.Ordinal).ThenBy(r => r.Ordinal)
            .Select(r => new
            {
                r.UnitId,
                r.Unit!.Name,
                r.Unit.Key,
                r.Unit.Jurisdiction,
                r.Unit.Kind,
                r.ItemId,
                r.Role,
                r.Mention,
                r.Item!.Document!.DocNumber,
                DocumentKey = r.Item.Document.Key,
                r.Item.Document.Title,
                r.Item.Document.Source!.FileName,
                r.Item.Document.Position,
                Item = r.Item.Key,
            })
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.UnitId)
            .Select(g =>
            {
                var first = g.First();
                int Count(LedgerRole role) => g.Where(r => r.Role == role).Select(r => r.ItemId).Distinct().Count();
                return new UnitReport(
                    first.Name,
                    first.Key,
                    first.Jurisdiction,
                    first.Kind,
                    g.Select(r => new UnitMention(r.DocNumber ?? r.Title ?? $"{r.FileName}#{r.Position + 1}", r.Item, r.Mention, r.Role, new ItemKey(r.DocumentKey, r.Item).ToString())).ToList(),
                    Count(LedgerRole.Lead),
                    Count(LedgerRole.Responsible),
                    Count(LedgerRole.Cooperating));
            })
            .OrderBy(u => u.Jurisdiction, StringComparer.Ordinal)
            .ThenByDescending(u => u.Leads + u.Responsible + u.Cooperates)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
    }
}
