using System.CommandLine;
using System.Text;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
SafeWriter.Install();

var root = new RootCommand("PolicyLedger: reads Chinese policy documents into a ledger of tasks, units, targets and deadlines.");
var ledger = new LedgerOptions();
root.Options.Add(ledger.Db);
root.Options.Add(ledger.Lang);
root.Subcommands.Add(ReadCommand.Create());
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

return await CommandLine.RunAsync(root, args);
