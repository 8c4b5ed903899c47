using System.CommandLine;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Drafting;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger rules check [--rules DIR] [--documents PATH...]</c> and <c>policyledger rules draft DOCUMENT</c>.</summary>
internal static class RulesCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("rules", t.T(
            "惠企政策规则文件：检查（rules check）与起草（rules draft）。",
            "Rule files of business-support policies: check them (rules check) and draft them (rules draft)."));
        command.Subcommands.Add(Check(options));
        command.Subcommands.Add(Draft(options));
        return command;
    }

    private static Command Check(LedgerOptions options)
    {
        var t = options.Texts;
        var rules = BenefitAccess.RulesOption(t);
        var documents = new Option<string[]>("--documents")
        {
            Description = t.T(
                "用以核对引文的文件（台账中已有的文件不必给）。",
                "Documents to check the citations against (documents already in the ledger need not be given)."),
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("check", t.T(
            "检查每个规则文件（错误给出文件与行号）、运行各规则的测试用例，并将引文与台账中（或所给文件的）现行文本核对：不在现行版本中的引文报为过时。",
            "Check every rule file (errors with file and line), run each rule's test cases, and check the citations against the current text in the ledger (or of the documents given): a citation not in the current version is reported as outdated."));
        command.Options.Add(rules);
        command.Options.Add(documents);
        command.SetAction((parse, ct) => CheckAsync(options.Database(parse), parse.GetValue(options.Db) is not null,
            BenefitAccess.RulesFolder(parse.GetValue(rules)), parse.GetValue(documents) ?? [], Console.Out, Console.Error, ct));
        return command;
    }

    /// <returns>0 when every rule file is sound, every test case passes and no quote is stale; else 1.</returns>
    public static async Task<int> CheckAsync(LedgerDatabase database, bool ledgerGiven, string folder, IReadOnlyList<string> documents, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var ruleSet = RuleSetLoader.Load(folder);
        var texts = await BenefitAccess.TextsAsync(database, ledgerGiven, documents, errors, ct);
        var check = new BenefitsService(ruleSet, texts).Check();
        foreach (var d in check.Diagnostics.OrderByDescending(d => d.IsError).ThenBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            await output.WriteLineAsync(d.ToString());
        }

        foreach (var failed in check.Tests.Where(t => !t.Passed))
        {
            await output.WriteLineAsync($"{failed.Rule.File}:{failed.Test.Line}: 测试未通过 {BenefitCodes.RuleTestFailed} {failed.Name}：{failed.Message}");
        }

        var passed = check.Tests.Count(t => t.Passed);
        var errorCount = check.Diagnostics.Count(d => d.IsError);
        await output.WriteLineAsync(
            $"规则目录 {folder}：{ruleSet.Documents.Count} 个文件的 {ruleSet.Rules.Count()} 条规则，{errorCount} 个错误，{check.Diagnostics.Count(d => !d.IsError)} 个警告；" +
            $"测试用例 {passed}/{check.Tests.Count} 通过；引文 {check.Quotes.Checked} 条与现行文本一致，{check.Quotes.Stale} 条过时，{check.Quotes.Unchecked} 条未核对（文件不在台账中，也未用 --documents 给出）");
        return check.Passed ? 0 : 1;
    }

    private static Command Draft(LedgerOptions options)
    {
        var t = options.Texts;
        var document = new Argument<string>("DOCUMENT")
        {
            Description = t.T(
                "一个文件（.txt/.docx/.pdf/.html），或台账中文件的文号（或标题）。",
                "A file (.txt/.docx/.pdf/.html), or the 文号 (or title) of a document in the ledger."),
        };
        var output = new Option<string?>("-o") { Description = t.T("写入此文件（缺省为标准输出）。", "Write to this file (default: standard output).") };
        var command = new Command("draft", t.T(
            "按各条目读出的金额、比例、上限、计量单位和日期，起草规则骨架，供人补全。",
            "Draft a rule skeleton from the amounts, rates, caps, units of measure and dates read in each item, for a person to complete."));
        command.Arguments.Add(document);
        command.Options.Add(output);
        command.SetAction((parse, ct) => DraftAsync(options.Database(parse), parse.GetValue(document)!, parse.GetValue(output), Console.Out, Console.Error, ct));
        return command;
    }

    /// <returns>0 when a draft was written; 2 when the document could not be found or read.</returns>
    public static async Task<int> DraftAsync(LedgerDatabase database, string document, string? outputFile, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var reader = Readers.Create();
        ReadResult reading;
        string? wantedKey = null;
        if (File.Exists(document))
        {
            reading = reader.ReadFile(document);
            if (reading.HasErrors)
            {
                foreach (var e in reading.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    await errors.WriteLineAsync($"{document}: {e.Message} ({e.Code})");
                }

                return 2;
            }
        }
        else
        {
            if (database.Provider == LedgerProvider.Sqlite && !File.Exists(database.Display))
            {
                await errors.WriteLineAsync($"policyledger: 没有文件“{document}”，台账 {database.Display} 也不存在");
                return 2;
            }

            var stored = await LedgerAccess.QueryAsync(database, errors, english: false, c => DocumentTextQueries.CurrentAsync(c, ct), ct) ?? [];
            var wanted = DocumentKey.Normalize(document);
            var match = stored.FirstOrDefault(d => DocumentKey.Normalize(d.Key) == wanted)
                ?? stored.FirstOrDefault(d => DocumentKey.Normalize(d.Key).Contains(wanted, StringComparison.Ordinal)
                    || (d.Title is not null && DocumentKey.Normalize(d.Title).Contains(wanted, StringComparison.Ordinal)));
            if (match is null)
            {
                await errors.WriteLineAsync($"policyledger: 没有文件“{document}”，台账中也没有文号或标题含“{document}”的现行文件");
                return 2;
            }

            reading = reader.ReadText(match.FileName, match.Text);
            wantedKey = match.Key;
        }

        var drafts = new List<string>();
        var name = Path.GetFileName(reading.File);
        for (var i = 0; i < reading.Documents.Count; i++)
        {
            var doc = reading.Documents[i];
            var key = DocumentKey.Of(doc, name, i);
            if (wantedKey is not null && key != wantedKey)
            {
                continue;
            }

            var draft = new DraftDocument(key, doc.DocNumber?.Value, doc.Title?.Value, doc.Issuer?.Value, doc.Date?.Value,
                doc.Items.Select(it => new DraftItem(it.Id, it.Number, it.Text, it.Quantities, it.Times)).ToList());
            if (RuleDrafter.Candidates(draft) > 0)
            {
                drafts.Add(RuleDrafter.Draft(draft));
            }
        }

        if (drafts.Count == 0)
        {
            await errors.WriteLineAsync($"policyledger: {document} 中没有读出带金额或比例的支持措施，未起草规则");
            return 2;
        }

        var text = string.Join($"---{Environment.NewLine}", drafts);
        if (outputFile is not null)
        {
            await File.WriteAllTextAsync(outputFile, text, ct);
            await errors.WriteLineAsync($"已写入 {outputFile}");
        }
        else
        {
            await output.WriteAsync(text);
        }

        return 0;
    }
}
