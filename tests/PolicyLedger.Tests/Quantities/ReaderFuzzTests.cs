using CsCheck;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tests.Quantities;

/// <summary>Random text never makes the readers throw, and every span they report lies inside the text.</summary>
public sealed class ReaderFuzzTests
{
    /// <summary>Characters that matter to the readers, so random strings hit their paths often.</summary>
    private const string Alphabet = "0123456789０１２.．,，%％∶：:—–-~～至到自起前底末年月日号季度第每按半全上下旬个家人元万亿美元兆十百千零一二两三四五六七八九壹贰叁拾佰仟分之成折点负余多几以上下内左右含（）()〔〕、；。不超过最高低于少每单亩均/／$￥kKe^ 　\n";

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.Char[Alphabet].Array[0, 60].Select(a => new string(a)),
        Gen.String[0, 40],
        Gen.Char.Array[0, 30].Select(a => new string(a)));

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside()
    {
        Texts.Sample(text =>
        {
            var mapped = MappedText.Identity(text);
            foreach (var q in QuantityReader.Read(mapped))
            {
                Assert.InRange(q.Span.Start, 0, text.Length);
                Assert.InRange(q.Span.End, q.Span.Start, text.Length);
            }

            foreach (var t in TimeReader.Read(mapped, new TimeContext(2023, null)))
            {
                Assert.InRange(t.Span.Start, 0, text.Length);
                Assert.InRange(t.Span.End, t.Span.Start, text.Length);
            }

            foreach (var m in NumberScanner.Read(mapped))
            {
                Assert.InRange(m.Span.End, m.Span.Start, text.Length);
            }
        }, iter: 30_000);
    }

    [Fact]
    public void Long_runs_read_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("一二三四五六七八九十百千万亿", 2000)) + string.Concat(Enumerable.Repeat("2023年1月1日至", 2000))
            + new string('很', 2_000_000) + string.Concat(Enumerable.Repeat("每人每月不低于60元、", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        QuantityReader.Read(text);
        TimeReader.Read(text, new TimeContext(2023, null));
        NumberScanner.Read(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
