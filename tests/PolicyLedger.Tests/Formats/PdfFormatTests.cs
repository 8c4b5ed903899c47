using PolicyLedger.Formats;

namespace PolicyLedger.Tests.Formats;

public class PdfFormatTests
{
    private static readonly string[] Paragraphs =
    [
        "关于印发促进消费若干措施的通知",
        "各县（市、区）人民政府，市城乡一体化示范区管委会，市人民政府各部门：",
        "现将《促进消费若干措施》印发给你们，请认真贯彻落实。",
        "一、全面释放消费潜力",
        "（一）促进大宗商品消费。",
        "1．对智能电子产品和家用电器消费进行补贴或开展以旧换新促销活动，对新购汽车按购车价格的5%给予消费者补贴，最高不超过10000元/台，省、市财政各补贴一半。财政补贴政策延续至2023年3月底。（责任单位：市财政局、商务局）",
        "2．在全市范围内加快巡游出租车和城市建成区的载货汽车、邮政用车、市政环卫车辆、网约出租车等公共领域车辆以及党政机关新增公务用车新能源替代，完善充电基础设施建设，支持新能源汽车企业发展，壮大新能源汽车产业规模。到2023年年底，实现高速公路服务区充电设施全覆盖、6个县域集中式充电示范站建成投用。（责任单位：市工业和信息化局、商务局、发展改革委、交通运输局、城市管理局、机关事务管理局、邮政管理局、财政局）",
        "（二）扩大服务消费。",
        "3．开展文旅消费季活动，发放文旅消费券，鼓励A级景区门票减免。（牵头单位：市文化广电和旅游局；配合单位：市财政局）",
        "二、稳定市场主体",
        "4．推动银行机构对小微企业贷款延期还本付息，力争全年新增普惠小微贷款100亿元以上。（责任单位：市金融工作局）",
    ];

    [Fact]
    public void A_printed_document_reads_to_its_paragraphs_without_page_numbers_or_running_heads()
    {
        // Repeat the content so it runs over several pages.
        var paragraphs = Enumerable.Range(0, 4).SelectMany(_ => Paragraphs).ToList();
        var pdf = new PdfBuilder { RunningHead = "焦作市人民政府文件" }.Build(paragraphs);

        var text = new PdfFormat().Load("test.pdf", new MemoryStream(pdf)).Text;

        Assert.Equal(paragraphs, Agreement.Paragraphs(text));
        Assert.DoesNotContain("焦作市人民政府文件", text, StringComparison.Ordinal);
        Assert.DoesNotContain("—", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_watermark_across_the_page_is_left_out()
    {
        var pdf = new PdfBuilder { Watermark = "内部资料注意保存" }.Build(Paragraphs);

        var text = new PdfFormat().Load("stamped.pdf", new MemoryStream(pdf)).Text;

        Assert.Equal(Paragraphs, Agreement.Paragraphs(text));
    }

    [Fact]
    public void A_pdf_reads_to_the_same_items_and_roles_as_the_same_text()
    {
        var pdf = new PdfBuilder { RunningHead = "焦作市人民政府文件" }.Build(Paragraphs);

        Agreement.AssertSameReading(Agreement.ReadText(string.Join("\n", Paragraphs)), Agreement.Read("test.pdf", pdf));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_an_error_that_says_so()
    {
        var pdf = new PdfBuilder { PageNumbers = false }.Build([]);

        var result = Agreement.Read("scan.pdf", pdf);

        Assert.True(result.HasErrors);
        Assert.Contains("no text layer", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("— 5 —", true)]
    [InlineData("-12-", true)]
    [InlineData("第3页共20页", true)]
    [InlineData("7", true)]
    [InlineData("3/20", true)]
    [InlineData("2023年1月20日", false)]
    [InlineData("1．对智能电子产品", false)]
    public void Page_numbers_are_recognized(string line, bool expected) => Assert.Equal(expected, PdfFormat.IsPageNumber(line));

    [Theory]
    [InlineData("\u2F00、总体要求", "一、总体要求")]
    [InlineData("（\u2F06）\u2F24\u2F00", "（二）大一")]
    [InlineData("\uF9F4\u2F63", "林生")]
    [InlineData("１．（责任单位：市财政局）", "１．（责任单位：市财政局）")]
    public void Look_alike_radicals_from_pdf_extraction_become_ideographs(string extracted, string expected) =>
        Assert.Equal(expected, ExtractedText.Repair(extracted));
}
