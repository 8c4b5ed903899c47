using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// Writes an audit row (who, when, what, before, after) for every tracked insert, update and delete of the ledger's
/// rows, in the same SaveChanges, so a change and its audit row commit together. One rule on every provider for
/// imports: each file version an import stores is one audit row (from its import-log row, listing the units it
/// created); the rows the import writes for it (sources and their texts, documents, items and their diagnostics, units, responsibilities — through the
/// change tracker on PostgreSQL, around it on SQLite) are not audited one by one. Not audited row by row either:
/// headings, quantities and times (the item's row stands for them), evidence bytes, the import log and the audit log
/// itself, and corrections (the correction service audits each as a change of its item, with the item's values
/// before and after). Progress reports, their figures and evidence are keyed by item and period ("1#12 2024Q2 …"), so the
/// audit of one item finds them. Changes made with ExecuteUpdate/ExecuteDelete bypass the change tracker: call
/// <see cref="LedgerContext.Audit"/> for them.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    public static AuditInterceptor Instance { get; } = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<Type> Skipped =
    [
        typeof(AuditEntry), typeof(ImportLogEntry), typeof(LedgerHeading), typeof(LedgerQuantity), typeof(LedgerTime), typeof(EvidenceBlob),
        typeof(Corrections.ItemCorrection), typeof(Corrections.CorrectionUnit), typeof(Corrections.ReviewCheck),
        typeof(Corrections.CorrectedDocument), typeof(Corrections.CorrectedRow), typeof(Corrections.CorrectedRowUnit),
        typeof(Users.DataProtectionKeyRow),
    ];

    /// <summary>What an import writes for a file: stood for by the file's one import audit row.</summary>
    private static readonly HashSet<Type> ImportRows =
    [
        typeof(LedgerSource), typeof(LedgerSourceText), typeof(LedgerDocument), typeof(LedgerItem), typeof(LedgerItemDiagnostic), typeof(LedgerUnit),
        typeof(LedgerResponsibility),
    ];

    /// <summary>The model annotation that keeps a property's value out of the audit log: "secret" (written as changed, value hidden) or "skip" (not written).</summary>
    public const string AnnotationName = "PolicyLedger:Audit";

    public const string Secret = "secret";

    public const string Skip = "skip";

    private const string Hidden = "（已隐藏）";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not LedgerContext ledger)
        {
            return;
        }

        ledger.ChangeTracker.DetectChanges();

        // The importer may write new documents around the change tracker (SQLite's prepared row writer), but it
        // always adds its import-log rows through it, in the same transaction: each file version stored becomes
        // one "import" audit row. An unchanged or failed file changed nothing and is not audited.
        var imports = ledger.ChangeTracker.Entries<ImportLogEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Outcome is not (ImportOutcome.Unchanged or ImportOutcome.Failed or ImportOutcome.Empty))
            .Select(e => e.Entity)
            .ToList();
        foreach (var log in imports)
        {
            ledger.AuditLog.Add(new AuditEntry
            {
                At = ledger.AuditClock.GetUtcNow().ToUniversalTime(),
                Actor = ledger.AuditActor,
                Action = "import",
                Entity = "sources",
                EntityKey = log.Path,
                Context = ledger.AuditContext ?? "import",
                Before = log.Outcome == ImportOutcome.NewVersion && log.Version is > 1 ? JsonSerializer.Serialize(new { Version = log.Version - 1 }, Json) : null,
                After = JsonSerializer.Serialize(new { Outcome = log.Outcome.ToString(), log.Version, log.ContentHash, log.Documents, log.Items, log.Message, log.NewUnits }, Json),
            });
        }

        // A save that logs an import (even one whose files all turned out unchanged) is an import's: its content rows
        // are stood for by the import rows above, on every provider.
        var importing = ledger.ChangeTracker.Entries<ImportLogEntry>().Any(e => e.State == EntityState.Added);
        var changes = ledger.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Skipped.Contains(e.Metadata.ClrType))
            .Where(e => !(importing && ImportRows.Contains(e.Metadata.ClrType)))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var at = ledger.AuditClock.GetUtcNow().ToUniversalTime();
        var what = ledger.AuditContext
            ?? (imports.Count > 0 || changes.Any(e => e.Entity is LedgerDocument && e.State == EntityState.Added) ? "import" : null);
        foreach (var e in changes)
        {
            var (action, before, after) = e.State switch
            {
                EntityState.Added => ("insert", null, Values(e, current: true)),
                EntityState.Deleted => ("delete", Values(e, current: false), null),
                _ => ("update", Values(e, current: false, onlyModified: true), Values(e, current: true, onlyModified: true)),
            };
            if (action == "update" && before == after)
            {
                continue;
            }

            ledger.AuditLog.Add(new AuditEntry
            {
                At = at,
                Actor = ledger.AuditActor,
                Action = action,
                Entity = e.Metadata.GetTableName() ?? e.Metadata.ClrType.Name,
                EntityKey = Key(e),
                Context = what,
                Before = before,
                After = after,
            });
        }
    }

    private static string? Key(EntityEntry e)
    {
        // Reports and what hangs on them are named by item and period, whatever their row ids: `audit --item` finds them.
        if (ItemKey(e) is { } byItem)
        {
            return byItem;
        }

        var key = e.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        var parts = key.Properties.Select(p => e.Property(p.Name)).ToList();
        if (e.State == EntityState.Added && parts.Any(p => p.IsTemporary))
        {
            // A generated id is not known before saving: name the row by what identifies it instead.
            return e.Entity switch
            {
                LedgerSource s => s.Path,
                LedgerDocument d => d.DocNumber ?? d.Title,
                LedgerItem i => i.Key,
                LedgerUnit u => u.Key,
                ProgressReport r => $"{TrackedItem.MakeKey(r.SourceId, r.DocumentPosition, r.ItemKey)} {r.Period}",
                ProgressEvidence x => x.FileName,
                ProgressFigure f => f.Key,
                Users.LedgerUser u => u.Name,
                Users.ApiToken t => t.Prefix,
                _ => null,
            };
        }

        return string.Join(",", parts.Select(p => Convert.ToString(p.CurrentValue, CultureInfo.InvariantCulture)));
    }

    /// <summary>"1#12 2024Q2" for a report; "1#12 2024Q2 figure …" and "1#12 2024Q2 evidence …" for its figures and evidence.</summary>
    private static string? ItemKey(EntityEntry e)
    {
        static string Of(ProgressReport r) => $"{TrackedItem.MakeKey(r.SourceId, r.DocumentPosition, r.ItemKey)} {r.Period}";

        ProgressReport? Parent(long reportId, object child) => e.Context.ChangeTracker.Entries<ProgressReport>()
            .Select(x => x.Entity)
            .FirstOrDefault(r => (reportId != 0 && r.Id == reportId) || r.Figures.Contains(child) || r.Evidence.Contains(child));

        return e.Entity switch
        {
            ProgressReport r => Of(r),
            ProgressFigure f when Parent(f.ReportId, f) is { } r => $"{Of(r)} figure {f.Key}",
            ProgressEvidence x when Parent(x.ReportId, x) is { } r => $"{Of(r)} evidence {x.FileName}",
            _ => null,
        };
    }

    private static string Values(EntityEntry e, bool current, bool onlyModified = false)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            if (onlyModified && !p.IsModified)
            {
                continue;
            }

            if (p.IsTemporary || p.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            var rule = p.Metadata.FindAnnotation(AnnotationName)?.Value as string;
            if (rule == Skip)
            {
                continue;
            }

            var value = current ? p.CurrentValue : p.OriginalValue;
            values[p.Metadata.Name] = rule == Secret && value is not null ? Hidden : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
