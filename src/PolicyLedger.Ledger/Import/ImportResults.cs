using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Import;

/// <summary>Settings of an import. Immutable.</summary>
public sealed record ImportOptions
{
    /// <summary>At most this many files are written in one transaction.</summary>
    public int BatchFiles { get; init; } = 64;

    /// <summary>A batch is written as soon as it holds this many items.</summary>
    public int BatchItems { get; init; } = 4000;

    /// <summary>How many files are read at once: one core is left to the writer, which is the critical path (measured: 2 readers beside the writer on 2 cores halve the throughput).</summary>
    public int ReadParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Insert through EF Core on SQLite too, instead of prepared commands (for comparing the two).</summary>
    public bool EntityFrameworkInserts { get; init; }

    /// <summary>Called with the paths of a batch after its rows were sent and before its transaction commits (tests kill the process here).</summary>
    public Action<IReadOnlyList<string>>? BeforeCommit { get; init; }

    /// <summary>Who the import is audited as (the web host names the signed-in user); null: POLICYLEDGER_USER or the OS user.</summary>
    public string? Actor { get; init; }

    /// <summary>What the audit rows say the import was part of ("web upload"); null: "import".</summary>
    public string? AuditContext { get; init; }
}

/// <summary>What happened to one file.</summary>
public sealed record FileImportResult(string Path, ImportOutcome Outcome, int? Version, int Documents, int Items, string? Message)
{
    /// <summary>The file was read but not written because the ledger became unusable (<see cref="ImportStop.LedgerUnavailable"/>).</summary>
    public bool Unwritten { get; init; }
}

/// <summary>Progress of an import, reported after each file.</summary>
public readonly record struct ImportProgress(int Done, int Total, string Path);

/// <summary>Why an import ended before every file was handled.</summary>
public enum ImportStop
{
    /// <summary>Every file was handled.</summary>
    None,

    /// <summary>The caller asked it to stop (Ctrl-C, SIGTERM): the files already read were committed, the rest not started.</summary>
    Cancelled,

    /// <summary>The ledger became unusable (the server stopped, the disk is full, the file is read-only): what was committed stays.</summary>
    LedgerUnavailable,
}

/// <summary>What an import did, file by file.</summary>
public sealed record ImportSummary(IReadOnlyList<FileImportResult> Files, TimeSpan Elapsed)
{
    /// <summary>Why the import ended early, if it did.</summary>
    public ImportStop Stopped { get; init; }

    /// <summary>What made the ledger unusable, in Chinese (with <see cref="ImportStop.LedgerUnavailable"/>).</summary>
    public string? StopReason { get; init; }

    /// <summary>The corrections found again after the import (null when the ledger went away first).</summary>
    public Corrections.ReapplyResult? Reapplied { get; init; }

    /// <summary>Files given that were never handled because the import stopped early.</summary>
    public IReadOnlyList<string> NotStarted { get; init; } = [];

    public int Count(ImportOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    /// <summary>Files whose rows are committed in the ledger by this import (new, new versions, units re-resolved).</summary>
    public int Committed => Files.Count(f => f.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion or ImportOutcome.UnitsUpdated);

    public int Failed => Count(ImportOutcome.Failed);

    public int Documents => Files.Where(f => f.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion).Sum(f => f.Documents);

    public int Items => Files.Where(f => f.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion).Sum(f => f.Items);

    /// <summary>The summary line an import ends with, in Chinese: "3 个文件：新导入 2 个，新版本 0 个，未变 1 个，…".</summary>
    public override string ToString() =>
        $"{Files.Count} 个文件：新导入 {Count(ImportOutcome.Imported)} 个，新版本 {Count(ImportOutcome.NewVersion)} 个，" +
        $"未变 {Count(ImportOutcome.Unchanged)} 个，重新解析单位 {Count(ImportOutcome.UnitsUpdated)} 个，失败 {Failed} 个" +
        (Count(ImportOutcome.Empty) > 0 ? $"，空文件 {Count(ImportOutcome.Empty)} 个" : string.Empty) +
        $"；存入 {Documents} 份公文、{Items} 个事项，用时 {Elapsed.TotalSeconds:0.0} 秒";
}
