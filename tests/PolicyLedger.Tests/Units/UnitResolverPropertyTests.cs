using System.Text.RegularExpressions;
using CsCheck;
using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

public class UnitResolverPropertyTests
{
    private static readonly UnitResolver Resolver = new();

    private static readonly Gen<string> Mention =
        Gen.String[Gen.Char["市区县省委各有关相关等（）()〔〕、 \u3000财政商务局人民政府办公室部门集团公司人行中心支行法院团示范区焦作济源红旗和委员会场监管"], 0, 16];

    private static readonly Gen<string> Jurisdiction = Gen.OneOf<string>("济源", "焦作", "三门峡", "红旗区", "中站区", "金水区", "", "义马");

    [Fact]
    public void Never_throws_and_gives_one_unit_per_mention() =>
        Gen.Select(Jurisdiction, Mention.Array[0, 6]).Sample((j, mentions) =>
        {
            var units = Resolver.ResolveClause(j, mentions);
            Assert.Equal(mentions.Length, units.Count);
            Assert.All(units, u => Assert.Contains('/', u.Key));
        });

    [Fact]
    public void Resolving_alone_equals_the_first_of_a_clause() =>
        Gen.Select(Jurisdiction, Mention, Mention).Sample((j, a, b) =>
            Assert.Equal(Resolver.Resolve(j, a).Key, Resolver.ResolveClause(j, [a, b])[0].Key));

    [Fact]
    public void Whitespace_and_bracket_style_do_not_change_the_unit() =>
        Gen.Select(Jurisdiction, Mention).Sample((j, m) =>
        {
            var respaced = Regex.Replace(m, "(.)", "$1 ").Replace('(', '（').Replace(')', '）').Replace('〔', '（').Replace('〕', '）');
            Assert.Equal(Resolver.Resolve(j, m).Key, Resolver.Resolve(j, respaced).Key);
        });
}

/// <summary>Convention: the unit resolver is pure logic. Only the alias table touches files, and nothing reads the clock.</summary>
public class UnitsConventionTests
{
    [Fact]
    public void Only_the_alias_table_does_io()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Reading", "Units");
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("DateTime.Now", text, StringComparison.Ordinal);
            Assert.DoesNotContain("EntityFrameworkCore", text, StringComparison.Ordinal);
            if (Path.GetFileName(file) != "AliasTable.cs")
            {
                Assert.False(Regex.IsMatch(text, @"\b(File|Directory|FileStream|StreamReader)\."), $"{Path.GetFileName(file)} does I/O");
            }
        }
    }

    [Fact]
    public void Unit_values_are_immutable()
    {
        foreach (var type in new[] { typeof(UnitRef), typeof(ResolvedMention), typeof(AliasEntry), typeof(AliasError), typeof(JurisdictionProfile) })
        {
            Assert.All(type.GetProperties(), p => Assert.True(p.SetMethod is null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{type.Name}.{p.Name} is settable"));
        }
    }
}
