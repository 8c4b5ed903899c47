using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Json;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger review [--document D] [--mark-checked ITEM]... [--all] [--limit N] [--format table|json]</c>: the
/// items to check, doubtful first, with the clause as written and what was read; the progress per document.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var document = new Option<string?>("--document")
        {
            Description = t.T(
                "只列编号、文号、标题或文件名包含此文字的文件。",
                "Only documents whose key, number, title or file name contains this text."),
        };
        var mark = new Option<string[]>("--mark-checked")
        {
            Description = t.T(
                "记录已核对此事项（写事项编号）且读取无误（可重复）。",
                "Record that you checked this item (its key) and found it read right (repeatable)."),
            AllowMultipleArgumentsPerToken = true,
        };
        var all = new Option<bool>("--all") { Description = t.T("列出全部事项，包括已核对或已校正的。", "List every item, also those checked or corrected.") };
        var limit = new Option<int>("--limit") { Description = t.T("最多列出的事项数（0 为全部）。", "At most this many items (0: all)."), DefaultValueFactory = _ => 50 };
        var format = LedgerOptions.TableOrJson(t);
        var by = new Option<string?>("--by") { Description = t.T("核对人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。", "Who checks (default: $POLICYLEDGER_USER, else the OS user).") };
        var command = new Command("review", t.T(
            "列出待核对的事项，存疑的在前（依据读取时的诊断），附原文条款和读取结果，以及各文件的校对进度（已核对／已校正／待核对）。",
            "List the items to check, doubtful ones first (the reader's diagnostics), with the clause as written and what was read, and the review's progress per document (checked / corrected / left)."));
        foreach (var o in new Option[] { document, mark, all, limit, format, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(document), parse.GetValue(mark) ?? [], parse.GetValue(all), parse.GetValue(limit),
            parse.GetValue(format)!, parse.GetValue(by), Console.Out, Console.Error, ct));
        return command;
    }

    /// <returns>0, or 1 when an item to mark was not found, 2 when the ledger cannot be used.</returns>
    public static Task<int> RunAsync(LedgerDatabase database, string? document, IReadOnlyList<string> mark, bool all, int limit, string format, string? by, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        CorrectionAccess.RunAsync(database, by, null, "review", errors, async scope =>
        {
            var service = scope.Get<ReviewService>();
            var problems = new List<CorrectionProblem>();
            foreach (var key in mark)
            {
                var result = await service.MarkCheckedAsync(scope.Actor, key, ct);
                if (result.Problem is { } p)
                {
                    await errors.WriteLineAsync($"policyledger review: {key}：{p.Message}（{p.Code}）");
                    problems.Add(p);
                }
                else
                {
                    await output.WriteLineAsync(result.Outcome == ChangeOutcome.Unchanged ? $"{result.ItemKey}：已核对过" : $"{result.ItemKey}：已记为核对无误");
                }
            }

            if (mark.Count > 0 && format != "json" && document is null && !all)
            {
                return problems.Count == 0 ? 0 : CorrectionAccess.ExitOf(problems);
            }

            var queue = await service.QueueAsync(scope.Actor, document, all, limit, ct);
            if (queue.Problem is { } denied)
            {
                await errors.WriteLineAsync($"policyledger review: {denied.Message}（{denied.Code}）");
                return CorrectionAccess.ExitOf([denied]);
            }

            await output.WriteAsync(format == "json" ? Json(queue) : Table(queue, all));
            return problems.Count == 0 ? 0 : CorrectionAccess.ExitOf(problems);
        }, ct);

    private static string Table(ReviewQueue queue, bool all)
    {
        var s = new System.Text.StringBuilder();
        s.AppendLine("校对进度");
        s.AppendLine("文件\t事项\t已核对\t已校正\t待核对");
        foreach (var p in queue.Progress)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{p.Document}\t{p.Items}\t{p.Checked}\t{p.Corrected}\t{p.Left}");
        }

        if (queue.Orphaned > 0)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"失去对应的校对：{queue.Orphaned} 条（policyledger corrections 列出原因，需重新校对或撤销）");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{(all ? "全部事项" : "待核对事项")}（存疑的在前）：{queue.Total} 项{(queue.Rows.Count < queue.Total ? $"，显示前 {queue.Rows.Count} 项" : string.Empty)}");
        foreach (var r in queue.Rows)
        {
            var state = r.State switch
            {
                ReviewState.Checked => $" 〔已核对：{r.CheckedBy}〕",
                ReviewState.Corrected => r.Removed ? " 〔已校正：非事项〕" : " 〔已校正〕",
                _ => string.Empty,
            };
            s.AppendLine(CultureInfo.InvariantCulture, $"{r.Key}{state}{string.Concat(r.Doubts.Select(d => $" [{d.Code} {d.Message}]"))}");
            s.AppendLine(CultureInfo.InvariantCulture, $"  原文：{OneLine(r.Clause ?? r.Shown.Text)}");
            s.AppendLine(CultureInfo.InvariantCulture, $"  读作：牵头 {Names(r.Shown.Lead)}；责任 {Names(r.Shown.Responsible)}；配合 {Names(r.Shown.Cooperating)}；时限 {r.Shown.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "无"}；目标 {r.Shown.Target ?? "无"}");
            foreach (var c in r.Changes)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  校正：{c.Field} {c.Before ?? "（无）"} → {c.After ?? "（无）"}（{c.By}{(c.Why is null ? string.Empty : "，" + c.Why)}）");
            }
        }

        s.AppendLine("核对无误：policyledger review --mark-checked 事项编号；改正：policyledger correct 事项编号 --lead …");
        return s.ToString();
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "无" : string.Join("、", names);

    /// <summary>The text as written on one line: line breaks and the spaces beside them go between Chinese characters, stay one space elsewhere.</summary>
    private static string OneLine(string text)
    {
        var line = new System.Text.StringBuilder();
        foreach (var part in text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.Length > 0 && !PolicyLedger.Reading.Text.Cjk.IsCjkLike(line[^1]) && !PolicyLedger.Reading.Text.Cjk.IsCjkLike(part[0]))
            {
                line.Append(' ');
            }

            line.Append(part);
        }

        return line.Length > 160 ? line.ToString(0, 159) + "…" : line.ToString();
    }

    internal static string Json(ReviewQueue queue) => JsonSerializer.Serialize(new
    {
        progress = queue.Progress.Select(p => new { document = p.Document, documentKey = p.DocumentKey, items = p.Items, @checked = p.Checked, corrected = p.Corrected, left = p.Left }),
        total = queue.Total,
        orphaned = queue.Orphaned,
        items = queue.Rows.Select(r => new
        {
            key = r.Key,
            document = r.Document,
            state = JsonNamingPolicy.SnakeCaseLower.ConvertName(r.State.ToString()),
            doubts = r.Doubts.Select(d => new { code = d.Code, message = d.Message }),
            clause = r.Clause,
            text = r.Shown.Text,
            lead = r.Shown.Lead,
            responsible = r.Shown.Responsible,
            cooperating = r.Shown.Cooperating,
            deadline = r.Shown.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            target = r.Shown.Target,
            removed = r.Removed,
            checkedBy = r.CheckedBy,
            corrections = r.Changes.Select(c => new { field = c.Field, before = c.Before, after = c.After, by = c.By, at = CorrectionFile.Time(c.At), why = c.Why }),
        }),
    }, ReadResultJson.Options) + Environment.NewLine;
}
