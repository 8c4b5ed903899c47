using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>
/// Makes the stored form of one change from its anchor and value, checking what can be checked without the item: a
/// unit list that parses, one unit where one is meant, a date, a target with a figure, a split point, the item after
/// a merge. The same checks serve <c>policyledger correct</c> and the entries of a correction file.
/// </summary>
public static class CorrectionFactory
{
    public static (ItemCorrection? Entity, CorrectionProblem? Problem) Create(ItemAnchor anchor, ChangeRequest change, string? why, string by, DateTimeOffset at, ItemAnchor? next = null)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(change);
        var value = change.Value?.Trim();
        switch (change.Kind)
        {
            case CorrectionKind.SetRole:
            case CorrectionKind.AddUnit:
            case CorrectionKind.RemoveUnit:
            {
                var field = change.Kind == CorrectionKind.RemoveUnit ? "要去掉的单位" : CorrectionRecord.RoleChinese(change.Role ?? LedgerRole.Responsible);
                var (names, problem) = UnitList.Parse(value);
                if (problem is not null)
                {
                    return (null, CorrectionCodes.UnitList(field, value ?? string.Empty, problem));
                }

                if (change.Kind != CorrectionKind.SetRole && names.Count != 1)
                {
                    return (null, CorrectionCodes.UnitList(field, value ?? string.Empty, names.Count == 0 ? "没有写单位" : "这里只能写一个单位"));
                }

                break;
            }

            case CorrectionKind.SetDeadline when !CorrectionRecord.TryDeadline(value, out _):
                return (null, CorrectionCodes.Date(value ?? string.Empty));
            case CorrectionKind.SetTarget when CorrectionRecord.TargetOf(value) is null:
                return (null, CorrectionCodes.Target(value ?? string.Empty));
            case CorrectionKind.Split when string.IsNullOrWhiteSpace(value):
                return (null, CorrectionCodes.Split(anchor.ItemId, string.Empty, "没有写从哪段文字起拆分"));
            case CorrectionKind.AsItem when string.IsNullOrWhiteSpace(anchor.Text):
                return (null, CorrectionCodes.ParagraphMissing(anchor.DocumentKey, string.Empty));
        }

        return (new ItemCorrection
        {
            DocumentKey = anchor.DocumentKey,
            SourceFile = anchor.SourceFile,
            ItemId = anchor.ItemId,
            ItemNumber = anchor.Number,
            ItemText = anchor.Text,
            Fingerprint = anchor.Fingerprint,
            PreviousFingerprint = anchor.PreviousFingerprint,
            NextFingerprint = anchor.NextFingerprint,
            Kind = change.Kind,
            Role = change.Kind is CorrectionKind.SetRole or CorrectionKind.AddUnit ? change.Role ?? LedgerRole.Responsible : null,
            Value = change.Kind is CorrectionKind.NotAnItem or CorrectionKind.MergeNext or CorrectionKind.AsItem ? null : value ?? string.Empty,
            NewItemId = change.Kind == CorrectionKind.Split ? change.NewItemId : null,
            NextItemId = next?.ItemId,
            NextItemText = next?.Text,
            Why = string.IsNullOrWhiteSpace(why) ? null : why.Trim(),
            By = by,
            At = at.ToUniversalTime(),
            Units = CorrectionRules.NamesUnits(change.Kind)
                ? UnitList.Parse(value).Names.Select((n, i) => new CorrectionUnit { Ordinal = i, Mention = n }).ToList()
                : [],
        }, null);
    }
}
