using System.Diagnostics;
using System.Text;
using CsCheck;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Reading;

/// <summary>
/// The reader never throws and never hangs on bad input: truncated and shuffled seeds, random bytes, very long
/// lines, unbalanced and deeply nested brackets. It always returns a result, and no internal error diagnostic.
/// </summary>
public class RobustnessTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "示范区2025年稳就业促消费若干措施.txt"));

    private static void ReadsCleanly(string text)
    {
        var watch = Stopwatch.StartNew();
        var result = PolicyReader.Default.ReadText("fuzz.txt", text);
        watch.Stop();
        Assert.NotNull(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.InternalError or DiagnosticCodes.Timeout);
        foreach (var item in result.Documents.SelectMany(d => d.Items))
        {
            Assert.InRange(item.Span.Start, 0, text.Length);
            Assert.InRange(item.Span.End, item.Span.Start, text.Length);
            foreach (var role in item.Roles)
            {
                Assert.InRange(role.Span.End, role.Span.Start, text.Length);
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"reading {text.Length} characters took {watch.Elapsed}");
    }

    [Fact]
    public void Random_strings_of_policy_characters()
    {
        var alphabet = "一二三四五六七八九十、（）()〔〕【】：:，,。；责任单位牵头配合负责按职责分工等相关单位局委政府市区县 \n\r\t\u30001234567890.．%％—关于的通知号年月日";
        Gen.String[Gen.Char[alphabet], 0, 2000].Sample(ReadsCleanly, iter: 300);
    }

    [Fact]
    public void Truncated_and_shuffled_documents()
    {
        var lines = Sample.Split('\n');
        Gen.Int[0, Sample.Length].Sample(cut => ReadsCleanly(Sample[..cut]), iter: 200);
        Gen.Shuffle(lines).Sample(shuffled => ReadsCleanly(string.Join('\n', shuffled)), iter: 100);
    }

    [SkippableFact]
    public void Truncated_and_shuffled_seeds()
    {
        SharedData.Require();
        foreach (var file in Directory.GetFiles(SharedData.Path("seeds"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            Gen.Int[0, text.Length].Sample(cut => ReadsCleanly(text[..cut]), iter: 20);
            Gen.Shuffle(text.Split('\n')).Sample(shuffled => ReadsCleanly(string.Join('\n', shuffled)), iter: 10);
        }
    }

    [Fact]
    public void Random_bytes_decode_and_read()
    {
        Gen.Byte.Array[0, 4000].Sample(bytes =>
        {
            var source = PolicyLedger.Reading.Text.TextDecoder.Decode("random.bin", bytes);
            var result = PolicyReader.Default.Read(source);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.InternalError);
        }, iter: 300);
    }

    [Fact]
    public void A_title_whose_number_line_opens_the_next_document() =>
        ReadsCleanly("某某市人民政府关于嘉奖全市财税系统的通报\n某政办〔2022〕6 号\n关于表扬某某集团有限公司的通报");

    [Fact]
    public void A_very_long_line() => ReadsCleanly("1.出台政策" + new string('很', 2_000_000) + "。（牵头单位：市商务局，责任单位：市财政局）");

    [Fact]
    public void Deeply_nested_brackets() =>
        ReadsCleanly("1.加强宣传" + string.Concat(Enumerable.Repeat("（", 50_000)) + "责任单位：市财政局" + string.Concat(Enumerable.Repeat("）", 50_000)));

    [Fact]
    public void Unbalanced_brackets_do_not_swallow_the_next_items()
    {
        var result = PolicyReader.Default.ReadText("t.txt", "1.加强宣传。（责任单位：市财政局\n2.开展活动。（责任单位：市商务局）\n3.推进改革。（责任单位：市发改委）");
        Assert.Equal(["1", "2", "3"], result.Documents.SelectMany(d => d.Items).Select(i => i.Id));
    }

    [Fact]
    public void Many_lines_of_markers()
    {
        var b = new StringBuilder();
        for (var i = 1; i < 20_000; i++)
        {
            b.Append(i).Append(".任务").Append(i).Append("。（责任单位：市").Append(i % 7).Append("局）\n");
        }

        ReadsCleanly(b.ToString());
    }
}
