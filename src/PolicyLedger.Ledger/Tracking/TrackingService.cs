using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Claims;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>What a person reports on one item for one period.</summary>
/// <param name="Figure">The figure achieved against the item's main target (in the target's unit, 万 multiplied out).</param>
/// <param name="Evidence">Evidence files to store (path on disk).</param>
/// <param name="Unit">The reporting unit (name or key); null: the item's first unit.</param>
public sealed record ReportInput(
    string ItemKey,
    ReportingPeriod Period,
    decimal? Percent,
    bool Done,
    decimal? Figure,
    string? Narrative,
    IReadOnlyList<string> Evidence,
    string? Unit,
    string? Origin = null);

public enum ReportOutcome
{
    Added,
    Corrected,
    Unchanged,
    Rejected,
}

public sealed record ReportResult(ReportOutcome Outcome, string ItemKey, string? Reason, IReadOnlyList<ClaimWarning> Warnings);

/// <summary>One row of `policyledger status`.</summary>
public sealed record StatusRow(TrackedItem Item, StatusResult Status, DateTimeOffset? LastSubmitted);

/// <summary>What importing a filled form did.</summary>
public sealed record FormImportResult(FormReadResult Read, IReadOnlyList<ReportResult> Results, IReadOnlyList<FormRejection> Rejected)
{
    public int Added => Results.Count(r => r.Outcome == ReportOutcome.Added);

    public int Corrected => Results.Count(r => r.Outcome == ReportOutcome.Corrected);

    public int Unchanged => Results.Count(r => r.Outcome == ReportOutcome.Unchanged);
}

/// <summary>
/// The tracking facade over the ledger: items with their schedules and cadences, progress reports (one command
/// or a filled form), status at a date, bulletins and the audit log. Time comes from the injected clock only.
/// </summary>
public sealed class TrackingService(LedgerContext db, TimeProvider clock)
{
    private List<TrackedItem>? _items;

    /// <summary>Every item of the current documents that has a reporting unit, in document and item order.</summary>
    public async Task<IReadOnlyList<TrackedItem>> ItemsAsync(CancellationToken ct = default)
    {
        if (_items is not null)
        {
            return _items;
        }

        var docs = await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Include(d => d.Source)
            .OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        var docIds = docs.Select(d => d.Id).ToList();
        var items = await db.Items.AsNoTracking().Where(i => docIds.Contains(i.DocumentId))
            .Include(i => i.Responsibilities).ThenInclude(r => r.Unit)
            .Include(i => i.Quantities).Include(i => i.Times)
            .OrderBy(i => i.DocumentId).ThenBy(i => i.Ordinal).ToListAsync(ct);
        var cadences = await db.Cadences.AsNoTracking().ToListAsync(ct);
        var result = new List<TrackedItem>();
        foreach (var doc in docs)
        {
            var cadence = CadenceOf(doc, cadences);
            var planYear = ItemSchedule.PlanYear(doc.Title);
            foreach (var item in items.Where(i => i.DocumentId == doc.Id))
            {
                var units = item.Responsibilities
                    .Where(r => r.Role != LedgerRole.Cooperating && r.Unit is not null)
                    .OrderBy(r => r.Role).ThenBy(r => r.Ordinal)
                    .Select(r => (r.UnitId, r.Unit!.Name)).Distinct().ToList();
                var target = item.Quantities.OrderBy(q => q.Ordinal)
                    .FirstOrDefault(q => q.Kind is "Measure" or "Money") ?? item.Quantities.OrderBy(q => q.Ordinal).FirstOrDefault(q => q.Kind != "Percent");
                var schedule = ItemSchedule.Decide(
                    item.Times.Select(t => (t.Start, t.End, t.Recurrence is not null)),
                    planYear,
                    doc.Date,
                    doc.Date ?? DateOnly.FromDateTime(doc.ImportedAt.UtcDateTime));
                result.Add(new TrackedItem(
                    doc.ItemKeyOf(item.Key),
                    doc.SourceId,
                    doc.Position,
                    item.Id,
                    item.Key,
                    item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Key,
                    doc.DocNumber ?? doc.Title ?? doc.Source?.FileName ?? doc.SourceId.ToString(CultureInfo.InvariantCulture),
                    item.Text,
                    units,
                    target?.Text,
                    target?.Value,
                    target?.Unit,
                    schedule,
                    cadence));
            }
        }

        _items = result;
        return result;
    }

    /// <summary>The cadence an office set, else the one its text states (read from the source file where it is still there), else quarterly at quarter end.</summary>
    private static ReportingCadence CadenceOf(LedgerDocument doc, List<DocumentCadence> set)
    {
        if (set.FirstOrDefault(c => c.SourceId == doc.SourceId && c.DocumentPosition == doc.Position) is { } c
            && Enum.TryParse<PeriodKind>(c.Kind, out var kind))
        {
            return new ReportingCadence(kind, c.DueDay, c.Origin);
        }

        var path = doc.Source?.Path;
        if (path is not null && File.Exists(path))
        {
            try
            {
                var text = PolicyLedger.Reading.Text.TextDecoder.Decode(path, File.ReadAllBytes(path)).Text;
                var span = text.AsSpan(Math.Min(doc.SpanStart, text.Length), Math.Min(doc.SpanLength, text.Length - Math.Min(doc.SpanStart, text.Length)));
                return CadenceReader.Read(span.Length > 0 ? span.ToString() : text) ?? ReportingCadence.Default;
            }
            catch (IOException)
            {
                return ReportingCadence.Default;
            }
        }

        return ReportingCadence.Default;
    }

    /// <summary>Sets (or with both null, clears) a document's cadence: the override of what its text says.</summary>
    public async Task SetCadenceAsync(long sourceId, int position, PeriodKind? kind, int? dueDay, CancellationToken ct = default)
    {
        var row = await db.Cadences.AsTracking().FirstOrDefaultAsync(c => c.SourceId == sourceId && c.DocumentPosition == position, ct);
        if (kind is null && dueDay is null)
        {
            if (row is not null)
            {
                db.Cadences.Remove(row);
            }
        }
        else if (row is null)
        {
            db.Cadences.Add(new DocumentCadence { SourceId = sourceId, DocumentPosition = position, Kind = (kind ?? PeriodKind.Quarter).ToString(), DueDay = dueDay, Origin = "override" });
        }
        else
        {
            row.Kind = (kind ?? Enum.Parse<PeriodKind>(row.Kind)).ToString();
            row.DueDay = dueDay;
        }

        await db.SaveChangesAsync(ct);
        _items = null;
    }

    private async Task<LedgerUnit?> FindUnitAsync(string nameOrKey, CancellationToken ct) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Name == nameOrKey || u.Key == nameOrKey, ct);

    /// <summary>Adds one report, or corrects the unit's report for that item and period; the same values again change nothing.</summary>
    public async Task<ReportResult> AddReportAsync(ReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = await ItemsAsync(ct);
        var (item, problem) = ItemLookup.Find(items, input.ItemKey);
        if (item is null)
        {
            return Rejected(input, problem!);
        }

        (long Id, string Name) unit;
        if (input.Unit is null)
        {
            if (item.Units.Count == 0)
            {
                return Rejected(input, $"item {input.ItemKey} has no responsible unit");
            }

            unit = item.Units[0];
        }
        else
        {
            var found = await FindUnitAsync(input.Unit, ct);
            if (found is null || !item.Units.Any(u => u.Id == found.Id))
            {
                return Rejected(input, $"item {input.ItemKey} is not {input.Unit}'s: it belongs to {string.Join("、", item.Units.Select(u => u.Name))}");
            }

            unit = (found.Id, found.Name);
        }

        if (input.Percent is < 0 or > 100)
        {
            return Rejected(input, $"percent {input.Percent} is outside 0–100");
        }

        if (input.Period.Kind != item.Cadence.Kind)
        {
            return Rejected(input, $"wrong period {input.Period}: {item.Document} reports {item.Cadence.Kind.ToString().ToLowerInvariant()}");
        }

        var files = new List<(string Name, string Sha, byte[] Bytes)>();
        foreach (var path in input.Evidence)
        {
            if (!File.Exists(path))
            {
                return Rejected(input, $"evidence file {path} not found");
            }

            var bytes = await File.ReadAllBytesAsync(path, ct);
            files.Add((Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes));
        }

        var period = input.Period.ToString();
        var existing = await db.ProgressReports.AsTracking().Include(r => r.Figures).Include(r => r.Evidence)
            .FirstOrDefaultAsync(r => r.SourceId == item.SourceId && r.DocumentPosition == item.DocumentPosition && r.ItemKey == item.ItemKey && r.UnitId == unit.Id && r.Period == period, ct);
        var previous = await db.ProgressReports.AsNoTracking().Include(r => r.Figures).Include(r => r.Evidence)
            .Where(r => r.SourceId == item.SourceId && r.DocumentPosition == item.DocumentPosition && r.ItemKey == item.ItemKey && r.UnitId == unit.Id && r.Period != period)
            .ToListAsync(ct);
        var before = previous.Where(r => ReportingPeriod.TryParse(r.Period, out var p) && p < input.Period)
            .OrderByDescending(r => ReportingPeriod.Parse(r.Period)).FirstOrDefault();

        var figures = input.Figure is { } f ? new[] { new Figure(item.TargetText ?? "完成数值", f, item.Target, item.TargetUnit) } : [];
        var warnings = ClaimChecker.Check(
            new Claim(input.Percent, input.Done, input.Narrative, figures, files.Count > 0 ? files.Count : existing?.Evidence.Count ?? 0),
            before is null ? null : new Claim(before.Percent, before.Done, before.Narrative, before.Figures.Select(x => new Figure(x.Key, x.Value, x.Target, x.Unit)).ToList(), before.Evidence.Count));
        var warningText = warnings.Count == 0 ? null : string.Join('\n', warnings.Select(w => $"{w.Code} {w.Message}"));
        var now = clock.GetUtcNow().ToUniversalTime(); // UTC: PostgreSQL stores timestamptz only at offset 0

        if (existing is not null)
        {
            var same = existing.Percent == input.Percent && existing.Done == input.Done && existing.Narrative == input.Narrative
                && existing.Figures.Select(x => (decimal?)x.Value).SingleOrDefault() == input.Figure
                && (files.Count == 0 || existing.Evidence.Select(x => x.Sha256).Order().SequenceEqual(files.Select(x => x.Sha).Order()));
            if (same)
            {
                return new ReportResult(ReportOutcome.Unchanged, item.Key, null, warnings);
            }

            existing.Percent = input.Percent;
            existing.Done = input.Done;
            existing.Narrative = input.Narrative;
            existing.ReportedBy = db.AuditActor;
            existing.UpdatedAt = now;
            existing.Origin = input.Origin ?? "cli";
            existing.Warnings = warningText;
            existing.ItemId = item.ItemId;
            db.ProgressFigures.RemoveRange(existing.Figures);
            existing.Figures = [];
            if (files.Count > 0)
            {
                // New evidence replaces the old; a correction that names none keeps what was filed.
                db.ProgressEvidence.RemoveRange(existing.Evidence);
                existing.Evidence = [];
            }
        }
        else
        {
            existing = new ProgressReport
            {
                SourceId = item.SourceId,
                DocumentPosition = item.DocumentPosition,
                ItemKey = item.ItemKey,
                ItemId = item.ItemId,
                UnitId = unit.Id,
                Period = period,
                Percent = input.Percent,
                Done = input.Done,
                Narrative = input.Narrative,
                ReportedBy = db.AuditActor,
                SubmittedAt = now,
                UpdatedAt = now,
                Origin = input.Origin ?? "cli",
                Warnings = warningText,
            };
            db.ProgressReports.Add(existing);
        }

        foreach (var fig in figures)
        {
            existing.Figures.Add(new ProgressFigure { Key = fig.Key, Value = fig.Value, Target = fig.Target, Unit = fig.Unit });
        }

        foreach (var file in files)
        {
            existing.Evidence.Add(new ProgressEvidence { FileName = file.Name, Sha256 = file.Sha, Size = file.Bytes.LongLength });
            if (!await db.EvidenceBlobs.AnyAsync(b => b.Sha256 == file.Sha, ct) && !db.EvidenceBlobs.Local.Any(b => b.Sha256 == file.Sha))
            {
                db.EvidenceBlobs.Add(new EvidenceBlob { Sha256 = file.Sha, Content = file.Bytes });
            }
        }

        var outcome = existing.Id == 0 ? ReportOutcome.Added : ReportOutcome.Corrected;
        await db.SaveChangesAsync(ct);
        return new ReportResult(outcome, item.Key, null, warnings);
    }

    private static ReportResult Rejected(ReportInput input, string reason) => new(ReportOutcome.Rejected, input.ItemKey, reason, []);

    /// <summary>The report form of a unit for a period: its items, their targets and its last report before the period.</summary>
    public async Task<ReportForm?> FormAsync(string unitNameOrKey, ReportingPeriod period, CancellationToken ct = default)
    {
        var unit = await FindUnitAsync(unitNameOrKey, ct);
        if (unit is null)
        {
            return null;
        }

        var items = (await ItemsAsync(ct)).Where(i => i.Units.Any(u => u.Id == unit.Id)).ToList();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.UnitId == unit.Id).ToListAsync(ct);
        var rows = items.Select(i =>
        {
            var last = reports.Where(r => r.SourceId == i.SourceId && r.DocumentPosition == i.DocumentPosition && r.ItemKey == i.ItemKey
                    && ReportingPeriod.TryParse(r.Period, out var p) && p < period)
                .OrderByDescending(r => ReportingPeriod.Parse(r.Period)).FirstOrDefault();
            return new FormItem(i.Key, i.Document, i.Number, i.Text, i.TargetText, i.Target, i.TargetUnit, last?.Period, last?.Percent, last?.Done ?? false, last?.Narrative);
        }).ToList();
        return new ReportForm(unit.Name, period, rows);
    }

    /// <summary>
    /// Reads a filled form back: invalid rows are rejected with sheet, row and reason; valid rows are stored (evidence
    /// files resolved beside the form); importing the same file again changes nothing.
    /// </summary>
    public async Task<FormImportResult> ImportFormAsync(string path, ReportingPeriod? period = null, CancellationToken ct = default)
    {
        var items = await ItemsAsync(ct);
        var catalog = new DictionaryFormCatalog(items.ToDictionary(i => i.Key, i => (IReadOnlyCollection<string>)i.Units.Select(u => u.Name).ToList(), StringComparer.Ordinal));
        var read = ReportFormReader.Read(path, catalog, period);
        var rejected = read.Rejected.ToList();
        var results = new List<ReportResult>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var entry in read.Entries)
        {
            var evidence = entry.Evidence.Select(e => Path.IsPathRooted(e) ? e : Path.Combine(folder, e)).ToList();
            var actor = db.AuditActor;
            if (entry.Reporter is not null)
            {
                db.AuditActor = entry.Reporter;
            }

            var result = await AddReportAsync(new ReportInput(entry.ItemKey, entry.Period, entry.Percent, entry.Done, entry.Figure, entry.Narrative, evidence, read.Unit, $"xlsx {Path.GetFileName(path)}!{entry.Row}"), ct);
            db.AuditActor = actor;
            if (result.Outcome == ReportOutcome.Rejected)
            {
                rejected.Add(new FormRejection(entry.Sheet, entry.Row, result.Reason!));
            }
            else
            {
                results.Add(result);
            }
        }

        return new FormImportResult(read, results, rejected.OrderBy(r => r.Row).ToList());
    }

    /// <summary>Each item's state at <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<StatusRow>> StatusAsync(DateOnly asOf, StatusOptions? options = null, CancellationToken ct = default)
    {
        var items = await ItemsAsync(ct);
        var reports = await db.ProgressReports.AsNoTracking().ToListAsync(ct);
        var byItem = reports.ToLookup(r => (r.SourceId, r.DocumentPosition, r.ItemKey));
        var rows = new List<StatusRow>();
        foreach (var item in items)
        {
            var unitIds = item.Units.Select(u => u.Id).ToHashSet();
            var snapshots = Snapshots(byItem[item.Anchor].Where(r => unitIds.Contains(r.UnitId)));
            var status = StatusRules.Evaluate(item.Schedule, snapshots.Select(s => s.Snapshot), item.Cadence, asOf, options);
            DateTimeOffset? last = status.LastReport is null ? null : snapshots.First(s => s.Snapshot == status.LastReport).At;
            rows.Add(new StatusRow(item, status, last));
        }

        return rows;
    }

    /// <summary>Per period, the most recently changed report among the item's units (a lead's correction wins).</summary>
    private static List<(ReportSnapshot Snapshot, DateTimeOffset At)> Snapshots(IEnumerable<ProgressReport> reports) =>
        reports.Where(r => ReportingPeriod.TryParse(r.Period, out _))
            .GroupBy(r => r.Period, StringComparer.Ordinal)
            .Select(g =>
            {
                var r = g.OrderByDescending(x => x.UpdatedAt).First();
                var first = g.Min(x => x.SubmittedAt);
                return (new ReportSnapshot(ReportingPeriod.Parse(r.Period), r.Percent, r.Done, DateOnly.FromDateTime(first.ToOffset(TrackingClock.ChinaOffset).DateTime)), first);
            })
            .ToList();

    /// <summary>A bulletin for a period, with states as of <paramref name="asOf"/> (default: the day its reports were due).</summary>
    public async Task<Bulletin> BulletinAsync(ReportingPeriod period, DateOnly? asOf, string issuer, IReadOnlyList<string> addressees, DateOnly? date = null, CancellationToken ct = default)
    {
        var items = await ItemsAsync(ct);
        var cadence = items.FirstOrDefault(i => i.Cadence.Kind == period.Kind)?.Cadence ?? new ReportingCadence(period.Kind, null, "period");
        var due = cadence.DueDate(period);
        var at = asOf ?? due;
        var status = await StatusAsync(at, null, ct);
        var text = period.ToString();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.Period == text).ToListAsync(ct);
        var byItem = reports.ToLookup(r => (r.SourceId, r.DocumentPosition, r.ItemKey));
        var list = status.Where(s => s.Item.Cadence.Kind == period.Kind && s.Item.Schedule.Start <= period.End).Select(s =>
        {
            var submitted = byItem[s.Item.Anchor].Where(r => r.SubmittedAt.ToOffset(TrackingClock.ChinaOffset).Date <= at.ToDateTime(TimeOnly.MinValue))
                .Select(r => (DateOnly?)DateOnly.FromDateTime(r.SubmittedAt.ToOffset(TrackingClock.ChinaOffset).DateTime)).Min();
            var percent = s.Status.State == TrackingState.Done ? 100m : s.Status.LastReport?.Percent;
            return new BulletinItem(s.Item.Document, s.Item.Key, s.Item.Number, s.Item.Text, s.Item.Units.Select(u => u.Name).ToList(), s.Status.State, percent, s.Status.Deadline, submitted);
        }).ToList();
        return BulletinBuilder.Build(list, period, at, due, date ?? TrackingClock.Today(clock), issuer, addressees);
    }

    /// <summary>The audit log, newest first; <paramref name="item"/> (its key, 济管〔2023〕19号#12, or its anchor, 3#12) keeps the rows of that item's reports, figures and evidence.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? entity = null, string? actor = null, DateTimeOffset? since = null, int limit = 200, CancellationToken ct = default, string? item = null)
    {
        var q = db.AuditLog.AsNoTracking();
        if (item is not null)
        {
            // Audit rows name a report by its anchor ("3#12 2024Q2"): the key as typed (济管〔2023〕19号#12) is looked up first.
            var (found, _) = ItemLookup.Find(await ItemsAsync(ct), item);
            var anchor = found is null ? item.Trim() : TrackedItem.MakeKey(found.SourceId, found.DocumentPosition, found.ItemKey);
            var prefix = anchor + " ";
            q = q.Where(a => a.EntityKey == anchor || a.EntityKey!.StartsWith(prefix));
        }

        if (entity is not null)
        {
            q = q.Where(a => a.Entity == entity);
        }

        if (actor is not null)
        {
            q = q.Where(a => a.Actor == actor);
        }

        var list = await q.OrderByDescending(a => a.Id).Take(limit * 4).ToListAsync(ct);
        if (since is { } s)
        {
            list = list.Where(a => a.At >= s).ToList();
        }

        return list.Take(limit).ToList();
    }
}
