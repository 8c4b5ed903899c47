using System.Text;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
SafeWriter.Install();

// The language of the help, decided once before the commands are described: --lang, else LC_ALL/LANG.
var texts = Texts.For(args);

return await CommandLine.RunAsync(CommandTree.Create(texts), args, texts);
