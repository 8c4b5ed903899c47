using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Json;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger corrections [--document D] [--format table|json]</c> (every correction with its state),
/// <c>corrections export FILE.yaml</c> and <c>corrections import FILE.yaml</c> (the exchange file).
/// </summary>
internal static class CorrectionsCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var document = new Option<string?>("--document")
        {
            Description = t.T(
                "只列编号、文号、标题或文件名包含此文字的文件的校对。",
                "Only corrections of documents whose key, number, title or file name contains this text."),
        };
        var format = LedgerOptions.TableOrJson(t);
        var command = new Command("corrections", t.T(
            "列出校对及其状态：已套用（现套用于哪个事项）或失去对应（及原因）。子命令 export 和 import 用于导出和导入校对。",
            "List the corrections with their state: applied (to which item now) or orphaned (and why). Subcommands export and import them."));
        command.Options.Add(document);
        command.Options.Add(format);
        command.SetAction((parse, ct) => ListAsync(options.Database(parse), parse.GetValue(document), parse.GetValue(format)!, Console.Out, Console.Error, ct));
        command.Subcommands.Add(CreateExport(options));
        command.Subcommands.Add(CreateImport(options));
        return command;
    }

    private static Command CreateExport(LedgerOptions options)
    {
        var t = options.Texts;
        var file = new Argument<string>("FILE") { Description = t.T("写入的文件（.yaml）。", "The file to write (.yaml).") };
        var document = new Option<string?>("--document")
        {
            Description = t.T(
                "只列编号、文号、标题或文件名包含此文字的文件的校对。",
                "Only corrections of documents whose key, number, title or file name contains this text."),
        };
        var command = new Command("export", t.T(
            "将校对和核对记录写入易读的 YAML 文件，可与文件一同保存，也可导入另一个台账。",
            "Write the corrections and checks to a readable YAML file a team can keep beside its documents and import into another ledger."));
        command.Arguments.Add(file);
        command.Options.Add(document);
        command.SetAction((parse, ct) => ExportAsync(options.Database(parse), parse.GetValue(file)!, parse.GetValue(document), Console.Out, Console.Error, ct));
        return command;
    }

    private static Command CreateImport(LedgerOptions options)
    {
        var t = options.Texts;
        var file = new Argument<string>("FILE") { Description = t.T("校对文件（.yaml），即 `corrections export` 写出的格式。", "A correction file (.yaml) as `corrections export` writes it.") };
        var by = new Option<string?>("--by") { Description = t.T("导入人（各条目仍保留原校对人）。", "Who imports (entries keep the by they were made by).") };
        var aliases = LedgerOptions.AliasesAsForImport(t);
        var command = new Command("import", t.T(
            "套用校对文件：有效条目予以套用，有误的条目列出其序号和行号；同一文件再次导入不会有任何改变。",
            "Apply a correction file: valid entries are applied, broken ones named with their number and line; importing the same file again changes nothing."));
        command.Arguments.Add(file);
        command.Options.Add(by);
        command.Options.Add(aliases);
        command.SetAction((parse, ct) => ImportAsync(options.Database(parse), parse.GetValue(file)!, parse.GetValue(by), parse.GetValue(aliases), Console.Out, Console.Error, ct));
        return command;
    }

    public static Task<int> ListAsync(LedgerDatabase database, string? document, string format, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        CorrectionAccess.RunAsync(database, null, null, "corrections", errors, async scope =>
        {
            var (rows, problem) = await scope.Get<CorrectionService>().ListAsync(scope.Actor, document, ct);
            if (problem is not null)
            {
                await errors.WriteLineAsync($"policyledger corrections: {problem.Message}（{problem.Code}）");
                return CorrectionAccess.ExitOf([problem]);
            }

            await output.WriteAsync(format == "json" ? Json(rows) : Table(rows));
            return 0;
        }, ct);

    internal static string Json(IReadOnlyList<CorrectionRow> rows) => JsonSerializer.Serialize(rows.Select(r => new
    {
        id = r.Id,
        item = r.Item,
        field = r.Field,
        value = r.Value,
        before = r.Before,
        why = r.Why,
        by = r.By,
        at = CorrectionFile.Time(r.At),
        state = r.State == CorrectionState.Applied ? "applied" : "orphaned",
        appliedTo = r.AppliedTo,
        match = r.How is { } how ? JsonNamingPolicy.SnakeCaseLower.ConvertName(how.ToString()) : null,
        code = r.Problem?.Code,
        reason = r.Problem?.Message,
    }).ToList(), ReadResultJson.Options) + Environment.NewLine;

    private static string Table(IReadOnlyList<CorrectionRow> rows)
    {
        var s = new System.Text.StringBuilder();
        s.AppendLine("编号\t事项\t修改\t值\t状态\t校对人\t时间\t理由");
        foreach (var r in rows)
        {
            var state = r.State == CorrectionState.Applied
                ? r.AppliedTo == r.Item ? "已套用" : $"已套用于 {r.AppliedTo}"
                : $"失去对应：{r.Problem?.Message}（{r.Problem?.Code}）";
            s.AppendLine(CultureInfo.InvariantCulture, $"{r.Id}\t{r.Item}\t{r.Field}\t{r.Value}\t{state}\t{r.By}\t{CorrectionFile.Time(r.At)}\t{r.Why}");
        }

        var orphaned = rows.Count(r => r.State == CorrectionState.Orphaned);
        s.AppendLine(CultureInfo.InvariantCulture, $"共 {rows.Count} 条校对：{rows.Count - orphaned} 条已套用，{orphaned} 条失去对应");
        return s.ToString();
    }

    public static Task<int> ExportAsync(LedgerDatabase database, string path, string? document, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        CorrectionAccess.RunAsync(database, null, null, "corrections export", errors, async scope =>
        {
            var exchange = scope.Get<CorrectionExchange>();
            var temporary = path + ".tmp";
            (int Corrections, int Checks, CorrectionProblem? Problem) count;
            try
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                await using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
                {
                    count = await exchange.ExportAsync(scope.Actor, writer, document, ct);
                }

                if (count.Problem is { } problem)
                {
                    File.Delete(temporary);
                    await errors.WriteLineAsync($"policyledger corrections export: {problem.Message}（{problem.Code}）");
                    return CorrectionAccess.ExitOf([problem]);
                }

                // Written beside and moved, so a failed export never leaves half a file under the asked name.
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"{path}：无法写入：{e.Message}");
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}：导出 {count.Corrections} 条校对，{count.Checks} 条核对记录"));
            return 0;
        }, ct);

    /// <returns>0 when every entry was applied or already held, 1 when any entry is broken, 2 when the file or the ledger cannot be used.</returns>
    public static Task<int> ImportAsync(LedgerDatabase database, string path, string? by, string? aliases, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            errors.WriteLine($"{path}：文件不存在");
            return Task.FromResult(2);
        }

        return CorrectionAccess.RunAsync(database, by, aliases, $"corrections import {Path.GetFileName(path)}", errors, async scope =>
        {
            var result = await scope.Get<CorrectionExchange>().ImportAsync(scope.Actor, path, ct);
            foreach (var p in result.Problems)
            {
                await errors.WriteLineAsync($"{path}：{p}");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{path}：{result.Added} 条新增，{result.Replaced} 条替换，{result.Unchanged} 条已有，{result.KeptNewer} 条保留台账中较新的，{result.Problems.Count} 条有误；核对记录 {result.ChecksAdded} 条新增，{result.ChecksUnchanged} 条已有"));
            if (result.Reapply is { } reapply)
            {
                await ReapplyReport.WriteAsync(reapply, output);
            }

            return result.Problems.Count == 0 ? 0 : result.Added + result.Replaced + result.Unchanged + result.KeptNewer == 0 && result.Problems.All(p => p.Number == 0 && p.Problem.Code.StartsWith("PL-A", StringComparison.Ordinal)) ? 3 : 1;
        }, ct);
    }
}

/// <summary>How re-applying corrections after an import is told: totals and each correction whose state changed.</summary>
internal static class ReapplyReport
{
    public static async Task WriteAsync(ReapplyResult result, TextWriter output)
    {
        if (result.Applied + result.Orphaned == 0)
        {
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"校对：{result.Applied} 条已套用，{result.Orphaned} 条失去对应（policyledger corrections 列出原因）"));
        foreach (var c in result.Changes.Where(c => c.Before is not null))
        {
            var now = c.After == "applied" ? $"已套用于 {c.ItemKey}" : $"失去对应：{c.Problem?.Message}（{c.Problem?.Code}）";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  校对 {c.CorrectionId}（{c.Anchor} {c.Field}）：{now}"));
        }
    }
}
