using System.Diagnostics;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyLedger.Bench.Baselines;
using PolicyLedger.Formats;
using PolicyLedger.Reading.Sources;

namespace PolicyLedger.Bench;

/// <summary>
/// Reading PDFs as Chromium prints them (the corpus as web pages, printed at setup with <c>chromium --headless
/// --print-to-pdf</c>; Debian packages chromium and fonts-noto-cjk): the current reading (lines, tables, furniture,
/// layout joining, look-alike mapping) against the reading before issue 16 as the baseline, same PDFs, same run.
/// Run: dotnet run -c Release --project bench/PolicyLedger.Bench -- --filter '*PdfBenchmarks*' --inProcess
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class PdfBenchmarks
{
    private List<byte[]> _pdfs = [];

    [GlobalSetup]
    public void Setup()
    {
        // The shortest document of the corpus: PdfPig takes tens of milliseconds a page, so one document keeps a run short.
        var corpus = Corpus.Load().OrderBy(c => c.Text.Length).Take(1).ToList();
        var folder = Directory.CreateTempSubdirectory("policyledger-bench-pdf-").FullName;
        try
        {
            _pdfs = corpus.Select((c, i) => Print(folder, i, c.Text)).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var pages = _pdfs.Sum(p => UglyToad.PdfPig.PdfDocument.Open(p).NumberOfPages);
        Console.WriteLine($"// corpus: {_pdfs.Count} PDF printed by Chromium ({corpus[0].Name}), {pages} pages");
    }

    [Benchmark(Baseline = true)]
    public int Before() => Load(new LegacyPdfFormat());

    [Benchmark]
    public int Now() => Load(new PdfFormat());

    private int Load(ISourceFormat format) => _pdfs.Sum(f => format.Load("bench.pdf", new MemoryStream(f)).Text.Length);

    private static byte[] Print(string folder, int index, string text)
    {
        var page = Path.Combine(folder, $"page{index}.html");
        var pdf = Path.Combine(folder, $"page{index}.pdf");
        File.WriteAllText(page, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>bench</title></head><body>"
            + string.Concat(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) + "</body></html>", new UTF8Encoding(false));
        var start = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", $"--user-data-dir={Path.Combine(folder, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start chromium (Debian package chromium)");
        process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return File.ReadAllBytes(pdf);
    }
}
