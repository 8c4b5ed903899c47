using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Import;

/// <summary>
/// Imports files into the ledger. Idempotent (the same bytes at the same path change nothing), versioned (changed
/// bytes add a version; the old rows stay with IsCurrent false), atomic per file (a file's documents are written in
/// one transaction with the others of its batch; a batch that fails is retried file by file), and one bad file never
/// stops the others. Files are read in parallel and written by one thread in small batches, one SaveChanges each.
/// </summary>
public sealed class LedgerImporter
{
    private readonly LedgerDatabase _database;
    private readonly Func<string, ReadResult> _read;
    private readonly IUnitResolution _units;
    private readonly TimeProvider _time;
    private readonly ImportOptions _options;

    public LedgerImporter(LedgerDatabase database, PolicyReader reader, IUnitResolution units, TimeProvider time, ImportOptions? options = null)
        : this(database, reader.ReadFile, units, time, options)
    {
    }

    /// <param name="read">Reads one file (the reading library's <see cref="PolicyReader.ReadFile"/>; tests pass their own).</param>
    public LedgerImporter(LedgerDatabase database, Func<string, ReadResult> read, IUnitResolution units, TimeProvider time, ImportOptions? options = null)
    {
        _database = database;
        _read = read;
        _units = units;
        _time = time;
        _options = options ?? new ImportOptions();
    }

    private sealed record SourceState(long Id, int Version, string Hash, string? Fingerprint);

    private enum Plan
    {
        Store,
        Reresolve,
        Unchanged,
    }

    /// <summary>A file read and resolved, ready to be written.</summary>
    private sealed record PreparedFile(string Path, string Hash, ReadResult Reading, IReadOnlyList<PreparedDocument> Documents)
    {
        public int Items => Documents.Sum(d => d.Document.Items.Count);
    }

    private sealed record PreparedDocument(PolicyDocument Document, string Jurisdiction, IReadOnlyList<IReadOnlyList<ResolvedUnit>> UnitsByItem, ReportingCadence Cadence);

    /// <summary>
    /// Imports the files. <paramref name="cancellationToken"/> stops it cleanly: the batch in hand is committed, the
    /// files not yet taken are listed in <see cref="ImportSummary.NotStarted"/>. When the ledger becomes unusable
    /// (the server stops, the disk fills) the import stops too and says what was committed before.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var files = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();

        ConcurrentDictionary<string, SourceState> sources;
        Dictionary<string, long> unitIds;
        // Not cancelled: migrating takes seconds and is better finished than abandoned.
        await using (var context = await _database.OpenAsync(CancellationToken.None))
        {
            sources = new(await context.Sources
                .Select(s => new { s.Path, State = new SourceState(s.Id, s.CurrentVersion, s.CurrentHash, s.UnitsFingerprint) })
                .ToDictionaryAsync(s => s.Path, s => s.State, StringComparer.Ordinal, cancellationToken), StringComparer.Ordinal);
            unitIds = await context.Units.ToDictionaryAsync(u => u.Key, u => u.Id, StringComparer.Ordinal, cancellationToken);
        }

        var results = new List<FileImportResult>(files.Count);
        var batch = new List<PreparedFile>();
        var pendingLog = new List<FileImportResult>();
        var batchItems = 0;
        var stop = ImportStop.None;
        string? stopReason = null;

        // Files that need no writing are logged with the next batch; written files are logged by their batch.
        void Done(FileImportResult result, bool logged)
        {
            results.Add(result);
            if (!logged)
            {
                pendingLog.Add(result);
            }

            progress?.Report(new ImportProgress(results.Count, files.Count, result.Path));
        }

        // Writes the batch in hand; false when the ledger became unusable (then nothing more is written).
        bool TryFlush()
        {
            try
            {
                Flush(batch, pendingLog, sources, unitIds).ForEach(r => Done(r, logged: true));
                return true;
            }
            catch (Exception e) when (LedgerErrors.IsUnavailable(e))
            {
                stop = ImportStop.LedgerUnavailable;
                stopReason = LedgerErrors.Explain(e, _database);
                foreach (var file in batch)
                {
                    results.Add(new FileImportResult(file.Path, ImportOutcome.Failed, null, 0, 0, $"未写入：{stopReason}") { Unwritten = true });
                }

                return false;
            }
            finally
            {
                batch.Clear();
                pendingLog.Clear();
                batchItems = 0;
            }
        }

        // Readers fill a bounded channel while the one writer empties it, so reading goes on during each write. A
        // stop (the caller's, or the ledger failing) ends the reading; files being read then still reach the channel.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = System.Threading.Channels.Channel.CreateBounded<object>(new System.Threading.Channels.BoundedChannelOptions(256) { SingleReader = true });
        var readers = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(
                    files,
                    new ParallelOptions { MaxDegreeOfParallelism = _options.ReadParallelism, CancellationToken = stopReading.Token },
                    async (path, _) => await channel.Writer.WriteAsync(Prepare(path, sources), CancellationToken.None));
                channel.Writer.Complete();
            }
            catch (OperationCanceledException)
            {
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);

        await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (stop != ImportStop.None || cancellationToken.IsCancellationRequested)
            {
                continue; // stopping: what is still queued is not started
            }

            switch (item)
            {
                case FileImportResult finished:
                    Done(finished, logged: false);
                    break;
                case PreparedFile file:
                    batch.Add(file);
                    batchItems += file.Items;
                    break;
            }

            if ((batch.Count >= _options.BatchFiles || batchItems >= _options.BatchItems) && !TryFlush())
            {
                await stopReading.CancelAsync();
            }
        }

        await readers;
        if (stop == ImportStop.None)
        {
            TryFlush();
        }

        if (stop == ImportStop.None && cancellationToken.IsCancellationRequested)
        {
            stop = ImportStop.Cancelled;
        }

        // Corrections are found again in what was imported (applied where their item is, orphaned where not), and the
        // 台账's corrected rows follow (a new version is a new document) — for every front end that imports, once. Also
        // after a cancelled import: what was committed is in the ledger.
        ReapplyResult? reapplied = null;
        if (stop != ImportStop.LedgerUnavailable)
        {
            await using var context = NewContext();
            reapplied = await new CorrectionService(context, _time, _units).ReapplyAsync(Actor.LocalAdmin(context.AuditActor), CancellationToken.None);
        }

        // In the order the files were given, whatever order they were finished in.
        var order = files.Select((path, index) => (path, index)).ToDictionary(p => p.path, p => p.index, StringComparer.Ordinal);
        var handled = results.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        return new ImportSummary(results.OrderBy(r => order[r.Path]).ToList(), started.Elapsed)
        {
            Stopped = stop,
            Reapplied = reapplied,
            StopReason = stopReason,
            NotStarted = files.Where(f => !handled.Contains(f)).ToList(),
        };
    }

    /// <summary>Hashes and reads one file (in parallel with others). Returns a <see cref="FileImportResult"/> when there is nothing to write.</summary>
    private object Prepare(string path, ConcurrentDictionary<string, SourceState> sources)
    {
        string hash;
        try
        {
            if (!File.Exists(path))
            {
                return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, "无法读取文件：文件不存在（或已被移走）");
            }

            var length = new FileInfo(path).Length;
            if (length > SourceLoader.MaxFileBytes)
            {
                return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, DiagnosticCodes.FileTooLarge(length, SourceLoader.MaxFileBytes).Message);
            }

            // Streamed, and an empty file (or a pipe, which shows 0 bytes) is not opened at all.
            using var stream = length == 0 ? Stream.Null : File.OpenRead(path);
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, $"无法读取文件：{e.Message}");
        }

        if (sources.TryGetValue(path, out var known) && known.Hash == hash && known.Fingerprint == _units.Fingerprint)
        {
            return new FileImportResult(path, ImportOutcome.Unchanged, known.Version, 0, 0, null);
        }

        ReadResult reading;
        try
        {
            reading = _read(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, $"reading failed: {e.Message}");
        }

        var errors = reading.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, string.Join("; ", errors.Select(d => $"{d.Message} ({d.Code})")));
        }

        if (reading.Documents.Count == 0 && reading.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.Empty) is { } empty)
        {
            // As `read` says it: a warning, no document, nothing to store.
            return new FileImportResult(path, ImportOutcome.Empty, null, 0, 0, $"{empty.Message} ({empty.Code})");
        }

        if (reading.Documents.Count == 0)
        {
            var why = reading.Diagnostics.Select(d => d.Message).FirstOrDefault() ?? "no document was read";
            return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, why);
        }

        try
        {
            var documents = reading.Documents.Select(document =>
            {
                return new PreparedDocument(document, _units.JurisdictionOf(document), _units.ResolveDocument(document),
                    StoredCadence.Read(reading.Text, document.Span.Start, document.Span.Length));
            }).ToList();
            return new PreparedFile(path, hash, reading, documents);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileImportResult(path, ImportOutcome.Failed, null, 0, 0, $"resolving its units failed: {e.Message}");
        }
    }

    /// <summary>Writes a batch in one transaction; when that fails, writes its files one by one so one bad file stays alone.</summary>
    private List<FileImportResult> Flush(List<PreparedFile> batch, List<FileImportResult> log, ConcurrentDictionary<string, SourceState> sources, Dictionary<string, long> unitIds)
    {
        if (batch.Count == 0 && log.Count == 0)
        {
            return [];
        }

        try
        {
            return Write(batch, log, sources, unitIds);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException && !LedgerErrors.IsUnavailable(e))
        {
            if (batch.Count <= 1)
            {
                var failed = batch.Select(f => new FileImportResult(f.Path, ImportOutcome.Failed, null, 0, 0, $"storing it failed: {Innermost(e).Message}")).ToList();
                Write([], [.. log, .. failed], sources, unitIds);
                return failed;
            }
        }

        var results = new List<FileImportResult>();
        var first = true;
        foreach (var file in batch)
        {
            results.AddRange(Flush([file], first ? log : [], sources, unitIds));
            first = false;
        }

        return results;
    }

    /// <summary>A context audited as the import: its clock, the actor and context the options name.</summary>
    private LedgerContext NewContext()
    {
        var context = _database.CreateContext();
        context.AuditClock = _time;
        if (_options.Actor is { } actor)
        {
            context.AuditActor = actor;
        }

        if (_options.AuditContext is { } what)
        {
            context.AuditContext = what;
        }

        return context;
    }

    private List<FileImportResult> Write(List<PreparedFile> batch, List<FileImportResult> log, ConcurrentDictionary<string, SourceState> sources, Dictionary<string, long> unitIds)
    {
        using var context = NewContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;

        // Waiting for another importer's batch (PostgreSQL's advisory lock) is waiting, not failing: as long as SQLite's busy timeout.
        context.Database.SetCommandTimeout(TimeSpan.FromSeconds(LedgerDatabase.BusyTimeoutSeconds));
        if (_database.Provider == LedgerProvider.Sqlite)
        {
            context.Database.OpenConnection();
            context.Database.ExecuteSqlRaw("PRAGMA synchronous=NORMAL;");
        }

        // SQLite: BEGIN IMMEDIATE takes the write lock. PostgreSQL: importers take turns on an advisory lock held to
        // the end of the transaction, so two of them never race to insert the same unit or source.
        using var transaction = context.Database.BeginTransaction();
        if (_database.Provider == LedgerProvider.Postgres)
        {
            context.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({ImportLockKey})");
        }

        // Another process may have stored some of these files or units since this import began: decide with what
        // is committed now, under the lock.
        var fresh = Refresh(context, batch, sources, unitIds);

        // SQLite: new documents go through prepared commands (EF Core inserts row by row, ten times slower); the
        // rest (versions, re-resolution, the log) through EF Core, in the same transaction.
        using var rowWriter = _database.Provider == LedgerProvider.Sqlite && !_options.EntityFrameworkInserts
            ? new SqliteRowWriter(
                (Microsoft.Data.Sqlite.SqliteConnection)context.Database.GetDbConnection(),
                (Microsoft.Data.Sqlite.SqliteTransaction)Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction))
            : null;
        var now = _time.GetUtcNow();
        var newUnits = new Dictionary<string, LedgerUnit>(StringComparer.Ordinal);
        var createdBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? current = null;
        var newSources = new List<(string Path, LedgerSource Source)>();
        var results = new List<FileImportResult>();
        var detectChanges = false;

        LedgerResponsibility Responsibility(RoleMention role, ResolvedUnit unit, int ordinal)
        {
            var row = new LedgerResponsibility
            {
                Role = (LedgerRole)(int)role.Role,
                Mention = role.Mention,
                Ordinal = ordinal,
                SpanStart = role.Span.Start,
                SpanLength = role.Span.Length,
                Implied = role.Implied,
                GovernsText = role.Governs?.Value,
                GovernsStart = role.Governs?.Span.Start,
                GovernsLength = role.Governs?.Span.Length,
            };
            Attach(row, unit);
            return row;
        }

        void Attach(LedgerResponsibility row, ResolvedUnit unit)
        {
            if (unitIds.TryGetValue(unit.Key, out var id))
            {
                row.UnitId = id;
                row.Unit = null;
            }
            else
            {
                if (!newUnits.TryGetValue(unit.Key, out var entity))
                {
                    entity = new LedgerUnit { Key = unit.Key, Name = unit.Name, Jurisdiction = unit.Jurisdiction, Kind = unit.Kind };
                    newUnits.Add(unit.Key, entity);
                    if (current is not null)
                    {
                        (createdBy.TryGetValue(current, out var keys) ? keys : createdBy[current] = []).Add(unit.Key);
                    }
                }

                row.Unit = entity;
            }
        }

        var plans = new Dictionary<string, (Plan Plan, SourceState? Known)>(StringComparer.Ordinal);
        foreach (var file in batch)
        {
            fresh.TryGetValue(file.Path, out var known);
            var plan = known is null || known.Hash != file.Hash ? Plan.Store : known.Fingerprint == _units.Fingerprint ? Plan.Unchanged : Plan.Reresolve;
            plans[file.Path] = (plan, known);
            current = file.Path;
            if (plan == Plan.Unchanged)
            {
                // Stored by another import since this one began.
                results.Add(new FileImportResult(file.Path, ImportOutcome.Unchanged, known!.Version, 0, 0, null));
                continue;
            }

            if (plan == Plan.Reresolve && known is not null)
            {
                var rows = context.Responsibilities.AsTracking()
                    .Where(r => r.Item!.Document!.SourceId == known.Id && r.Item.Document.IsCurrent)
                    .Select(r => new { Row = r, r.Item!.Document!.Position, ItemOrdinal = r.Item.Ordinal })
                    .ToList();
                foreach (var row in rows)
                {
                    var units = file.Documents.ElementAtOrDefault(row.Position)?.UnitsByItem.ElementAtOrDefault(row.ItemOrdinal);
                    if (units is not null && row.Row.Ordinal < units.Count)
                    {
                        if (units[row.Row.Ordinal].IsUnit)
                        {
                            Attach(row.Row, units[row.Row.Ordinal]);
                        }
                        else
                        {
                            context.Responsibilities.Remove(row.Row); // the mention is no unit under the new rules or aliases
                        }
                    }
                }

                context.Sources.Where(s => s.Id == known.Id).ExecuteUpdate(s => s.SetProperty(x => x.UnitsFingerprint, _units.Fingerprint));
                detectChanges = true;
                results.Add(new FileImportResult(file.Path, ImportOutcome.UnitsUpdated, known.Version, file.Documents.Count, file.Items, null));
                continue;
            }

            LedgerSource? source = null;
            int version;
            var fallbackKeys = new Dictionary<int, string>();
            if (known is null)
            {
                version = 1;
                source = new LedgerSource { Path = file.Path, FileName = Path.GetFileName(file.Path), CurrentVersion = 1, CurrentHash = file.Hash, UnitsFingerprint = _units.Fingerprint };
                newSources.Add((file.Path, source));
            }
            else
            {
                version = known.Version + 1;
                // A document the version before named by its file and place (no 文号, no title then) keeps that key when
                // this version reads a title for it: corrections anchored to the key stay with it.
                foreach (var before in context.Documents.AsNoTracking().Where(d => d.SourceId == known.Id && d.IsCurrent)
                    .Select(d => new { d.Position, d.Key, d.DocNumber, d.Title }).ToList())
                {
                    if (string.IsNullOrWhiteSpace(before.DocNumber) && string.IsNullOrWhiteSpace(before.Title))
                    {
                        fallbackKeys[before.Position] = before.Key;
                    }
                }

                context.Documents.Where(d => d.SourceId == known.Id && d.IsCurrent).ExecuteUpdate(s => s.SetProperty(d => d.IsCurrent, false));
                context.Sources.Where(s => s.Id == known.Id).ExecuteUpdate(s => s
                    .SetProperty(x => x.CurrentVersion, version)
                    .SetProperty(x => x.CurrentHash, file.Hash)
                    .SetProperty(x => x.UnitsFingerprint, _units.Fingerprint));
            }

            var position = 0;
            foreach (var prepared in file.Documents)
            {
                var document = prepared.Document;
                var row = new LedgerDocument
                {
                    SourceId = known?.Id ?? 0,
                    Source = source,
                    Version = version,
                    IsCurrent = true,
                    ContentHash = file.Hash,
                    Position = position,
                    Key = document.DocNumber is null && fallbackKeys.TryGetValue(position, out var kept) ? kept : DocumentKey.Of(document, Path.GetFileName(file.Path), position),
                    ImportedAt = now,
                    Encoding = file.Reading.Encoding,
                    DocNumber = document.DocNumber?.Value,
                    Issuer = document.Issuer?.Value,
                    Title = document.Title?.Value,
                    Date = document.Date?.Value,
                    Kind = document.Kind,
                    Jurisdiction = prepared.Jurisdiction,
                    Addressees = Lines(document.Addressees),
                    Basis = Lines(document.Basis),
                    SpanStart = document.Span.Start,
                    SpanLength = document.Span.Length,
                    ItemCount = document.Items.Count,
                    CadenceKind = prepared.Cadence.Kind.ToString(),
                    CadenceDueDay = prepared.Cadence.DueDayOfNextMonth,
                    CadenceSource = prepared.Cadence.Source,
                    Headings = document.Headings.Select((h, i) => new LedgerHeading { Ordinal = i, Level = h.Level, Label = h.Label, SpanStart = h.Span.Start, SpanLength = h.Span.Length }).ToList(),
                };
                for (var i = 0; i < document.Items.Count; i++)
                {
                    var item = document.Items[i];
                    var units = prepared.UnitsByItem[i];
                    row.Items.Add(new LedgerItem
                    {
                        Ordinal = i,
                        Key = item.Id,
                        Number = item.Number,
                        Marker = item.Marker,
                        Headings = string.Join('\n', item.Headings),
                        Text = item.Text,
                        SpanStart = item.Span.Start,
                        SpanLength = item.Span.Length,
                        ClauseStart = item.ClauseSpan?.Start,
                        ClauseLength = item.ClauseSpan?.Length,
                        // A mention that is no organisation's name makes no role and no unit (the reader's diagnostics say why).
                        Responsibilities = item.Roles.Select((r, k) => (Role: r, Unit: units[k], Ordinal: k)).Where(x => x.Unit.IsUnit)
                            .Select(x => Responsibility(x.Role, x.Unit, x.Ordinal)).ToList(),
                        Quantities = item.Quantities.Select((q, k) => new LedgerQuantity
                        {
                            Ordinal = k,
                            Text = q.Text,
                            Kind = q.Kind.ToString(),
                            Value = q.Value,
                            Unit = q.Unit,
                            Per = q.Per,
                            Bound = q.Bound.ToString(),
                            High = q.High,
                            SpanStart = q.Span.Start,
                            SpanLength = q.Span.Length,
                        }).ToList(),
                        Times = item.Times.Select((t, k) => new LedgerTime
                        {
                            Ordinal = k,
                            Text = t.Text,
                            Start = t.Start,
                            End = t.End,
                            Recurrence = t.Recurrence,
                            YearFromContext = t.YearFromContext,
                            SpanStart = t.Span.Start,
                            SpanLength = t.Span.Length,
                        }).ToList(),
                        Diagnostics = item.Diagnostics.Select((g, k) => new LedgerItemDiagnostic
                        {
                            Ordinal = k,
                            Code = g.Code,
                            Severity = g.Severity.ToString().ToLowerInvariant(),
                            Message = g.Message,
                            SpanStart = g.Span?.Start,
                            SpanLength = g.Span?.Length,
                        }).ToList(),
                    });
                }

                if (source is null)
                {
                    if (rowWriter is not null)
                    {
                        rowWriter.Add(row);
                    }
                    else
                    {
                        context.Documents.Add(row);
                    }
                }
                else
                {
                    source.Documents.Add(row);
                }

                position++;
            }

            if (source is not null)
            {
                // Added once its graph is complete: with change detection off, Add is what walks the graph.
                if (rowWriter is not null)
                {
                    rowWriter.Add(source);
                }
                else
                {
                    context.Sources.Add(source);
                }
            }

            var text = new LedgerSourceText { SourceId = source?.Id ?? known!.Id, Source = source?.Id > 0 ? null : source, Version = version, Text = file.Reading.Text };
            if (rowWriter is not null)
            {
                rowWriter.Add(text);
            }
            else
            {
                context.SourceTexts.Add(text);
            }

            results.Add(new FileImportResult(file.Path, known is null ? ImportOutcome.Imported : ImportOutcome.NewVersion, version, file.Documents.Count, file.Items, null));
        }

        context.ImportLog.AddRange(log.Concat(results).Select(r => new ImportLogEntry
        {
            At = now,
            Path = r.Path,
            ContentHash = batch.FirstOrDefault(f => f.Path == r.Path)?.Hash,
            Outcome = r.Outcome,
            Version = r.Version,
            Documents = r.Documents,
            Items = r.Items,
            Message = r.Message,
            NewUnits = createdBy.TryGetValue(r.Path, out var created) && r.Outcome != ImportOutcome.Unchanged ? created : [],
        }));
        if (detectChanges)
        {
            context.ChangeTracker.DetectChanges();
        }

        context.SaveChanges();
        _options.BeforeCommit?.Invoke(batch.Select(f => f.Path).ToList());
        transaction.Commit();

        // Let a `progress add` or another import that waits for the write lock go before the next batch.
        _database.WriteTurns?.YieldToWaiters(TimeSpan.FromSeconds(2));

        // Only what is committed goes into the caches.
        foreach (var (key, unit) in newUnits)
        {
            unitIds[key] = unit.Id;
        }

        foreach (var file in batch)
        {
            var (plan, known) = plans[file.Path];
            sources[file.Path] = plan switch
            {
                Plan.Store => new SourceState(newSources.FirstOrDefault(s => s.Path == file.Path).Source?.Id ?? known!.Id, (known?.Version ?? 0) + 1, file.Hash, _units.Fingerprint),
                Plan.Reresolve => known! with { Fingerprint = _units.Fingerprint },
                _ => known!,
            };
        }

        return results;
    }

    /// <summary>The key of the PostgreSQL advisory lock importers write under ("PLIMPORT").</summary>
    internal const long ImportLockKey = 0x504C_494D_504F_5254;

    /// <summary>
    /// Reads, inside the writing transaction, the committed state of the batch's sources and of the units it would
    /// create; both caches learn it. Returns the sources' state by path (absent: not in the ledger).
    /// </summary>
    private static Dictionary<string, SourceState> Refresh(LedgerContext context, List<PreparedFile> batch, ConcurrentDictionary<string, SourceState> sources, Dictionary<string, long> unitIds)
    {
        var paths = batch.Select(f => f.Path).ToList();
        var fresh = paths.Count == 0
            ? []
            : context.Sources.Where(s => paths.Contains(s.Path))
                .Select(s => new { s.Path, State = new SourceState(s.Id, s.CurrentVersion, s.CurrentHash, s.UnitsFingerprint) })
                .ToDictionary(s => s.Path, s => s.State, StringComparer.Ordinal);
        foreach (var (path, state) in fresh)
        {
            sources[path] = state;
        }

        var missing = batch.SelectMany(f => f.Documents).SelectMany(d => d.UnitsByItem).SelectMany(u => u)
            .Select(u => u.Key).Where(k => !unitIds.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var unit in context.Units.Where(u => missing.Contains(u.Key)).Select(u => new { u.Key, u.Id }).ToList())
            {
                unitIds[unit.Key] = unit.Id;
            }
        }

        return fresh;
    }

    private static string? Lines(IReadOnlyList<Located<string>> values) => values.Count == 0 ? null : string.Join('\n', values.Select(v => v.Value));

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
