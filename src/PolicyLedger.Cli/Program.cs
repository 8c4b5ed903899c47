using System.CommandLine;
using System.Text;
using PolicyLedger.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("PolicyLedger: reads Chinese policy documents into a ledger of tasks, units, targets and deadlines.");
root.Subcommands.Add(ReadCommand.Create());

return await root.Parse(args).InvokeAsync();
