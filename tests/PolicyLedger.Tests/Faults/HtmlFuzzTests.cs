using System.Diagnostics;
using System.Text;
using CsCheck;
using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// A time-bounded fuzz run of the HTML reader (issue 15): pages built from the pieces hostile and broken pages are
/// made of — unbalanced and misnested tags, deep runs of one tag, huge spans and list starts, entities of NUL,
/// surrogates and bidi overrides, escape sequences, unclosed comments, quotes and CDATA, random characters —
/// in UTF-8, GB18030 and with lying charsets. Each page must load without an exception escaping (a reason at most),
/// within seconds (10 on a loaded machine), and read without an internal error.
/// </summary>
public sealed class HtmlFuzzTests(ITestOutputHelper output)
{
    /// <summary>How long the run lasts, in seconds (CI budget).</summary>
    private const int Seconds = 25;

    private static readonly Encoding Gb18030 = CodePages();

    private static readonly string[] Tags =
    [
        "div", "p", "span", "b", "i", "a", "table", "tbody", "tr", "td", "th", "ol", "ul", "li", "br", "h1", "h2", "script", "style", "nav", "footer",
        "article", "main", "section", "font", "center", "pre", "textarea", "title", "template", "svg", "math", "select", "option", "frameset",
        "iframe", "object", "form", "img", "caption", "colgroup", "col", "noscript", "body", "html", "head", "plaintext", "xmp",
    ];

    private static readonly Gen<string> Attribute = Gen.OneOf<string>(
        "", "", " id=\"zoom\"", " class=\"content\"", " class=\"TRS_Editor\"", " class=\"nav footer share\"", " id=\"UCAP-CONTENT\"",
        " rowspan=\"99999999\"", " colspan=\"99999999\"", " rowspan=\"0\"", " colspan=\"-1\"", " start=\"-2147483648\"", " start=\"2147483647\"",
        " title='a>b'", " x=\"unclosed", " style=\"display:none\"", " role=\"main\"");

    private static readonly Gen<string> Open = Gen.Select(Gen.OneOf<string>(Tags), Attribute, (tag, attribute) => $"<{tag}{attribute}>");

    private static readonly Gen<string> Close = Gen.OneOf<string>(Tags).Select(tag => $"</{tag}>");

    private static readonly Gen<string> Text = Gen.OneOf<string>(
        "1.加强宣传。（责任单位：县财政局）", "一、总体要求", "（二）强化保障", "2.开展清理工作，年底前完成。（牵头单位：县商务局，配合单位：各乡镇）",
        "&amp;", "&#x202E;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;\u3000", "&lt;script&gt;", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "</",
        "\u001B[31m", "\u009B", "\r\n", "\0", "\uFEFF", "<meta charset=\"big5\">", "<meta charset=\"utf-16\">", "<?xml version=\"1.0\"?>");

    private static readonly Gen<string> Deep = Gen.Select(Open, Gen.Int[0, 3000], (tag, times) => string.Concat(Enumerable.Repeat(tag, times)));

    private static readonly Gen<string> Page = Gen.Frequency<string>(
            (5, Open), (4, Close), (5, Text), (1, Gen.String[Gen.Char, 0, 12]), (1, Deep))
        .Array[0, 120]
        .Select(pieces => "<html><body>" + string.Concat(pieces));

    private static readonly Gen<byte[]> Bytes = Gen.Select(Page, Gen.Int[0, 3], (page, encoding) => encoding switch
    {
        0 => Encoding.UTF8.GetBytes(page),
        1 => Gb18030.GetBytes(page),
        2 => [0xEF, 0xBB, 0xBF, .. Gb18030.GetBytes(page)],
        _ => Encoding.UTF8.GetBytes("<meta charset=\"gbk\">" + page),
    });

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    [Fact]
    public void Hostile_pages_load_and_read_in_bounded_time()
    {
        var loader = new SourceLoader([new HtmlFormat()]);
        var runs = 0;
        var slowest = TimeSpan.Zero;
        Bytes.Sample(bytes =>
        {
            var watch = Stopwatch.StartNew();
            var source = loader.Load("fuzz.html", new MemoryStream(bytes));
            var result = PolicyReader.Default.Read(source);
            watch.Stop();
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} for a page of {bytes.Length} bytes");
            lock (loader)
            {
                runs++;
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            }
        }, time: Seconds, threads: 1, print: bytes => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 2000)]));

        output.WriteLine($"{runs} pages in {Seconds} s, slowest {slowest.TotalMilliseconds:0} ms");
        Assert.True(runs > 50, $"only {runs} pages were tried");
    }
}
