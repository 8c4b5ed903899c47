using System.CommandLine;
using System.Runtime.InteropServices;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Text;
using Spectre.Console;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger import PATH...</c>: reads files into the ledger (idempotent, versioned, atomic per file).</summary>
internal static class ImportCommand
{
    /// <summary>Test hook: milliseconds to wait after a batch is written and before it commits (the kill and signal tests use it; a stop ends the wait).</summary>
    public const string PauseVariable = "POLICYLEDGER_IMPORT_PAUSE_BEFORE_COMMIT_MS";

    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var paths = new Argument<string[]>("PATH")
        {
            Description = t.T(
                "要导入的文件或文件夹（文件夹连同其下各级子文件夹一并读取）。",
                "Files or folders to import (folders are read recursively)."),
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", t.T(
            "将文件导入台账。同一文件导入两次不会有任何改变；文件有改动则作为新版本；个别文件出错不影响其他文件。",
            "Import documents into the ledger. The same file twice changes nothing; a changed file becomes a new version; one bad file does not stop the others."));
        var aliases = new Option<string?>("--aliases")
        {
            Description = t.T(
                $"别名文件（YAML），或每个辖区一个文件的文件夹（某某区.yaml），用于更正或补充单位的解析。缺省取 ${LedgerOptions.AliasesVariable}，再缺省为 ./{LedgerOptions.DefaultAliases}/，再缺省为 ./{LedgerOptions.DefaultAliasFile}（存在时）。修改后再次导入即可：未改动的文件也会重新解析单位。",
                $"The alias file (YAML), or a folder of one file per jurisdiction (某某区.yaml), that corrects or adds unit resolutions. Default: ${LedgerOptions.AliasesVariable}, else ./{LedgerOptions.DefaultAliases}/, else ./{LedgerOptions.DefaultAliasFile}, when they exist. Edit it and import again: unchanged files get their units re-resolved."),
        };
        CommandLine.RejectUnknownOptions(paths, t);
        command.Arguments.Add(paths);
        command.Options.Add(aliases);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var signals = new StopSignals(Console.Error, cancellationToken);
            var code = await RunAsync(options.Database(parse), parse.GetValue(paths)!, LedgerOptions.AliasFile(parse.GetValue(aliases)), Console.Out, Console.Error, signals.Token);
            return signals.Received switch
            {
                PosixSignal.SIGTERM => CommandLine.Terminated,
                PosixSignal.SIGINT => CommandLine.Interrupted,
                _ => code,
            };
        });
        return command;
    }

    /// <returns>
    /// 0 when every file was imported, unchanged or empty; 1 when any file failed; 2 when the ledger cannot be used
    /// (nothing, or only what the summary says, was stored); 130 (Ctrl-C) or 143 (SIGTERM) when stopped.
    /// </returns>
    public static async Task<int> RunAsync(LedgerDatabase database, IReadOnlyList<string> paths, string? aliasFile, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var reader = Readers.Create();
        var units = LedgerOptions.UnitResolution(aliasFile);
        foreach (var problem in units.Aliases.Errors)
        {
            // What could be read of the alias file still applies.
            await errors.WriteLineAsync($"{problem} (alias file)");
        }

        var entries = FileBatch.Expand(paths, reader.Loader.Handles);
        foreach (var missing in entries.Where(e => e.Error is not null))
        {
            await errors.WriteLineAsync($"{SafeText.OneLine(missing.Path)}: {missing.Error}");
        }

        foreach (var skipped in entries.Where(e => e.Skipped is not null))
        {
            await errors.WriteLineAsync($"{SafeText.OneLine(skipped.Path)}: 已跳过：{skipped.Skipped}");
        }

        var files = entries.Where(e => e.Error is null && e.Skipped is null).Select(e => e.Path).ToList();
        var importer = new LedgerImporter(database, reader, units, TimeProvider.System, new ImportOptions { BeforeCommit = PauseFromEnvironment(errors, cancellationToken) });
        ImportSummary summary;
        try
        {
            summary = ShowProgress(files.Count)
                ? await WithProgressBarAsync(importer, files, cancellationToken)
                : await importer.ImportAsync(files, null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("policyledger: 已中断：尚未开始写入，账本没有变化");
            return 1;
        }
        catch (Exception e) when (LedgerAccess.IsLedgerFailure(e))
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, Output.Terminal.WantsEnglish(null)));
            return 2;
        }

        // Files left unwritten when the ledger went away share one reason: said once, below.
        foreach (var failed in summary.Files.Where(f => f.Outcome == ImportOutcome.Failed && !f.Unwritten))
        {
            await errors.WriteLineAsync($"{SafeText.OneLine(failed.Path)}: {failed.Message}");
        }

        foreach (var empty in summary.Files.Where(f => f.Outcome == ImportOutcome.Empty))
        {
            await errors.WriteLineAsync($"{SafeText.OneLine(empty.Path)}: 警告：{empty.Message}");
        }

        await output.WriteLineAsync($"{summary}（账本 {database.Display}）");

        // Corrections found again in what was imported (the importer does it): applied where their item is, orphaned where not.
        if (summary.Reapplied is { } reapplied)
        {
            await ReapplyReport.WriteAsync(reapplied, output);
        }

        switch (summary.Stopped)
        {
            case ImportStop.Cancelled:
                await errors.WriteLineAsync(
                    $"policyledger: 导入已中断：已提交 {summary.Committed} 个文件（{summary.Documents} 份公文、{summary.Items} 个事项），" +
                    $"{summary.NotStarted.Count} 个文件未开始；再次运行同一命令会跳过已导入的文件，导入其余文件");
                return 1;
            case ImportStop.LedgerUnavailable:
                await errors.WriteLineAsync(
                    $"policyledger: {summary.StopReason}。导入中止：此前已提交 {summary.Committed} 个文件（{summary.Documents} 份公文、{summary.Items} 个事项），" +
                    $"{summary.Files.Count(f => f.Unwritten)} 个文件已读取但未写入，" +
                    $"{summary.NotStarted.Count} 个文件未开始");
                return 2;
        }

        return summary.Failed == 0 && entries.All(e => e.Error is null) && !units.Aliases.HasErrors ? 0 : 1;
    }

    private static bool ShowProgress(int files) => files >= 20 && !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    private static async Task<ImportSummary> WithProgressBarAsync(LedgerImporter importer, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        // The bar's own escape sequences go to the raw stream; everything else passes the sanitizer.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(SafeWriter.RawError) });
        ImportSummary? summary = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("正在导入", maxValue: files.Count);
                summary = await importer.ImportAsync(files, new Inline<ImportProgress>(p => task.Value = p.Done), cancellationToken);
            });
        return summary!;
    }

    /// <summary>The test hook's pause before a batch commits; a stop (Ctrl-C, SIGTERM) ends it early, as it would end a slow write.</summary>
    private static Action<IReadOnlyList<string>>? PauseFromEnvironment(TextWriter errors, CancellationToken stop)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(PauseVariable), out var milliseconds) || milliseconds <= 0)
        {
            return null;
        }

        return batch =>
        {
            errors.WriteLine($"policyledger: holding a transaction of {batch.Count} files for {milliseconds} ms");
            errors.Flush();
            stop.WaitHandle.WaitOne(milliseconds);
        };
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
