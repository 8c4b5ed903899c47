using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>What storing one correction did.</summary>
public enum ChangeOutcome
{
    /// <summary>A new correction of the item.</summary>
    Added,

    /// <summary>It replaced the item's earlier correction of the same field.</summary>
    Replaced,

    /// <summary>The item already had this very correction: nothing was written.</summary>
    Unchanged,

    /// <summary>The ledger holds a later correction of the same field (a file being imported): it was kept.</summary>
    KeptNewer,
}

/// <summary>
/// How a new correction meets the corrections an item already has. Each correction fills a slot: a role's list, one
/// unit's role (added or removed), the deadline, the target, or the item's shape. The same value in its slot changes
/// nothing; another value replaces the slot; setting a role's whole list also drops the single additions to that role,
/// and adding a unit drops its removal (and the other way round).
/// </summary>
public static class CorrectionRules
{
    /// <param name="onItem">The corrections the item has now.</param>
    /// <returns>What storing <paramref name="candidate"/> does, and the corrections it takes the place of.</returns>
    public static (ChangeOutcome Outcome, IReadOnlyList<ItemCorrection> Replaced) Decide(ItemCorrection candidate, IReadOnlyList<ItemCorrection> onItem)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(onItem);
        var slot = onItem.Where(c => SameSlot(c, candidate)).ToList();
        if (slot.Count == 1 && SameValue(slot[0], candidate))
        {
            return (ChangeOutcome.Unchanged, []);
        }

        var superseded = onItem.Where(c => !slot.Contains(c) && Supersedes(candidate, c)).ToList();
        return (slot.Count > 0 ? ChangeOutcome.Replaced : ChangeOutcome.Added, [.. slot, .. superseded]);
    }

    private static string? Unit(ItemCorrection c) => c.Units.OrderBy(u => u.Ordinal).Select(u => u.Mention).FirstOrDefault() ?? c.Value?.Trim();

    private static bool SameSlot(ItemCorrection a, ItemCorrection b) => a.Kind == b.Kind && a.Kind switch
    {
        CorrectionKind.SetRole => a.Role == b.Role,
        CorrectionKind.AddUnit or CorrectionKind.RemoveUnit => Unit(a) == Unit(b),
        _ => true,
    };

    private static bool Supersedes(ItemCorrection added, ItemCorrection old) => (added.Kind, old.Kind) switch
    {
        (CorrectionKind.SetRole, CorrectionKind.AddUnit) => old.Role == added.Role,
        (CorrectionKind.AddUnit, CorrectionKind.RemoveUnit) or (CorrectionKind.RemoveUnit, CorrectionKind.AddUnit) => Unit(old) == Unit(added),
        _ => false,
    };

    /// <summary>Whether two corrections of one slot say the same: the same names in order, the same date, the same text.</summary>
    public static bool SameValue(ItemCorrection a, ItemCorrection b)
    {
        switch (a.Kind)
        {
            case CorrectionKind.SetRole:
                return UnitList.Parse(a.Value).Names.SequenceEqual(UnitList.Parse(b.Value).Names, StringComparer.Ordinal);
            case CorrectionKind.AddUnit:
                return a.Role == b.Role;
            case CorrectionKind.SetDeadline:
                return CorrectionRecord.TryDeadline(a.Value, out var x) && CorrectionRecord.TryDeadline(b.Value, out var y) && x == y;
            case CorrectionKind.Split:
                return Norm(a.Value) == Norm(b.Value) && (a.NewItemId ?? string.Empty) == (b.NewItemId ?? string.Empty);
            case CorrectionKind.MergeNext:
            case CorrectionKind.NotAnItem:
            case CorrectionKind.RemoveUnit:
                return true;
            default:
                return Norm(a.Value) == Norm(b.Value) && (a.Kind != CorrectionKind.AsItem || a.Fingerprint == b.Fingerprint);
        }
    }

    private static string Norm(string? text) => string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Whether a correction of <paramref name="kind"/> names units in its value.</summary>
    public static bool NamesUnits(CorrectionKind kind) => kind is CorrectionKind.SetRole or CorrectionKind.AddUnit or CorrectionKind.RemoveUnit;

    /// <summary>The kind and role a file or a command names a change by (lead, add-lead, remove, deadline, target, not-an-item, as-item, split, merge-next).</summary>
    public static bool TryKind(string? name, out CorrectionKind kind, out LedgerRole? role)
    {
        role = null;
        kind = CorrectionKind.SetRole;
        switch (name?.Trim().ToLowerInvariant())
        {
            case "lead": role = LedgerRole.Lead; return true;
            case "responsible": role = LedgerRole.Responsible; return true;
            case "cooperating": role = LedgerRole.Cooperating; return true;
            case "add-lead": kind = CorrectionKind.AddUnit; role = LedgerRole.Lead; return true;
            case "add-responsible": kind = CorrectionKind.AddUnit; role = LedgerRole.Responsible; return true;
            case "add-cooperating": kind = CorrectionKind.AddUnit; role = LedgerRole.Cooperating; return true;
            case "remove": kind = CorrectionKind.RemoveUnit; return true;
            case "deadline": kind = CorrectionKind.SetDeadline; return true;
            case "target": kind = CorrectionKind.SetTarget; return true;
            case "not-an-item": kind = CorrectionKind.NotAnItem; return true;
            case "as-item": kind = CorrectionKind.AsItem; return true;
            case "split": kind = CorrectionKind.Split; return true;
            case "merge-next": kind = CorrectionKind.MergeNext; return true;
            default: return false;
        }
    }
}
