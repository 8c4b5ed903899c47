using System.CommandLine;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Quotes;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>What the benefit commands share: where the rules are, and the documents' texts from the ledger and from files.</summary>
internal static class BenefitAccess
{
    /// <summary>The rules folder: --rules, else $POLICYLEDGER_RULES, else the rules shipped beside the program, else ./rules.</summary>
    public static string RulesFolder(string? given) => RuleSetLoader.Folder(given);

    /// <summary>--rules: the rules folder the benefit commands read (<see cref="RulesFolder"/>).</summary>
    public static Option<string?> RulesOption(Texts t) => new("--rules")
    {
        Description = t.T(
            $"规则目录。缺省：${RuleSetLoader.EnvironmentVariable}，再缺省为程序旁的 rules/。",
            $"The rules folder. Default: ${RuleSetLoader.EnvironmentVariable}, else rules/ beside the program."),
    };

    /// <summary>
    /// The current texts of the documents: from the ledger when there is one (a PostgreSQL database, or a SQLite file that
    /// exists: the benefit commands never create one), then from the files given, which win for the same document.
    /// </summary>
    public static async Task<DocumentTextIndex> TextsAsync(LedgerDatabase database, bool ledgerGiven, IReadOnlyList<string> files, TextWriter errors, CancellationToken ct)
    {
        var sources = new List<DocumentSource>();
        if (ledgerGiven || database.Provider == LedgerProvider.Postgres || File.Exists(database.Display))
        {
            var stored = await LedgerAccess.QueryAsync(database, errors, english: false, c => DocumentTextQueries.CurrentAsync(c, ct), ct);
            sources.AddRange((stored ?? []).Select(PolicyLedger.Web.Benefits.BenefitFinder.SourceOf));
        }

        if (files.Count > 0)
        {
            var reader = Readers.Create();
            foreach (var entry in FileBatch.Expand(files, reader.Loader.Handles))
            {
                if (entry.Error is not null)
                {
                    await errors.WriteLineAsync($"{entry.Path}: {entry.Error}");
                    continue;
                }

                var reading = reader.ReadFile(entry.Path);
                foreach (var error in reading.Diagnostics.Where(d => d.Severity == Reading.Syntax.DiagnosticSeverity.Error))
                {
                    await errors.WriteLineAsync($"{entry.Path}: {error.Message} ({error.Code})");
                }

                sources.AddRange(DocumentSources.From(reading));
            }
        }

        return DocumentTextIndex.Build(sources);
    }

    /// <summary>Prints the diagnostics of loading rules or scenarios to the error stream, errors first.</summary>
    public static void Report(IEnumerable<BenefitDiagnostic> diagnostics, TextWriter errors)
    {
        foreach (var d in diagnostics.OrderByDescending(d => d.IsError))
        {
            errors.WriteLine(d.ToString());
        }
    }
}
