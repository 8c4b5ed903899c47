using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyLedger.Formats;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Bench;

/// <summary>
/// What the defences of issue 15 cost on ordinary input, single thread, over the corpus: decoding by evidence
/// (UTF-8, UTF-8 with one bad byte, GB18030) against the strict UTF-8 decode it replaced; the terminal sanitizer
/// against copying the text; the HTML depth limit on a normal page against reading the page's bytes as a string.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusThroughputConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FaultBenchmarks
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private List<byte[]> _utf8 = [];
    private List<byte[]> _oneBadByte = [];
    private List<byte[]> _gb18030 = [];
    private List<string> _texts = [];
    private List<string> _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var corpus = Corpus.Load();
        _texts = corpus.Select(c => c.Text).ToList();
        _utf8 = _texts.Select(t => Encoding.UTF8.GetBytes(t)).ToList();
        _oneBadByte = _utf8.Select(b => (byte[])[.. b[..(b.Length / 2)], 0xFF, .. b[(b.Length / 2)..]]).ToList();
        _gb18030 = _texts.Select(t => Encoding.GetEncoding("GB18030").GetBytes(t)).ToList();
        _pages = _texts.Select(t => "<html><body><div id=\"UCAP-CONTENT\">"
            + string.Concat(t.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) + "</div></body></html>").ToList();
    }

    [Benchmark(Baseline = true)]
    public int StrictUtf8Decode() => _utf8.Sum(b => StrictUtf8.GetString(b).Length);

    [Benchmark]
    public int DecodeUtf8() => _utf8.Sum(b => TextDecoder.Decode("b", b).Text.Length);

    [Benchmark]
    public int DecodeUtf8WithOneBadByte() => _oneBadByte.Sum(b => TextDecoder.Decode("b", b).Text.Length);

    [Benchmark]
    public int DecodeGb18030() => _gb18030.Sum(b => TextDecoder.Decode("b", b).Text.Length);

    [Benchmark]
    public int CopyText() => _texts.Sum(t => new string(t.AsSpan()).Length);

    [Benchmark]
    public int TerminalSanitizer() => _texts.Sum(t => SafeText.Terminal(t).Length);

    [Benchmark]
    public int MarkdownEscaper() => _texts.Sum(t => SafeText.Markdown(t).Length);

    [Benchmark]
    public int HtmlDepthLimitOnNormalPages() => _pages.Sum(p => HtmlDepthLimit.Apply(p).Length);
}
