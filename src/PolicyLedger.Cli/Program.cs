using System.Globalization;
using System.Text;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
SafeWriter.Install();

// The language of help and parse errors, decided once before the commands are described: --lang, else LC_ALL/LANG.
// Only the UI culture follows it (System.CommandLine's words); numbers and dates keep the formatting culture.
var texts = Texts.For(args);
if (texts.UiCulture is { } ui)
{
    CultureInfo.DefaultThreadCurrentUICulture = ui;
    CultureInfo.CurrentUICulture = ui;
}

return await CommandLine.RunAsync(CommandTree.Create(texts), args, texts);
