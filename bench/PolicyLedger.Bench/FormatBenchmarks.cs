using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Formats;
using PolicyLedger.Reading.Sources;

namespace PolicyLedger.Bench;

/// <summary>
/// Loading the corpus from .docx and .html (one paragraph per line, rendered in memory at setup) into the text the
/// reader reads, single thread; the baseline is decoding the same text from UTF-8 bytes. (PDF is measured by the
/// tests' renderer, which needs a Chinese font; see docs/formats.md.)
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusThroughputConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FormatBenchmarks
{
    private List<byte[]> _text = [];
    private List<byte[]> _docx = [];
    private List<byte[]> _html = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpus.Load();
        Console.WriteLine($"// corpus: {corpus.Count} files, {corpus.Sum(c => c.Text.Length)} characters");
        _text = corpus.Select(c => Encoding.UTF8.GetBytes(c.Text)).ToList();
        _docx = corpus.Select(c => Docx(c.Text)).ToList();
        _html = corpus.Select(c => Encoding.UTF8.GetBytes(
            "<html><body><div class=\"nav\">首页</div><div id=\"UCAP-CONTENT\">"
            + string.Concat(c.Text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
            + "</div></body></html>")).ToList();
    }

    [Benchmark(Baseline = true)]
    public int PlainText() => Load(new PlainTextFormat(), _text);

    [Benchmark]
    public int Docx() => Load(new DocxFormat(), _docx);

    [Benchmark]
    public int Html() => Load(new HtmlFormat(), _html);

    private static int Load(ISourceFormat format, List<byte[]> files) =>
        files.Sum(f => format.Load("bench", new MemoryStream(f)).Text.Length);

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Split('\n'))
            {
                body.Append(new Paragraph(new Run(new Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
