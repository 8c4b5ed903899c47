using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Formats;

namespace PolicyLedger.Tests.Formats;

public class DocxFormatTests
{
    private const string SameAsText = """
        关于印发促进消费若干措施的通知
        一、全面释放消费潜力
        （一）促进大宗商品消费
        1.对新购汽车按购车价格的5%给予消费者补贴，最高不超过10000元/台。（责任单位：市财政局、商务局）
        2.完善充电基础设施建设，支持新能源汽车企业发展。（牵头单位：市发展改革委；配合单位：市交通运输局）
        （二）扩大服务消费
        3.开展文旅消费季活动，发放文旅消费券。（责任单位：市文化广电和旅游局）
        二、稳定市场主体
        （一）加大金融支持
        4.推动银行机构对小微企业贷款延期还本付息。（责任单位：市金融工作局、人行焦作市中心支行）
        """;

    private static string Load(byte[] docx) => new DocxFormat().Load("test.docx", new MemoryStream(docx)).Text;

    [Fact]
    public void Word_generated_list_numbers_come_out_as_item_numbers()
    {
        var builder = new DocxBuilder();
        var list = builder.List(builder.AbstractList(DocxBuilder.GovernmentOutline));
        var items = builder.List(builder.AbstractList((NumberFormatValues.Decimal, "%1.")));
        builder.Header("焦作市人民政府文件 页眉").Footer("— 1 —")
            .Paragraph("关于印发促进消费若干措施的通知")
            .Paragraph("全面释放消费潜力", list, 0)
            .Paragraph("促进大宗商品消费", list, 1)
            .Paragraph("对新购汽车按购车价格的5%给予消费者补贴，最高不超过10000元/台。（责任单位：市财政局、商务局）", items)
            .Paragraph("完善充电基础设施建设，支持新能源汽车企业发展。（牵头单位：市发展改革委；配合单位：市交通运输局）", items)
            .Paragraph("扩大服务消费", list, 1)
            .Paragraph("开展文旅消费季活动，发放文旅消费券。（责任单位：市文化广电和旅游局）", items)
            .Paragraph("稳定市场主体", list, 0)
            .Paragraph("加大金融支持", list, 1)
            .Paragraph("推动银行机构对小微企业贷款延期还本付息。（责任单位：市金融工作局、人行焦作市中心支行）", items);
        var docx = builder.Build();

        var text = Load(docx);

        Assert.Equal(SameAsText, text);
        Agreement.AssertSameReading(Agreement.ReadText(SameAsText), Agreement.Read("test.docx", docx));
    }

    [Fact]
    public void Items_numbered_continuously_across_sections_keep_counting_when_a_list_does_not_restart()
    {
        var builder = new DocxBuilder();
        var sections = builder.List(builder.AbstractList((NumberFormatValues.ChineseCounting, "%1、")));
        var items = builder.List(builder.AbstractList((NumberFormatValues.DecimalFullWidth, "%1．")));
        var restarted = builder.List(2, startAt: 10);
        builder.Paragraph("总体要求", sections).Paragraph("甲", items).Paragraph("乙", items)
            .Paragraph("重点任务", sections).Paragraph("丙", items)
            .Paragraph("保障措施", sections).Paragraph("丁", restarted).Paragraph("戊", restarted);

        Assert.Equal("一、总体要求\n１．甲\n２．乙\n二、重点任务\n３．丙\n三、保障措施\n１０．丁\n１１．戊", Load(builder.Build()));
    }

    [Fact]
    public void A_deeper_level_restarts_when_a_shallower_one_advances()
    {
        var builder = new DocxBuilder();
        var outline = builder.List(builder.AbstractList(DocxBuilder.GovernmentOutline));
        builder.Paragraph("甲", outline, 0).Paragraph("乙", outline, 1).Paragraph("丙", outline, 2).Paragraph("丁", outline, 2)
            .Paragraph("戊", outline, 1).Paragraph("己", outline, 2).Paragraph("庚", outline, 3).Paragraph("辛", outline, 0).Paragraph("壬", outline, 1);

        Assert.Equal("一、甲\n（一）乙\n1.丙\n2.丁\n（二）戊\n1.己\n（1）庚\n二、辛\n（一）壬", Load(builder.Build()));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(38, "三十八")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    public void Chinese_counting_is_written_as_word_writes_it(int value, string expected) =>
        Assert.Equal(expected, ListNumbering.Format(value, NumberFormatValues.ChineseCounting));

    [Fact]
    public void A_task_table_gives_one_item_per_row_with_its_units()
    {
        var builder = new DocxBuilder();
        builder.Paragraph("县2025年重点工作责任分解")
            .Paragraph("一、经济发展")
            .Table(
                ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["1", "推进产业园区标准化厂房建设，新建厂房10万平方米", "县发展改革委", "县自然资源局\n县住房城乡建设局", "2025年12月底"],
                ["2", "开展招商引资“百日攻坚”行动", "县商务局", DocxBuilder.MergedWithAbove, "2025年6月底"],
                ["二、民生保障", "二、民生保障", "二、民生保障", "二、民生保障", "二、民生保障"],
                ["3", "新增城镇就业3000人", "县人力资源社会保障局", "", ""]);
        var docx = builder.Build();

        var text = Load(docx);

        const string expected = """
            县2025年重点工作责任分解
            一、经济发展
            1.推进产业园区标准化厂房建设，新建厂房10万平方米；完成时限：2025年12月底。（牵头单位：县发展改革委；配合单位：县自然资源局、县住房城乡建设局）
            2.开展招商引资“百日攻坚”行动；完成时限：2025年6月底。（牵头单位：县商务局；配合单位：县自然资源局、县住房城乡建设局）
            二、民生保障
            3.新增城镇就业3000人（牵头单位：县人力资源社会保障局）
            """;
        Assert.Equal(expected, text);
        Agreement.AssertSameReading(Agreement.ReadText(expected), Agreement.Read("tasks.docx", docx));
    }

    [Fact]
    public void A_task_table_numbered_by_word_gives_its_numbers_to_the_items()
    {
        var builder = new DocxBuilder();
        var rows = builder.List(builder.AbstractList((NumberFormatValues.Decimal, "%1")));
        builder.Table(
            ["序号", "重点任务", "责任单位"],
            [DocxBuilder.NumberedCell(rows), "推进标准化厂房建设", "县发展改革委"],
            [DocxBuilder.NumberedCell(rows), "开展招商引资行动", DocxBuilder.MergedWithAbove],
            [DocxBuilder.NumberedCell(rows), "新增城镇就业3000人", "县人力资源社会保障局、县财政局"]);
        var docx = builder.Build();

        const string expected = "1.推进标准化厂房建设（责任单位：县发展改革委）\n2.开展招商引资行动（责任单位：县发展改革委）\n3.新增城镇就业3000人（责任单位：县人力资源社会保障局、县财政局）";
        Assert.Equal(expected, Load(docx));
        Agreement.AssertSameReading(Agreement.ReadText(expected), Agreement.Read("tasks.docx", docx));
    }

    [Fact]
    public void Headers_and_footers_are_left_out()
    {
        var builder = new DocxBuilder().Header("页眉文字").Footer("第 1 页").Paragraph("正文第一段").Paragraph("正文第二段");

        Assert.Equal("正文第一段\n正文第二段", Load(builder.Build()));
    }
}
