using PolicyLedger.Reading.Units;

namespace PolicyLedger.Tests.Units;

public class AliasTableTests
{
    private const string Example = """
        # PolicyLedger unit aliases: per jurisdiction, a mention (or a canonical name) → the unit it means.
        济源:
          units:
            市农机局: 农业机械化服务中心
            人民银行济源分行:
              name: 人行济源市中心支行
              kind: outside body
        红旗区:
          units:
            城建局: 住房和城乡建设局
            红开区: { name: 红旗区经济开发区管理委员会, kind: government }
        金水区:
          parent: 郑州市
        新乡:
          units:
            科技局: 科学技术局（知识产权局）
            国土二分局: { name: 自然资源和规划局第二分局, jurisdiction: 新乡 }
        "*":
          units:
            市百城办: { name: 住房和城乡建设局 }
        """;

    private static readonly UnitResolver Resolver = new(AliasTable.Parse(Example, "units.yaml"));

    [Fact]
    public void The_example_has_no_errors() => Assert.Empty(AliasTable.Parse(Example).Errors);

    [Theory]
    [InlineData("红旗区", "城建局", "红旗区/住房城乡建设局", UnitKind.Department)]
    [InlineData("红旗区", "区城建局", "红旗区/住房城乡建设局", UnitKind.Department)]
    [InlineData("红旗区", "住房和城乡建设局", "红旗区/住房城乡建设局", UnitKind.Department)]
    [InlineData("红旗区", "红开区", "红旗区/经济开发区管理委员会", UnitKind.Government)]
    [InlineData("济源", "市农机局", "济源/农业机械化服务中心", UnitKind.Department)]
    [InlineData("济源", "人民银行济源分行", "济源/中国人民银行济源市中心支行", UnitKind.OutsideBody)]
    [InlineData("焦作", "城建局", "焦作/城建局", UnitKind.Department)]
    [InlineData("三门峡", "市百城办", "三门峡/住房城乡建设局", UnitKind.Department)]
    [InlineData("金水区", "市财政局", "郑州/财政局", UnitKind.Department)]
    [InlineData("新乡", "科技局", "新乡/科学技术局", UnitKind.Department)]
    [InlineData("红旗区", "国土二分局", "红旗区/国土二分局", UnitKind.Department)]
    [InlineData("新乡", "国土二分局", "新乡/自然资源规划局第二分局", UnitKind.Department)]
    public void Applies_the_users_resolution(string jurisdiction, string mention, string key, UnitKind kind)
    {
        var unit = Resolver.Resolve(jurisdiction, mention);
        Assert.Equal((key, kind), (unit.Key, unit.Kind));
    }

    [Fact]
    public void A_carried_prefix_finds_the_aliases_of_the_jurisdiction_it_names()
    {
        var explained = Resolver.ExplainClause("红旗区", ["市税务局", "科技局"]);
        Assert.Equal("新乡/科学技术局", explained[1].Unit.Key);
        Assert.Equal("市", explained[1].Carried);
        Assert.True(explained[1].FromAlias);
    }

    [Fact]
    public void Says_which_resolutions_came_from_the_alias_file()
    {
        var explained = Resolver.ExplainClause("红旗区", ["区财政局", "城建局"]);
        Assert.False(explained[0].FromAlias);
        Assert.True(explained[1].FromAlias);
    }

    [Fact]
    public void The_example_in_docs_units_md_reads_without_errors()
    {
        var doc = File.ReadAllText(Path.Combine(PolicyLedger.Tests.Support.SharedData.RepositoryRoot, "docs", "units.md"));
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/units.md has no yaml example");
        start += "```yaml\n".Length;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var table = AliasTable.Parse(yaml, "docs/units.md");
        Assert.Empty(table.Errors);
        var resolver = new UnitResolver(table);
        Assert.Equal("济源/中国人民银行济源市中心支行", resolver.Resolve("济源", "人民银行济源分行").Key);
        Assert.Equal("郑州/财政局", resolver.Resolve("金水区", "市财政局").Key);
    }

    [Fact]
    public void An_empty_file_is_an_empty_table()
    {
        var table = AliasTable.Parse("# nothing yet\n");
        Assert.Empty(table.Errors);
        Assert.Equal(0, table.Count);
    }

    [Theory]
    [InlineData("济源:\n  units:\n    商务局: [发展改革和统计局\n", 4, "not valid YAML")]
    [InlineData("济源:\n  units:\n    商务局:\n      name: 发展改革和统计局\n      kind: bureau\n", 5, "unknown kind 'bureau'")]
    [InlineData("济源:\n  unit:\n    商务局: 发展改革和统计局\n", 2, "unknown field 'unit'")]
    [InlineData("济源:\n  units:\n    商务局:\n      nmae: 发展改革和统计局\n", 4, "unknown field 'nmae'")]
    [InlineData("济源:\n  units:\n    商务局:\n      kind: department\n    财政局: [a, b]\n", 5, "expected a name")]
    [InlineData("- 济源\n", 1, "expected a mapping of jurisdictions")]
    [InlineData("济源:\n  units:\n    商务局: 发展改革和统计局\n    商务局: 财政局\n", 4, "not valid YAML")]
    [InlineData("济源:\n  prefixes: 示范区\n", 2, "prefixes: expects a list")]
    public void Reports_errors_with_file_and_line(string yaml, int line, string message)
    {
        var table = AliasTable.Parse(yaml, "aliases/units.yaml");
        var error = Assert.Single(table.Errors);
        Assert.Equal("aliases/units.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"aliases/units.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_can_be_read_still_applies_beside_an_error()
    {
        var table = AliasTable.Parse("红旗区:\n  units:\n    城建局: 住房和城乡建设局\n    残联: { name: 残疾人联合会, kind: union }\n", "units.yaml");
        Assert.Single(table.Errors);
        Assert.Equal("红旗区/住房城乡建设局", new UnitResolver(table).Resolve("红旗区", "城建局").Key);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml");
        var table = AliasTable.Load(path);
        var error = Assert.Single(table.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Loads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "焦作:\n  units:\n    城建局: { name: 住房和城乡建设局, kind: ministry }\n");
        try
        {
            var table = AliasTable.Load(path);
            Assert.Equal($"{path}:3:", table.Errors.Single().ToString()[..($"{path}:3:".Length)]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
