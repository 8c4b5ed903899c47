using PolicyLedger.Formats;
using PolicyLedger.Formats.Pdf;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// The layout steps of the PDF reading on lines given by position (one line per case): which lines are joined into
/// a paragraph, which stay apart, what page furniture goes, and what look-alike characters mean.
/// </summary>
public class PdfLayoutTests
{
    // A page 420 wide with text from 50 to 370 in 14 pt, lines 20 apart (paragraph spacing, where used, 30).
    private const double Left = 50;
    private const double Right = 370;
    private const double Size = 14;

    private static PdfLine L(string text, double baseline, double left = Left, double? right = null, double size = Size, bool red = false) =>
        new(text, left, right ?? Math.Min(Right, left + text.Length * size), baseline, size, red);

    /// <summary>A wrapped paragraph of two full lines and a short one, first line indented two characters.</summary>
    private static IEnumerable<PdfLine> Paragraph(string first, string second, string third, double top) =>
    [
        L(first, top, Left + 2 * Size, Right), L(second, top - 20, Left, Right), L(third, top - 40),
    ];

    private static string Join(params IEnumerable<PdfLine>[] pages) => ParagraphJoiner.Join(pages.Select(p => (IReadOnlyList<PdfLine>)p.ToList()).ToList());

    [Fact]
    public void Wrapped_lines_of_indented_paragraphs_are_joined_and_paragraphs_kept_apart()
    {
        var text = Join([
            .. Paragraph("为进一步优化营商环境，", "激发市场主体活力，结合", "实际，制定如下措施。", 700),
            .. Paragraph("对新认定的企业给予奖", "励，对符合条件的项目给", "予补助。", 640),
        ]);

        Assert.Equal("为进一步优化营商环境，激发市场主体活力，结合实际，制定如下措施。\n对新认定的企业给予奖励，对符合条件的项目给予补助。", text);
    }

    [Theory]
    [InlineData("10．积极开展线上促消费活动，")]
    [InlineData("（三）积极培育发展新型消费")]
    [InlineData("四、支持实体经济发展")]
    [InlineData("第五条 本办法自印发之日起施行，")]
    [InlineData("（12）开展专项行动，")]
    public void A_number_mark_at_the_start_of_a_line_opens_a_line_even_after_an_unfinished_sentence(string next)
    {
        // No indents, no spacing: the line above is full and does not end a sentence.
        var text = Join([
            L("9.加大生活服务新场景开发力度，引导和鼓励相关企业", 700, right: Right),
            L("充分利用上级相关专项资金支持政策，积极探索建设一批", 680, right: Right),
            L(next, 660, right: Right),
            L("服务业数字化升级示范项目。", 640),
        ]);

        Assert.Equal($"9.加大生活服务新场景开发力度，引导和鼓励相关企业充分利用上级相关专项资金支持政策，积极探索建设一批\n{next}服务业数字化升级示范项目。", text);
    }

    [Theory]
    [InlineData("29.1%、12.3%，占规上工业的比重", "分别增长")]
    [InlineData("3.5万元的标准给予补贴，按季度拨付", "按每人")]
    public void A_number_followed_by_a_digit_continues_a_sentence_that_did_not_end(string next, string before)
    {
        var text = Join([
            L("战略性新兴产业、高新技术产业增加值" + before, 700, right: Right),
            L(next, 680, right: Right),
            L("到位。", 660),
        ]);

        Assert.Equal($"战略性新兴产业、高新技术产业增加值{before}{next}到位。", text);
    }

    [Fact]
    public void A_number_followed_by_a_digit_after_a_finished_sentence_opens_a_line()
    {
        var text = Join([
            L("7.开展专项行动。（责任单位：区商务局）", 700, right: Right),
            L("8．2023年底前建成公共服务平台。（责任单位：区科技局）", 680),
        ]);

        Assert.Equal("7.开展专项行动。（责任单位：区商务局）\n8．2023年底前建成公共服务平台。（责任单位：区科技局）", text);
    }

    [Fact]
    public void A_centred_heading_stays_on_its_own_line()
    {
        var text = Join([
            L("前言部分的文字一直写到右边的页边距为止，没有结束", 700, right: Right),
            L("三、强化要素保障", 680, left: 154, right: 266),
            L("正文从左边开始写，直到右边的页边距为止，没有结束", 660, right: Right),
            L("的句子接着写。", 640),
        ]);

        Assert.Equal("前言部分的文字一直写到右边的页边距为止，没有结束\n三、强化要素保障\n正文从左边开始写，直到右边的页边距为止，没有结束的句子接着写。", text);
    }

    [Fact]
    public void A_line_in_another_size_or_in_red_is_a_line_of_its_own()
    {
        var text = Join([
            L("临江市人民政府文件", 760, left: 80, right: Right, size: 30, red: true),
            L("临政〔2024〕12号", 720, left: 150, right: 270),
            L("临江市人民政府关于印发促进民营经济发展措施", 690, right: Right, size: 21),
            L("的通知", 660, size: 14),
        ]);

        Assert.Equal("临江市人民政府文件\n临政〔2024〕12号\n临江市人民政府关于印发促进民营经济发展措施\n的通知", text);
    }

    [Fact]
    public void Paragraph_spacing_separates_paragraphs_whose_first_lines_are_not_indented()
    {
        // Lines of a paragraph 20 apart, paragraphs 30 apart; the first paragraph's last line is full.
        var text = Join([
            L("第一段的文字写满了一整行，一直写到右边的页边距", 700, right: Right),
            L("第一段的第二行也写满了，一直写到右边的页边距为止", 680, right: Right),
            L("第二段从左边开始写，没有缩进，也写满了一整行的", 650, right: Right),
            L("文字。", 630),
            L("第三段。", 600),
        ]);

        Assert.Equal("第一段的文字写满了一整行，一直写到右边的页边距第一段的第二行也写满了，一直写到右边的页边距为止\n第二段从左边开始写，没有缩进，也写满了一整行的文字。\n第三段。", text);
    }

    [Fact]
    public void Without_indents_or_spacing_a_full_line_that_ends_a_sentence_or_a_clause_ends_its_paragraph()
    {
        var text = Join([
            L("措施如下，落实到位。（责任单位：市财政局、市商务局）", 700, right: Right),
            L("主办：市发展改革委 督办：市政府办公室", 680),
            L("另一段写满了一行文字而且这一行以句号结束了。", 660, right: Right),
            L("再起一段，这一段不满一行。", 640),
            L("一行写满了但是句子没有写完，下一行接着写这个", 620, right: Right),
            L("句子。", 600),
        ]);

        Assert.Equal("措施如下，落实到位。（责任单位：市财政局、市商务局）\n主办：市发展改革委 督办：市政府办公室\n另一段写满了一行文字而且这一行以句号结束了。\n再起一段，这一段不满一行。\n一行写满了但是句子没有写完，下一行接着写这个句子。", text);
    }

    [Fact]
    public void A_paragraph_going_on_over_a_page_break_is_joined()
    {
        var text = Join(
            Paragraph("第一页的段落从这里开始，", "一直写到页面的最下面一", "行还没有写完", 100).Take(2),
            [L("行还没有写完，翻到下一页接着写。", 700), .. Paragraph("下一页的新段落，缩进两", "个字，写满一行以后换行", "继续。", 680)]);

        Assert.Equal("第一页的段落从这里开始，一直写到页面的最下面一行还没有写完，翻到下一页接着写。\n下一页的新段落，缩进两个字，写满一行以后换行继续。", text);
    }

    [Fact]
    public void Ascii_words_broken_over_lines_keep_a_space()
    {
        var text = Join([L("The measures apply to all enterprises in the", 700, right: Right), L("city from 1 March 2024.", 680, right: 200)]);

        Assert.Equal("The measures apply to all enterprises in the city from 1 March 2024.", text);
    }

    [Theory]
    [InlineData(360, "委、市自然资源和规划局", true)] // 10 pt left, the next line's 委 (14 pt) would not fit
    [InlineData(345, "委、市自然资源和规划局", true)] // 25 pt left: 委 would fit, but 委、 (28 pt) would not
    [InlineData(330, "委、市自然资源和规划局", false)] // 40 pt left: 委、 would have fitted
    [InlineData(345, "市自然资源和规划局", false)] // 25 pt left: 市 would have fitted: a written line end
    [InlineData(340, "2024年底前", true)] // 30 pt left: "2024" (4 × 0.55 em = 31 pt) would not fit
    [InlineData(300, "2024年底前", false)]
    public void A_line_is_wrapped_when_the_next_lines_start_would_not_have_fitted(double lineRight, string next, bool wrapped) =>
        Assert.Equal(wrapped, LineBreaks.Wrapped(L("市卫生健康", 700, right: lineRight), next, Right));

    [Fact]
    public void Running_heads_page_numbers_and_small_browser_headers_are_removed_but_text_that_looks_like_them_is_kept()
    {
        // Each page's text is one line longer than the page before, so the last text line ("2024", a year wrapped
        // onto a line of its own) stands at another height on each page, at the usual distance from the line above.
        List<PdfLine> Page(int n, string last) =>
        [
            L($"11/29/26, 6:35 AM 政策文件", 780, left: 24, right: 360, size: 8),
            L("临江市人民政府公报", 750, left: 170, right: 250, size: 9),
            .. Enumerable.Range(0, n).Select(i => L($"第{n}页的正文第{i + 1}行。", 700 - (i * 20))),
            L(last, 700 - (n * 20)),
            L("2024", 680 - (n * 20)),
            L($"— {n} —", 40, left: 190, right: 230, size: 12),
        ];

        var pages = new List<List<PdfLine>> { Page(1, "2024年3月1日"), Page(2, "2024年4月2日"), Page(3, "临江市人民政府") };
        PageFurniture.Remove(pages, Size);

        Assert.Equal(
            ["第1页的正文第1行。|2024年3月1日|2024", "第2页的正文第1行。|第2页的正文第2行。|2024年4月2日|2024", "第3页的正文第1行。|第3页的正文第2行。|第3页的正文第3行。|临江市人民政府|2024"],
            pages.Select(p => string.Join("|", p.Select(l => l.Text))));
    }

    [Theory]
    [InlineData("区⼈⺠政府", "区人民政府")]
    [InlineData("各有关部⻔", "各有关部门")]
    [InlineData("新购汽⻋", "新购汽车")]
    [InlineData("⻓效机制", "长效机制")]
    [InlineData("⻜机", "飞机")]
    [InlineData("⻛险", "风险")]
    [InlineData("⻝品", "食品")]
    [InlineData("⻢上", "马上")]
    [InlineData("⻥塘", "鱼塘")]
    [InlineData("⻉壳", "贝壳")]
    [InlineData("⻩河", "黄河")]
    [InlineData("⼾籍", "户籍")]
    [InlineData("⾭年", "青年")]
    [InlineData("⿈金", "黄金")]
    [InlineData("⼀、总体要求", "一、总体要求")]
    [InlineData("2022年1月1日―2022年12月31日", "2022年1月1日—2022年12月31日")]
    [InlineData("ﬁle ﬂow", "file flow")]
    [InlineData("\uF9F4\u2F63", "林生")]
    [InlineData("１．（责任单位：市财政局）", "１．（责任单位：市财政局）")] // full-width forms stay as the reader expects them
    [InlineData("民政局、门户、车辆", "民政局、门户、车辆")]
    [InlineData("\u2E80\u2E9A", "\u2E80\u2E9A")] // radicals without an equivalent ideograph stay
    public void Look_alike_characters_become_what_the_page_shows(string extracted, string expected) =>
        Assert.Equal(expected, ExtractedText.Repair(extracted));

    [Fact]
    public void The_radicals_table_maps_every_radical_of_the_supplement_but_two_to_an_ideograph()
    {
        var supplement = ExtractedText.RadicalsSupplement.Where(p => p.Key is >= 0x2E80 and <= 0x2EFF).ToList();

        Assert.Equal(114, supplement.Count); // U+2E81..U+2EF3 less U+2E9A (unassigned); U+2E80 has no equivalent
        Assert.All(supplement, p => Assert.True(char.IsLetter(p.Value, 0) && p.Value != char.ConvertFromUtf32(p.Key), $"U+{p.Key:X4} → {p.Value}"));
        Assert.Equal("民", ExtractedText.RadicalsSupplement[0x2EA0]);
    }

    [Fact]
    public void Look_alikes_are_counted_with_what_they_stand_for()
    {
        var found = ExtractedText.LookAlikes("⺠政局、⺠生、⻔户、⼀、ﬁ");

        Assert.Equal([("⺠", "民", 2), ("⻔", "门", 1), ("⼀", "一", 1)], found);
    }

    [Fact]
    public void A_printed_web_pages_site_around_the_article_is_left_out()
    {
        var pages = new List<List<PdfLine>>
        {
            new[] { "首页", "政务公开", "当前位置：首页>政务公开>政策文件", "临江市人民政府关于印发促进消费若干措施的通知", "索引号：ZC0001 发布日期：2024年3月8日",
                "临江市人民政府关于印发促进消费", "若干措施的通知", "临政〔2024〕6号", "各区人民政府：", "1.开展促销活动。（责任单位：市商务局）" }
                .Select((t, i) => L(t, 700 - (i * 20))).ToList(),
            new[] { "2.发放消费券。（责任单位：市财政局）", "分享到：微信 微博", "相关链接", "关于开展政务公开考核的通知", "版权所有©临江市人民政府" }
                .Select((t, i) => L(t, 700 - (i * 20))).ToList(),
        };

        PrintedWebPage.Trim(pages);

        Assert.Equal(
            "临江市人民政府关于印发促进消费|若干措施的通知|临政〔2024〕6号|各区人民政府：|1.开展促销活动。（责任单位：市商务局）|2.发放消费券。（责任单位：市财政局）",
            string.Join("|", pages.SelectMany(p => p).Select(l => l.Text)));
    }

    [Fact]
    public void A_title_line_coming_again_after_the_addressees_is_not_taken_for_a_web_pages_title()
    {
        // The notice's title line comes again in its first sentence, after the 主送 line that ends with a colon.
        var lines = new[] { "临政〔2024〕6号", "关于印发临江市2024年大力提振", "市场信心促进经济稳定向好政策措施的通知", "各区人民政府，市政府各部门：",
            "市场信心促进经济稳定向好政策措施的通知》（豫政〔2022〕41号），制定本措施。", "1.开展促销活动。（责任单位：市商务局）" };
        var pages = new List<List<PdfLine>> { lines.Select((t, i) => L(t, 700 - (i * 20))).ToList() };

        PrintedWebPage.Trim(pages);

        Assert.Equal(lines, pages[0].Select(l => l.Text));
    }
}
