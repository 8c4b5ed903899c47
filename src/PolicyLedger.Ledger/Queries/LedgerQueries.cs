using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Units;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Queries;

/// <summary>A unit as written once: in which document and item, and in what role.</summary>
/// <param name="ItemKey">The item key every command shows and accepts (济管〔2023〕19号#12).</param>
/// <param name="Corrected">A correction named the unit in this role (it was not read so).</param>
public sealed record UnitMention(string Document, string Item, string Mention, LedgerRole Role, string ItemKey, bool Corrected = false);

/// <summary>A unit of the ledger with its mentions and how many items it leads, is responsible for, and cooperates on.</summary>
public sealed record UnitReport(string Unit, string Key, string Jurisdiction, UnitKind Kind, IReadOnlyList<UnitMention> Mentions, int Leads, int Responsible, int Cooperates);

/// <summary>A unit's role in a ledger row, as written, whether it is implied by a declaration, and the sub-task it governs.</summary>
/// <param name="SpanStart">Where the mention stands (null for a unit a correction named).</param>
/// <param name="Corrected">A correction named the unit in this role.</param>
public sealed record LedgerRoleEntry(LedgerRole Role, string Mention, int? SpanStart, int? SpanLength, bool Implied, string? Governs, int? GovernsStart, int? GovernsLength, bool Corrected = false);

/// <summary>A diagnostic the reader put on an item (stable code, severity, message, span).</summary>
public sealed record LedgerItemNote(string Code, string Severity, string Message, int? SpanStart, int? SpanLength);

/// <summary>One line of the ledger (台账): a task item of a current document with its units, targets and deadlines, corrections applied.</summary>
/// <param name="Key">The item key every command shows and accepts (济管〔2023〕19号#12).</param>
/// <param name="DocumentKey">The document's key (its 文号, else title and date).</param>
/// <param name="Roles">Every role in clause order, implied ones included (they are in Lead/Responsible/Cooperating too).</param>
/// <param name="Diagnostics">What the reader found doubtful about the item; reviewers check these items first.</param>
/// <param name="ItemId">The stored item's id (0 for an item a correction made: a split's second part, a paragraph taken as an item).</param>
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
    IReadOnlyList<LedgerItemNote> Diagnostics)
{
    /// <summary>A reviewer corrected the item: <see cref="Changes"/> says what.</summary>
    public bool Corrected => Changes.Count > 0;

    /// <summary>The corrections applied to the item (field, before, after, who, when, why).</summary>
    public IReadOnlyList<ItemChange> Changes { get; init; } = [];

    /// <summary>The fields corrected, each once (lead, deadline, split …).</summary>
    public IReadOnlyList<string> CorrectedFields => Changes.Select(c => c.Field).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The ledger row of an item in effect.</summary>
    public static LedgerRow Of(EffectiveItem e)
    {
        var i = e.Item;
        var quantities = i.Quantities.Select(q => q.Text).ToList();
        if (e.TargetCorrected && e.Target is { } target)
        {
            quantities.Insert(0, target.Text);
        }

        return new LedgerRow(
            e.Key,
            e.Document.Key,
            i.LedgerItemId ?? 0,
            e.Document.Id,
            e.Document.Name,
            e.Document.Title,
            i.Id,
            i.Number,
            i.Headings,
            i.Text,
            i.MentionsIn(LedgerRole.Lead).ToList(),
            i.MentionsIn(LedgerRole.Responsible).ToList(),
            i.MentionsIn(LedgerRole.Cooperating).ToList(),
            quantities,
            i.Times.Select(t => t.Text).ToList(),
            e.Deadline,
            i.Roles.Select(r => new LedgerRoleEntry(r.Role, r.Mention, r.SpanStart, r.SpanLength, r.Implied, r.Governs, r.GovernsStart, r.GovernsLength, r.Corrected)).ToList(),
            i.Doubts.Select(d => new LedgerItemNote(d.Code, d.Severity, d.Message, d.SpanStart, d.SpanLength)).ToList())
        {
            Changes = e.Changes,
        };
    }
}

/// <summary>Which rows of the ledger to show.</summary>
/// <param name="Unit">Items where a unit whose name, key or mention contains this text has any role.</param>
/// <param name="Document">Items of documents whose number, title or file name contains this text.</param>
/// <param name="ItemIds">Only these items (a 台账 filtered by state or deadline, exported as shown).</param>
public sealed record LedgerFilter(string? Unit = null, string? Document = null, IReadOnlyCollection<long>? ItemIds = null);

/// <summary>Read-only queries over the current versions of the ledger, corrections applied (<see cref="EffectiveItems"/>).</summary>
public static class LedgerQueries
{
    public static async Task<IReadOnlyList<LedgerRow>> RowsAsync(LedgerContext context, LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var ledger = await EffectiveItems.LoadAsync(context, new ItemFilter(filter.Unit, filter.Document), cancellationToken);
        IEnumerable<EffectiveItem> items = ledger.Items;
        if (filter.ItemIds is { } only)
        {
            // Stored item ids: an item a split made comes with the item it was split from.
            var ids = only.ToHashSet();
            items = items.Where(e => e.Item.StoredItemId is { } id && ids.Contains(id));
        }

        return items.Select(LedgerRow.Of).ToList();
    }

    public static async Task<IReadOnlyList<UnitReport>> UnitsAsync(LedgerContext context, string? unit = null, CancellationToken cancellationToken = default)
    {
        var ledger = await EffectiveItems.LoadAsync(context, new ItemFilter(unit), cancellationToken);
        return Units(ledger.Items, unit);
    }

    /// <summary>Each unit of the items with its mentions and role counts; with <paramref name="unit"/>, only units it names.</summary>
    public static IReadOnlyList<UnitReport> Units(IEnumerable<EffectiveItem> items, string? unit = null)
    {
        var u = unit?.Trim();
        var roles = items
            .SelectMany(e => e.Item.Roles.Where(r => r.Unit is not null).Select(r => (Item: e, Role: r)))
            .Where(x => string.IsNullOrEmpty(u) || x.Role.Mention.Contains(u, StringComparison.Ordinal) || x.Role.Unit!.Name.Contains(u, StringComparison.Ordinal) || x.Role.Unit.Key == u)
            .ToList();

        return roles
            .GroupBy(x => x.Role.Unit!.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().Role.Unit!;
                int Count(LedgerRole role) => g.Where(x => x.Role.Role == role).Select(x => x.Item.Key).Distinct(StringComparer.Ordinal).Count();
                return new UnitReport(
                    first.Name,
                    first.Key,
                    first.Jurisdiction,
                    first.Kind,
                    g.Select(x => new UnitMention(x.Item.Document.Name, x.Item.Item.Id, x.Role.Mention, x.Role.Role, x.Item.Key, x.Role.Corrected)).ToList(),
                    Count(LedgerRole.Lead),
                    Count(LedgerRole.Responsible),
                    Count(LedgerRole.Cooperating));
            })
            .OrderBy(r => r.Jurisdiction, StringComparer.Ordinal)
            .ThenByDescending(r => r.Leads + r.Responsible + r.Cooperates)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToList();
    }
}
