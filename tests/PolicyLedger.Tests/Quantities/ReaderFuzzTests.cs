using CsCheck;
using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;

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

    /// <summary>Figures beyond decimal's range and years beyond DateOnly's are not read, and nothing throws (found by the fuzz test once nothing was caught).</summary>
    [Theory]
    [InlineData("起上亿千兆兆叁5壹每—5")]
    [InlineData("千亿兆兆分之五")]
    [InlineData("千分之99999999999999999999999999")]
    [InlineData("百分之9999999999999999999999999999k")]
    [InlineData("明年6月底前")]
    [InlineData("去年6月底前")]
    [InlineData("12月底前完成")]
    [InlineData("第四季度末")]
    [InlineData("9999年下半年")]
    [InlineData("近％六点)今号季折〔：)角.至方亩千3～业中旬月日末￥米8角十两月％、季千")]
    public void Extreme_figures_and_years_are_not_read_and_nothing_throws(string text)
    {
        foreach (var year in new int?[] { 1, 2023, 9999, null })
        {
            var quantities = QuantityReader.Read(text);
            var times = TimeReader.Read(text, new TimeContext(year, null));
            Assert.All(quantities, q => Assert.InRange(q.Span.End, q.Span.Start, text.Length));
            Assert.All(times, t => Assert.InRange(t.Span.End, t.Span.Start, text.Length));
        }
    }

    [Fact]
    public void A_per_mille_keeps_its_value_when_read_in_range() =>
        Assert.Equal([0.3m, 0.05m], QuantityReader.Read("千分之三，万分之五").Select(q => q.Value));

    /// <summary>
    /// Long runs of numerals, dates, filler and rates read in linear time: four times the text takes about four times
    /// as long (quadratic reading would take sixteen). Measured in the test thread's processor time (not the
    /// process's, which counts the tests running beside it), the fastest of three runs of each size, so that the ratio holds on a
    /// loaded machine where wall-clock limits do not.
    /// </summary>
    [Fact]
    public void Long_runs_read_in_linear_time()
    {
        static string Text(int scale) =>
            string.Concat(Enumerable.Repeat("一二三四五六七八九十百千万亿", 1000 * scale)) + string.Concat(Enumerable.Repeat("2023年1月1日至", 1000 * scale))
            + new string('很', 1_000_000 * scale) + string.Concat(Enumerable.Repeat("每人每月不低于60元、", 10_000 * scale));

        static TimeSpan Fastest(string text) => Enumerable.Range(0, 3).Select(_ => ThreadCpuTime.Of(() =>
        {
            QuantityReader.Read(text);
            TimeReader.Read(text, new TimeContext(2023, null));
            NumberScanner.Read(text);
        })).Min();

        var small = Text(1);
        var large = Text(4);
        Fastest(small); // warm up
        var (smallTime, largeTime) = (Fastest(small), Fastest(large));
        Assert.True(largeTime < TimeSpan.FromSeconds(10), $"4 × the text took {largeTime} of processor time");
        Assert.True(largeTime.TotalMilliseconds < 9 * Math.Max(smallTime.TotalMilliseconds, 50),
            $"4 × the text took {largeTime.TotalMilliseconds:F0} ms against {smallTime.TotalMilliseconds:F0} ms (linear: about 4 ×; quadratic: 16 ×)");
    }
}
