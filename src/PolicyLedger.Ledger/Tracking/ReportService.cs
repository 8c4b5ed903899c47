using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Claims;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>What a person reports on one item for one period.</summary>
/// <param name="Figure">The figure achieved against the item's main target (in the target's unit, 万 multiplied out).</param>
/// <param name="Evidence">Evidence files to store (name and bytes: the host reads what the user attached).</param>
/// <param name="Unit">The reporting unit (name or key); null: the item's first unit the actor reports for.</param>
/// <param name="SubmittedOn">The day the report was submitted (--on); null: today in the offices' time zone.</param>
/// <param name="Reporter">Who filled it in (a form's 填报人), where not the acting user.</param>
public sealed record ReportInput(
    string ItemKey,
    ReportingPeriod Period,
    decimal? Percent,
    bool Done,
    decimal? Figure,
    string? Narrative,
    IReadOnlyList<EvidenceFile> Evidence,
    string? Unit,
    string? Origin = null,
    DateOnly? SubmittedOn = null,
    string? Reporter = null);

public enum ReportOutcome
{
    Added,
    Corrected,
    Unchanged,
    Rejected,
}

/// <summary>What one report did; a rejected one carries its problem.</summary>
public sealed record ReportResult(ReportOutcome Outcome, string ItemKey, Problem? Problem, IReadOnlyList<ClaimWarning> Warnings)
{
    public string? Reason => Problem?.Message;
}

/// <summary>What importing a filled form did.</summary>
public sealed record FormImportResult(FormReadResult Read, IReadOnlyList<ReportResult> Results, IReadOnlyList<FormRejection> Rejected)
{
    public int Added => Results.Count(r => r.Outcome == ReportOutcome.Added);

    public int Corrected => Results.Count(r => r.Outcome == ReportOutcome.Corrected);

    public int Unchanged => Results.Count(r => r.Outcome == ReportOutcome.Unchanged);
}

/// <summary>
/// Progress reports: one at a time (`progress add`) or the rows of a filled form (`progress import`). A report is
/// dated by the day it was submitted; a correction updates the unit's report for that item and period (the audit log
/// keeps the before); the same values again change nothing. Evidence from a form comes only from its own folder.
/// </summary>
public sealed class ReportService(LedgerContext db, TrackingItems items, TrackingClockSource clock)
{
    /// <summary>Adds one report, or corrects the unit's report for that item and period; the same values again change nothing.</summary>
    public async Task<ReportResult> AddAsync(Actor actor, ReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (Permissions.Check(actor, TrackingAction.Report) is { } denied)
        {
            return Rejected(input, denied);
        }

        var (item, problem) = await items.FindAsync(input.ItemKey, ct);
        if (item is null)
        {
            return Rejected(input, Problems.ItemNotFound(problem!));
        }

        if (!actor.Sees(item.Jurisdiction))
        {
            return Rejected(input, Problems.OutsideJurisdiction(actor, item.Jurisdiction));
        }

        TrackedUnit unit;
        if (input.Unit is null)
        {
            if (item.Units.FirstOrDefault(u => actor.ReportsFor(u.Key)) is not { } mine)
            {
                return Rejected(input, item.Units.Count == 0
                    ? Problems.Rejected("PL-R02", $"事项 {item.Key} 没有责任单位，无从报送", $"item {item.Key} has no responsible unit")
                    : Problems.NotYourUnit(actor, string.Join("、", item.Units.Select(u => u.Name))));
            }

            unit = mine;
        }
        else
        {
            var found = ScopeService.FindUnit([item], input.Unit);
            if (!found.Ok)
            {
                return Rejected(input, found.Problem.Kind == ProblemKind.NotFound
                    ? Problems.Rejected("PL-R03", $"事项 {item.Key} 不是{input.Unit}的：其责任单位是 {string.Join("、", item.Units.Select(u => u.Name))}", $"item {item.Key} is not {input.Unit}'s: it belongs to {string.Join(", ", item.Units.Select(u => u.Name))}")
                    : found.Problem);
            }

            unit = found.Value;
            if (!actor.ReportsFor(unit.Key))
            {
                return Rejected(input, Problems.NotYourUnit(actor, unit.Name));
            }
        }

        if (input.Percent is < 0 or > 100)
        {
            return Rejected(input, Problems.Rejected("PL-R04", $"完成进度 {input.Percent} 超出0–100", $"percent {input.Percent} is outside 0–100"));
        }

        if (input.Period.Kind != item.Cadence.Kind)
        {
            var kind = PeriodName(item.Cadence.Kind);
            return Rejected(input, Problems.Rejected("PL-R05", $"期间 {input.Period} 不对：{item.Document} 按{kind}报送", $"wrong period {input.Period}: {item.Document} reports {item.Cadence.Kind.ToString().ToLowerInvariant()}ly"));
        }

        var today = clock.Today();
        if (input.SubmittedOn is { } on && on > today)
        {
            return Rejected(input, Problems.Rejected("PL-R06", $"报送日期 {on:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}）", $"the submission date {on:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})"));
        }

        if (input.SubmittedOn is { } early && early < input.Period.Start)
        {
            return Rejected(input, Problems.Rejected("PL-R07", $"报送日期 {early:yyyy-MM-dd} 早于期间 {input.Period} 的开始", $"the submission date {early:yyyy-MM-dd} is before {input.Period} begins"));
        }

        var files = input.Evidence.Select(f => (f.Name, Sha: Convert.ToHexStringLower(SHA256.HashData(f.Content)), Bytes: f.Content)).ToList();
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
        var now = clock.UtcNow(); // UTC: PostgreSQL stores timestamptz only at offset 0
        var reporter = input.Reporter ?? actor.Name;
        db.AuditActor = actor.Name;

        if (existing is not null)
        {
            var same = existing.Percent == input.Percent && existing.Done == input.Done && existing.Narrative == input.Narrative
                && existing.Figures.Select(x => (decimal?)x.Value).SingleOrDefault() == input.Figure
                && (input.SubmittedOn is null || input.SubmittedOn == existing.SubmittedOn)
                && (files.Count == 0 || existing.Evidence.Select(x => x.Sha256).Order().SequenceEqual(files.Select(x => x.Sha).Order()));
            if (same)
            {
                return new ReportResult(ReportOutcome.Unchanged, item.Key, null, warnings);
            }

            existing.Percent = input.Percent;
            existing.Done = input.Done;
            existing.Narrative = input.Narrative;
            existing.ReportedBy = reporter;
            existing.UpdatedAt = now;
            existing.Origin = input.Origin ?? "cli";
            existing.Warnings = warningText;
            existing.ItemId = item.ItemId;
            if (input.SubmittedOn is { } resubmitted)
            {
                existing.SubmittedOn = resubmitted;
            }

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
                ReportedBy = reporter,
                SubmittedAt = now,
                SubmittedOn = input.SubmittedOn ?? today,
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

    /// <summary>
    /// Reads a filled form back: every problem of a row is listed with sheet and row; valid rows are stored, dated
    /// <paramref name="submittedOn"/> (default today); evidence files only from <paramref name="evidenceRoot"/>
    /// (default: the form's folder); importing the same file again changes nothing.
    /// </summary>
    public async Task<Result<FormImportResult>> ImportFormAsync(Actor actor, string path, ReportingPeriod? period = null, string? evidenceRoot = null, DateOnly? submittedOn = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.Report) is { } denied)
        {
            return denied;
        }

        var all = (await items.AllAsync(ct)).Where(i => Permissions.Sees(actor, i)).ToList();
        var folder = new EvidenceFolder(evidenceRoot ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        var catalog = new DictionaryFormCatalog(
            all.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.First().Units.SelectMany(u => new[] { u.Name, u.Key }).ToList(), StringComparer.Ordinal),
            all.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Target, g.First().TargetUnit), StringComparer.Ordinal),
            folder.Problem);
        var read = ReportFormReader.Read(path, catalog, period);
        var rejected = read.Rejected.ToList();
        var results = new List<ReportResult>();
        foreach (var entry in read.Entries)
        {
            var evidence = new List<EvidenceFile>();
            var missing = new List<string>();
            foreach (var name in entry.Evidence)
            {
                var (file, why) = folder.Read(name);
                if (file is null)
                {
                    missing.Add(why!);
                }
                else
                {
                    evidence.Add(file);
                }
            }

            if (missing.Count > 0)
            {
                rejected.Add(new FormRejection(entry.Sheet, entry.Row, missing));
                continue;
            }

            var result = await AddAsync(actor, new ReportInput(entry.ItemKey, entry.Period, entry.Percent, entry.Done, entry.Figure, entry.Narrative, evidence, read.UnitKey ?? read.Unit, $"xlsx {Path.GetFileName(path)}!{entry.Row}", submittedOn, entry.Reporter), ct);
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

    private static string PeriodName(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "月",
        PeriodKind.Quarter => "季度",
        PeriodKind.Half => "半年",
        _ => "年",
    };

    private static ReportResult Rejected(ReportInput input, Problem problem) => new(ReportOutcome.Rejected, input.ItemKey, problem, []);
}
