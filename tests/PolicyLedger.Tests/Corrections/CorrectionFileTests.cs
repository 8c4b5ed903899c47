using PolicyLedger.Ledger.Corrections;

namespace PolicyLedger.Tests.Corrections;

/// <summary>The exchange file: what is written reads back the same, and broken entries are named with their number and line.</summary>
public class CorrectionFileTests
{
    private static CorrectionFileContent Read(string yaml) => CorrectionFile.Read(new StringReader(yaml), "c.yaml");

    [Fact]
    public void What_is_written_reads_back_field_for_field()
    {
        var entries = new List<(CorrectionEntry, string?)>
        {
            (new CorrectionEntry(0, 0, "济管〔2023〕19号#12", null, "对新招用…给予补贴。（牵头单位：示范区人社局）", "lead", "示范区人力资源和社会保障局、示范区财政金融局", null, null, null, "牵头单位漏读", "张三", "2024-05-06T10:00:00+08:00")
                { PreviousFingerprint = "0123456789abcdef", NextFingerprint = "fedcba9876543210" }, null),
            (new CorrectionEntry(0, 0, "某某县稳经济若干措施（2023-03-29）#3", "b.docx", "- 以破折号开头: 且含冒号 # 和井号", "cooperating", string.Empty, null, null, null, null, "李四", "2024-05-06T11:00:00+08:00"), "失去对应：PL-C02 …"),
            (new CorrectionEntry(0, 0, "甲#7", null, "第一句。13．第二句。", "split", "13．第二句", "13", null, null, null, "王五", "2024-05-07T09:30:00+08:00"), "现套用于 甲#8"),
            (new CorrectionEntry(0, 0, "甲#9", null, "yes", "merge-next", null, null, "10", "null", "true", "王五", "2024-05-07T09:31:00+08:00"), null),
            (new CorrectionEntry(0, 0, "甲#11", null, "2024", "deadline", "2024-06-30", null, null, null, null, "王五", "2024-05-07T09:32:00+08:00"), null),
        };
        var checks = new[] { new CheckEntry(0, 0, "甲#1", null, "一句话。", "赵六", "2024-05-08T08:00:00+08:00") };
        var writer = new StringWriter();
        CorrectionFile.Write(writer, entries, checks);
        var text = writer.ToString();

        var read = Read(text);

        Assert.Empty(read.Problems);
        Assert.Equal(entries.Select(e => e.Item1 with { Number = 0, Line = 0 }), read.Corrections.Select(e => e with { Number = 0, Line = 0 }));
        Assert.Equal(checks, read.Checks.Select(c => c with { Number = 0, Line = 0 }));
        Assert.Contains("失去对应：PL-C02", text, StringComparison.Ordinal);
        Assert.Contains("value: 示范区人力资源和社会保障局、示范区财政金融局", text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5], read.Corrections.Select(c => c.Number));
    }

    [Fact]
    public void Broken_entries_are_named_and_the_others_read()
    {
        var read = Read("""
            corrections:
            - item: 甲#1
              text: 一句话。
              change: lead
              value: 县财政局
            - just a line
            - item: 甲#2
              txet: 拼错的字段
              change: lead
            - item: 甲#3
              text: 又一句话。
              change: responsible
              value: [县财政局, 县商务局]
            checked:
            - item: 甲#4
              text: 第四句。
            """);

        Assert.Equal(["甲#1", "甲#3"], read.Corrections.Select(c => c.Item));
        Assert.Equal("县财政局、县商务局", read.Corrections[1].Value);
        Assert.Equal("甲#4", Assert.Single(read.Checks).Item);
        Assert.Equal([(2, 6), (3, 7)], read.Problems.Select(p => (p.Number, p.Line)));
        Assert.Contains("txet", read.Problems[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("第3条（第7行，甲#2）", read.Problems[1].ToString(), StringComparison.Ordinal);
        Assert.All(read.Problems, p => Assert.Equal(CorrectionCodes.BrokenEntry, p.Problem.Code));
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_one_problem_with_its_line()
    {
        var read = Read("corrections:\n- item: 甲#1\n  text: [不成对\n");
        Assert.Empty(read.Corrections);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(CorrectionCodes.BadFile, problem.Problem.Code);
        Assert.True(problem.Line >= 3, problem.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("corrections:\nchecked:\n")]
    public void An_empty_file_holds_nothing(string yaml)
    {
        var read = Read(yaml);
        Assert.Empty(read.Corrections);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Times_are_written_in_china_time_and_read_back_as_the_same_instant()
    {
        var at = new DateTimeOffset(2024, 5, 6, 2, 0, 0, TimeSpan.Zero);
        var text = CorrectionFile.Time(at);
        Assert.Equal("2024-05-06T10:00:00+08:00", text);
        Assert.True(CorrectionFile.TryTime(text, out var back));
        Assert.Equal(at, back);
        Assert.False(CorrectionFile.TryTime("去年", out _));
    }
}
