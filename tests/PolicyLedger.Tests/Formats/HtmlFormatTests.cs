using System.Text;
using PolicyLedger.Formats;

namespace PolicyLedger.Tests.Formats;

public class HtmlFormatTests
{
    private const string Body = """
        关于印发促进消费若干措施的通知
        各县（市、区）人民政府，市人民政府各部门：
        现将《促进消费若干措施》印发给你们，请认真贯彻落实。
        一、全面释放消费潜力
        （一）促进大宗商品消费
        1.对新购汽车按购车价格的5%给予消费者补贴，最高不超过10000元/台。（责任单位：市财政局、商务局）
        2.完善充电基础设施建设，支持“新能源”汽车企业发展。（牵头单位：市发展改革委；配合单位：市交通运输局）
        3.开展文旅消费季活动。（责任单位：市文化广电和旅游局）
        """;

    /// <summary>A page in the shape of gov.cn's policy pages: menus, a metadata table, the article in #UCAP-CONTENT, a footer.</summary>
    private const string GovPage = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>关于印发促进消费若干措施的通知_政策文件</title>
        <script>var menu = "首页 政策 互动";</script><style>.x{color:red}</style></head>
        <body>
        <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li>政策</li><li>互动</li></ul></div>
        <div class="BreadcrumbNav">首页 &gt; 政策 &gt; 政策文件</div>
        <table class="policyLibraryOverview_header"><tr><td>索引号：</td><td>000014349/2023-00012</td></tr></table>
        <div class="article">
          <h1>关于印发促进消费若干措施的通知</h1>
          <div class="pages-date">2023-01-20 16:00 来源：市政府办公室</div>
          <div id="UCAP-CONTENT" class="pages_content">
            <p style="text-align:center">关于印发促进消费若干措施的通知</p>
            <p>各县（市、区）人民政府，市人民政府各部门：</p>
            <p>&nbsp;&nbsp;&nbsp;&nbsp;现将《促进消费若干措施》印发给你们，
               请认真贯彻落实。</p>
            <p><strong>一、全面释放消费潜力</strong><br/>（一）促进大宗商品消费</p>
            <p>　　1.对新购汽车按购车价格的5%给予消费者补贴，最高不超过10000元/台。（责任单位：市财政局、商务局）</p>
            <p>　　2.完善充电基础设施建设，支持&ldquo;新能源&rdquo;汽车企业发展。（牵头单位：市发展改革委；配合单位：市交通运输局）</p>
            <p>　　3.开展文旅消费季活动。（责任单位：<span>市文化广电和旅游局</span>）</p>
            <script>document.write("统计代码");</script>
          </div>
          <div class="share">分享到：微信 微博</div>
        </div>
        <div class="footer">主办单位：焦作市人民政府办公室 网站标识码 4108000001</div>
        </body></html>
        """;

    [Fact]
    public void The_article_body_of_a_government_page_is_read_without_menus_footers_or_scripts()
    {
        var text = new HtmlFormat().Load("page.html", new MemoryStream(Encoding.UTF8.GetBytes(GovPage))).Text;

        Assert.Equal(Body, text);
    }

    [Fact]
    public void A_page_reads_to_the_same_items_and_roles_as_the_same_text() =>
        Agreement.AssertSameReading(Agreement.ReadText(Body), Agreement.Read("page.html", Encoding.UTF8.GetBytes(GovPage)));

    [Fact]
    public void A_gb2312_page_without_a_known_container_is_found_by_its_paragraphs()
    {
        const string page = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
            <div id="menu"><a>网站首页</a><a>信息公开</a></div>
            <div class="left"><p>相关链接</p></div>
            <div class="main-box"><p>一、总体要求</p><p>1.加快建设。（责任单位：县发展改革委）</p><p>2.强化保障。（责任单位：县财政局）</p></div>
            <div id="bottom"><p>版权所有</p></div>
            </body></html>
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB2312").GetBytes(page);

        var source = new HtmlFormat().Load("page.htm", new MemoryStream(bytes));

        Assert.Equal("一、总体要求\n1.加快建设。（责任单位：县发展改革委）\n2.强化保障。（责任单位：县财政局）", source.Text);
    }

    [Fact]
    public void Ordered_lists_get_their_numbers_and_task_tables_their_items()
    {
        const string page = """
            <html><body><div class="TRS_Editor">
            <p>一、重点任务</p>
            <ol><li>加快建设。（责任单位：县发展改革委）</li><li>强化保障。（责任单位：县财政局）</li></ol>
            <table><tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
            <tr><td>3</td><td>新增就业3000人</td><td rowspan="2">县人社局</td></tr>
            <tr><td>4</td><td>开展技能培训</td></tr></table>
            </div></body></html>
            """;

        var text = new HtmlFormat().Load("page.html", new MemoryStream(Encoding.UTF8.GetBytes(page))).Text;

        Assert.Equal("一、重点任务\n1.加快建设。（责任单位：县发展改革委）\n2.强化保障。（责任单位：县财政局）\n3.新增就业3000人（责任单位：县人社局）\n4.开展技能培训（责任单位：县人社局）", text);
    }

    [Fact]
    public void An_article_laid_out_in_a_table_keeps_its_paragraphs()
    {
        const string page = """
            <html><body><table class="top"><tr><td><a>首页</a></td><td><a>政务公开</a></td></tr></table>
            <div id="zoom"><table width="100%"><tr><td>
            <p>一、重点任务</p><p>1.加快建设。（责任单位：县发展改革委）</p><p>2.强化保障。（责任单位：县财政局）</p>
            </td></tr></table></div></body></html>
            """;

        var text = new HtmlFormat().Load("page.html", new MemoryStream(Encoding.UTF8.GetBytes(page))).Text;

        Assert.Equal("一、重点任务\n1.加快建设。（责任单位：县发展改革委）\n2.强化保障。（责任单位：县财政局）", text);
    }

    [Fact]
    public void The_title_above_the_article_opens_the_text_when_the_article_lacks_it()
    {
        const string page = """
            <html><body><div class="article"><h1 class="share-title">国务院办公厅关于
              进一步优化支付服务提升支付便利性的意见</h1>
            <div id="UCAP-CONTENT"><p>国办发〔2024〕10号</p><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
            <p>一、总体要求</p></div></div></body></html>
            """;

        var text = new HtmlFormat().Load("page.html", new MemoryStream(Encoding.UTF8.GetBytes(page))).Text;

        Assert.Equal("国务院办公厅关于进一步优化支付服务提升支付便利性的意见\n国办发〔2024〕10号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、总体要求", text);
    }
}
