using System.CommandLine;
using System.CommandLine.Help;

namespace PolicyLedger.Cli.Commands;

/// <summary>The command line: every command, option and argument, described in the language of <see cref="Texts"/>.</summary>
internal static class CommandTree
{
    public static RootCommand Create(Texts t)
    {
        var root = new RootCommand(t.T(
            "PolicyLedger 政策台账：把政策文件读成任务台账，列出每项任务的牵头单位、责任单位、配合单位、目标与时限。",
            "PolicyLedger: reads Chinese policy documents into a ledger of tasks, units, targets and deadlines."));
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => t.T("显示帮助和用法。", "Show help and usage information"),
                VersionOption => t.T("显示版本信息。", "Show version information"),
                _ => option.Description,
            };
        }

        var ledger = new LedgerOptions(t);
        root.Options.Add(ledger.Db);
        root.Options.Add(ledger.Lang);
        root.Subcommands.Add(ReadCommand.Create(t));
        root.Subcommands.Add(ImportCommand.Create(ledger));
        root.Subcommands.Add(UnitsCommand.Create(ledger));
        root.Subcommands.Add(LedgerCommand.Create(ledger));
        root.Subcommands.Add(ExportCommand.Create(ledger));
        root.Subcommands.Add(ProgressCommand.Create(ledger));
        root.Subcommands.Add(StatusCommand.Create(ledger));
        root.Subcommands.Add(BulletinCommand.Create(ledger));
        root.Subcommands.Add(AuditCommand.Create(ledger));
        root.Subcommands.Add(CadenceCommand.Create(ledger));
        root.Subcommands.Add(ReviewCommand.Create(ledger));
        root.Subcommands.Add(CorrectCommand.Create(ledger));
        root.Subcommands.Add(CorrectionsCommand.Create(ledger));
        root.Subcommands.Add(MigrateCommand.Create(ledger));
        root.Subcommands.Add(CompareCommand.Create(ledger));
        root.Subcommands.Add(BenefitsCommand.Create(ledger));
        root.Subcommands.Add(RulesCommand.Create(ledger));
        root.Subcommands.Add(ScopeCommand.Create(ledger));
        root.Subcommands.Add(UserCommand.Create(ledger));
        root.Subcommands.Add(TokenCommand.Create(ledger));
        root.Subcommands.Add(ServeCommand.Create(ledger));
        return root;
    }
}
