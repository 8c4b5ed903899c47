using System.CommandLine;
using System.Globalization;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger benefits --scenario FILE.yaml [--as-of DATE] [--format table|json] [--rules DIR] [--documents PATH...]</c>:
/// every entitlement with its amount, arithmetic, payer and clause; the measures close to applying with the reasons
/// they do not; the entitlements set aside by 从高不重复 with the one that won.
/// </summary>
internal static class BenefitsCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var scenario = new Option<string>("--scenario")
        {
            Description = t.T(
                "情形文件（YAML：profile、events、as_of，或 scenarios 列表）。",
                "The scenario file (YAML: profile, events, as_of, or a list of scenarios)."),
            Required = true,
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = t.T(
                "评估日（2023-04-30）。缺省：情形文件的 as_of，再缺省为中国今天。",
                "The day to assess at (2023-04-30). Default: the scenario file's as_of, else today in China."),
        };
        var format = LedgerOptions.TableOrJson(t);
        var rules = BenefitAccess.RulesOption(t);
        var documents = new Option<string[]>("--documents")
        {
            Description = t.T(
                "文件的现行文本（用于给出条文位置）；台账中已有的可不给。",
                "The documents' current texts (to give the places of the clauses); not needed for documents already in the ledger."),
            AllowMultipleArgumentsPerToken = true,
        };
        var id = new Option<string?>("--id") { Description = t.T("只评估情形文件中编号为此的情形（S01）。", "Assess only the scenario of the file with this id (S01).") };
        var command = new Command("benefits", t.T(
            "惠企政策测算：申请人可享受的每项政策、金额、算式、出资方与依据条文；差一点享受的及原因；按从高不重复原则未适用的。",
            "Benefit finder for business-support policies: every measure an applicant qualifies for, with amount, formula, who pays and the clause it rests on; those narrowly missed and why; those not applied under 从高不重复 (the higher one, not both)."));
        command.Options.Add(scenario);
        command.Options.Add(asOf);
        command.Options.Add(format);
        command.Options.Add(rules);
        command.Options.Add(documents);
        command.Options.Add(id);
        command.SetAction((parse, ct) => RunAsync(
            options.Database(parse),
            parse.GetValue(options.Db) is not null,
            parse.GetValue(scenario)!,
            parse.GetValue(asOf),
            parse.GetValue(format)!,
            BenefitAccess.RulesFolder(parse.GetValue(rules)),
            parse.GetValue(documents) ?? [],
            parse.GetValue(id),
            Console.Out,
            Console.Error,
            ct));
        return command;
    }

    /// <returns>0 when every scenario was evaluated with sound rules; 1 when a rule file had errors (the rest was used);
    /// 2 when the scenario file or the options could not be used.</returns>
    public static async Task<int> RunAsync(
        LedgerDatabase database,
        bool ledgerGiven,
        string scenarioFile,
        string? asOfText,
        string format,
        string rulesFolder,
        IReadOnlyList<string> documents,
        string? id,
        TextWriter output,
        TextWriter errors,
        CancellationToken ct = default)
    {
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(asOfText))
        {
            if (!DateOnly.TryParseExact(asOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await errors.WriteLineAsync($"policyledger: “{asOfText}”不是日期：应写作 2023-04-30");
                return 2;
            }

            asOf = parsed;
        }

        var ruleSet = RuleSetLoader.Load(rulesFolder);
        BenefitAccess.Report(ruleSet.Diagnostics.Where(d => d.IsError), errors);
        if (ruleSet.Documents.Count == 0)
        {
            await errors.WriteLineAsync($"policyledger: 规则目录 {rulesFolder} 中没有可用的规则");
            return 2;
        }

        var load = new ScenarioReader().ReadFile(scenarioFile);
        BenefitAccess.Report(load.Diagnostics, errors);
        var scenarios = load.Scenarios.Where(s => id is null || s.Id == id).ToList();
        if (scenarios.Count == 0)
        {
            await errors.WriteLineAsync(load.HasErrors
                ? $"policyledger: 情形文件 {scenarioFile} 有误，未作测算"
                : $"policyledger: 情形文件 {scenarioFile} 中没有编号为“{id}”的情形");
            return 2;
        }

        var texts = await BenefitAccess.TextsAsync(database, ledgerGiven, documents, errors, ct);
        var service = new BenefitsService(ruleSet, texts);
        var today = TrackingClock.Today(TrackingAccess.Clock);
        var results = scenarios.Select(s => service.Evaluate(s, asOf, today)).ToList();
        foreach (var warning in results.SelectMany(r => r.Diagnostics))
        {
            await errors.WriteLineAsync(warning.ToString());
        }

        if (format == "json")
        {
            await output.WriteLineAsync(results.Count == 1 && load.Scenarios.Count == 1 || id is not null
                ? BenefitResultJson.Serialize(results[0])
                : BenefitResultJson.Serialize(results));
        }
        else
        {
            foreach (var (result, s) in results.Zip(scenarios))
            {
                BenefitTable.Write(result, s, output);
            }
        }

        return ruleSet.HasErrors || load.HasErrors ? 1 : 0;
    }
}
