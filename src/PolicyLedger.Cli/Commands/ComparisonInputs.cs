using System.Globalization;
using PolicyLedger.Comparison;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// Turns the DOCUMENT arguments of <c>compare</c> into the comparison's input. An argument is a file (the document
/// in it that has items; <c>FILE#2</c> picks the second document of a file that holds several), or else a document
/// of the ledger (its key as <c>ledger</c> shows it, its 文号 as written, or its title). Every argument that cannot be
/// used is reported with the reason; nothing is compared then.
/// </summary>
internal static class ComparisonInputs
{
    public sealed record Problem(string Argument, string Message);

    /// <summary>Looks an argument up in the ledger: the document, null when the ledger has none by that name, or a problem.</summary>
    public delegate Task<(ComparedDocument? Document, string? Problem)> LedgerLookup(string argument, CancellationToken cancellationToken);

    public static async Task<(IReadOnlyList<ComparedDocument> Documents, IReadOnlyList<Problem> Problems)> ResolveAsync(
        IReadOnlyList<string> arguments, LedgerLookup? ledger, CancellationToken cancellationToken = default)
    {
        var documents = new List<ComparedDocument>();
        var problems = new List<Problem>();
        var reader = Readers.Create();
        foreach (var argument in arguments)
        {
            var (path, position) = FileAndPosition(argument);
            if (path is not null)
            {
                var (document, problem) = FromFile(reader, path, position);
                Add(argument, document, problem);
                continue;
            }

            if (Directory.Exists(argument))
            {
                problems.Add(new Problem(argument, "是文件夹，不是一份文件；请给出文件"));
                continue;
            }

            if (ledger is null)
            {
                problems.Add(new Problem(argument, "没有这个文件"));
                continue;
            }

            var (stored, trouble) = await ledger(argument, cancellationToken);
            if (stored is null && trouble is null)
            {
                trouble = "没有这个文件，台账中也没有这份文件（可用文号、标题、文件名或 ledger 显示的文件键，也可用其中只有一份文件含有的一段文字）";
            }

            Add(argument, stored, trouble);
        }

        return (documents, problems);

        void Add(string argument, ComparedDocument? document, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new Problem(argument, problem));
            }
            else if (document is not null)
            {
                documents.Add(document);
            }
        }
    }

    /// <summary>"a.txt" → (a.txt, null); "a.txt#2" → (a.txt, 2) when a.txt exists; otherwise (null, null).</summary>
    private static (string? Path, int? Position) FileAndPosition(string argument)
    {
        if (File.Exists(argument))
        {
            return (argument, null);
        }

        var hash = argument.LastIndexOf('#');
        if (hash > 0 && int.TryParse(argument[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && File.Exists(argument[..hash]))
        {
            return (argument[..hash], n);
        }

        return (null, null);
    }

    private static (ComparedDocument? Document, string? Problem) FromFile(Reading.PolicyReader reader, string path, int? position)
    {
        var result = reader.ReadFile(path);
        var error = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            return (null, $"无法读取：{error.Message}（{error.Code}）");
        }

        var name = Path.GetFileName(path);
        if (position is { } p)
        {
            return p >= 1 && p <= result.Documents.Count
                ? (ComparedDocument.From(result.Documents[p - 1], $"{name}#{p}"), null)
                : (null, $"文件中只有 {result.Documents.Count} 份文件，没有第 {p} 份");
        }

        var withItems = result.Documents.Select((d, i) => (Document: d, Position: i + 1)).Where(d => d.Document.Items.Count > 0).ToList();
        return withItems.Count switch
        {
            0 => (null, "没有读出任何条目，无从对比"),
            1 => (ComparedDocument.From(withItems[0].Document, name), null),
            _ => (null, $"含有 {withItems.Count} 份有条目的文件，请用“文件名#序号”指定一份："
                + string.Join("；", withItems.Select(d => $"{name}#{d.Position} {d.Document.DocNumber?.Value ?? d.Document.Title?.Value ?? "（无标题）"}（{d.Document.Items.Count} 条）"))),
        };
    }
}
