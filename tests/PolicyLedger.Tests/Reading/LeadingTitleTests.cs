using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tests.Reading;

/// <summary>
/// Measures published on their own (an attachment saved as a file, a page of a website) have no head (no 关于…的通知, no
/// 文号): their first short lines are the title when they end with the name of a kind of document. Lines that say
/// something, or name no kind of document, are not.
/// </summary>
public class LeadingTitleTests
{
    private const string Items = "一、支持企业发展\n1.对新认定的高新技术企业给予奖励。（责任单位：市科技局）\n2.对新纳入规模以上统计的工业企业给予奖励。（责任单位：市工信局）\n";

    [Theory]
    [InlineData("子市稳增长若干政策措施\n", "子市稳增长若干政策措施")]
    [InlineData("午县促进消费持续恢复\n若干措施\n", "午县促进消费持续恢复若干措施")]
    [InlineData("辰市支持民营经济发展实施方案\n为促进民营经济发展，制定本方案。\n", "辰市支持民营经济发展实施方案")]
    [InlineData("  巳县优化营商环境工作要点  \n\n", "巳县优化营商环境工作要点")]
    [InlineData("附件2\n\n子市稳增长若干政策措施\n", "子市稳增长若干政策措施")]
    public void The_first_short_lines_ending_with_a_kind_of_document_are_the_title(string head, string title)
    {
        var document = Read(head + Items);
        Assert.Equal(title, document.Title?.Value);
        Assert.Equal(2, document.Items.Count);
    }

    [Theory]
    [InlineData("为进一步促进消费，制定以下措施。\n")] // a sentence
    [InlineData("促进消费\n")] // no kind of document
    [InlineData("")] // the measures begin at once
    [InlineData("申州市人民政府\n")] // an organ, not a title
    [InlineData("附件\n")] // an attachment's label alone
    public void Lines_that_say_something_or_name_no_kind_of_document_are_no_title(string head)
    {
        var document = Read(head + Items);
        Assert.Null(document.Title);
        Assert.Equal(2, document.Items.Count);
    }

    private static PolicyDocument Read(string text) =>
        Assert.Single(PolicyReader.Default.ReadText("t.txt", text).Documents);
}
