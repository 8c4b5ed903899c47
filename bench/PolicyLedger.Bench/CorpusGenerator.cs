using System.Globalization;
using System.Text;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Bench;

/// <summary>
/// Generates policy documents in the styles of the seeds, deterministically (the same seed gives the same texts):
/// a 公文 head (文号, 发文机关, 标题, 主送, 成文日期), 一、/（一） headings, and numbered items whose responsibility
/// clauses are written as in 000 (牵头单位：…，责任单位：…), 001/004 (责任单位：…) or 003 (主要任务N： / 责任单位： / 配合单位：).
/// </summary>
public static class CorpusGenerator
{
    private static readonly (string Place, string Prefix, string Issuer, string Mark)[] Places =
    [
        ("济源示范区", "示范区", "济源产城融合示范区管理委员会", "济管"),
        ("焦作市", "市", "焦作市人民政府", "焦政"),
        ("红旗区", "区", "新乡市红旗区人民政府", "红政"),
        ("三门峡市", "市", "三门峡市人民政府", "三政"),
        ("中站区", "区", "焦作市中站区人民政府", "中政"),
    ];

    private static readonly string[] Departments =
    [
        "发展改革委", "财政局", "商务局", "工业和信息化局", "人力资源社会保障局", "住房城乡建设局", "自然资源规划局", "交通运输局",
        "农业农村局", "文化广电旅游局", "卫生健康委", "市场监管局", "教育局", "科技局", "民政局", "生态环境局", "应急管理局", "金融局",
        "政务和大数据局", "城市管理局", "税务局", "统计局", "审计局", "机关事务管理局",
    ];

    private static readonly string[] Outside = ["人行中心支行", "供电公司", "邮政管理局", "各县（市、区）政府", "各镇人民政府", "各街道办事处", "总工会", "团委"];

    private static readonly string[] Sections = ["全面释放消费潜力", "稳定扩大有效投资", "助力企业纾困发展", "保障重点民生", "优化营商环境", "推动产业转型升级"];

    private static readonly string[] Subsections = ["持续恢复传统消费", "加快培育新型消费", "加大项目建设力度", "强化要素保障", "落实减税降费政策", "加强就业帮扶"];

    private static readonly string[] Tasks =
    [
        "对新购汽车按购车价格的{0}%给予消费者补贴，最高不超过{1}元/台",
        "全年新增城镇就业{2}人以上，城镇调查失业率控制在{0}%以内",
        "对年度纳税额首次突破{1}万元的企业，给予一次性奖励{2}万元",
        "{3}年{4}月底前完成老旧小区改造{2}个，惠及居民{1}户",
        "开展消费券发放活动，为符合条件的城乡低保对象每人发放{2}元消费券",
        "对新获评国家高新技术企业的，给予{2}万元奖励，政策有效期至{3}年12月31日",
        "加快公共领域车辆电动化替代，完善公用充电基础设施布局，新建充电桩{2}个",
        "落实增值税留抵退税政策，{3}年内为企业办理退税{1}万元",
    ];

    public static IEnumerable<(string Name, string Text)> Generate(int count, int seed = 20230119)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            yield return ($"{n:D5}.txt", Document(random, n));
        }
    }

    /// <summary>Writes <paramref name="count"/> documents into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, int count, int seed = 20230119)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        foreach (var (name, text) in Generate(count, seed))
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            paths.Add(path);
        }

        return paths;
    }

    private static string Document(Random random, int n)
    {
        var place = Places[random.Next(Places.Length)];
        var year = 2022 + random.Next(3);
        var style = random.Next(3);
        var items = 8 + random.Next(33);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{place.Mark}〔{year}〕{n % 97 + 1}号\n\n{place.Issuer}\n");
        text.Append(CultureInfo.InvariantCulture, $"关于印发{place.Place}{year}年第{n + 1}批重点工作任务分解方案的通知\n\n");
        text.Append("各县（市、区）人民政府，各有关部门：\n\n");
        text.Append(CultureInfo.InvariantCulture, $"现将《{place.Place}{year}年重点工作任务分解方案》印发给你们，请认真贯彻执行。\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{year}年{1 + random.Next(12)}月{1 + random.Next(28)}日\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{place.Place}{year}年重点工作任务分解方案\n\n");
        text.Append("为推动经济运行整体好转，根据《河南省人民政府关于印发大力提振市场信心促进经济稳定向好政策措施的通知》（豫政〔2022〕41号），制定本方案。\n\n");
        var section = 0;
        for (var i = 1; i <= items; i++)
        {
            if (i == 1 || random.Next(8) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Chinese(++section)}、{Sections[random.Next(Sections.Length)]}\n\n");
                text.Append(CultureInfo.InvariantCulture, $"（一）{Subsections[random.Next(Subsections.Length)]}\n\n");
            }

            var task = string.Format(CultureInfo.InvariantCulture, Tasks[random.Next(Tasks.Length)], 1 + random.Next(30), 1000 * (1 + random.Next(50)), 10 * (1 + random.Next(90)), year, 3 * (1 + random.Next(4)));
            var lead = place.Prefix + Departments[random.Next(Departments.Length)];
            var others = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Departments[random.Next(Departments.Length)]).Distinct().ToList();
            var responsible = place.Prefix + string.Join("、", others);
            var cooperating = string.Join("、", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(3) == 0 ? Outside[random.Next(Outside.Length)] : place.Prefix + Departments[random.Next(Departments.Length)]).Distinct());
            switch (style)
            {
                case 0:
                    text.Append(CultureInfo.InvariantCulture, $"{i}.{task}。（牵头单位：{lead}，责任单位：{responsible}）\n\n");
                    break;
                case 1:
                    text.Append(CultureInfo.InvariantCulture, $"{i}．{task}。（责任单位：{responsible}）\n\n");
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"主要任务{Chinese(i)}：{task}。\n\n责任单位：{responsible}。\n\n配合单位：{cooperating}。\n\n");
                    break;
            }
        }

        return text.ToString();
    }

    private static string Chinese(int n) => ChineseNumerals.Format(n);
}
