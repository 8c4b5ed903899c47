using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

/// <summary>Short forms made the 规范简称 way (ShortForms), and that no mention of the seeds' gold clauses reads as something other than an organisation.</summary>
public sealed class ShortFormTests
{
    [Theory]
    [InlineData("交建局", "交通建设局", true)]
    [InlineData("交建局", "交通运输局", false)]
    [InlineData("人社局", "人力资源和社会保障局", true)]
    [InlineData("发改委", "发展和改革委员会", true)]
    [InlineData("住建局", "住房和城乡建设局", true)]
    [InlineData("市场监管局", "市场监督管理局", true)]
    [InlineData("卫健委", "卫生健康委员会", true)]
    [InlineData("工信局", "工业和信息化局", true)]
    [InlineData("文旅局", "文化广电和旅游局", true)]
    [InlineData("人防办", "人民防空办公室", true)]
    [InlineData("乡振中心", "乡村振兴服务中心", true)]
    [InlineData("金融局", "金融工作局", false)]      // no word cut: a different body
    [InlineData("财政局", "财政金融局", false)]
    [InlineData("城建局", "住房和城乡建设局", false)]  // the first word may not be dropped
    [InlineData("建设局", "住房和城乡建设局", false)]
    [InlineData("交建委", "交通建设局", false)]      // organ words differ
    [InlineData("交通建设局", "交通建设局", false)]  // not shorter
    [InlineData("交", "交通建设局", false)]
    [InlineData("局", "交通建设局", false)]
    public void A_short_form_keeps_the_first_character_or_all_of_each_word(string shortName, string fullName, bool expected) =>
        Assert.Equal(expected, ShortForms.IsShortFormOf(shortName, fullName));

    [SkippableFact]
    public void Every_mention_of_the_gold_readings_reads_as_an_organisation()
    {
        SharedData.Require();
        var mentions = GoldUnits.Instance.Resolved.Values.SelectMany(byMention => byMention.Keys).Distinct().ToList();
        Assert.True(mentions.Count > 200, $"{mentions.Count} distinct mentions");
        Assert.Empty(mentions.Where(m => MentionShape.Check(m) is not null).Select(m => $"{m}: {MentionShape.Check(m)}"));
    }

    [Fact]
    public void Every_reason_a_mention_is_no_unit_is_told_in_Chinese() =>
        Assert.All(Enum.GetValues<NotAUnitReason>(), r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", MentionShape.Describe(r)));
}
