using System.Text.RegularExpressions;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Conventions;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

/// <summary>The data shipped with the program (Units/Data/places.yaml and names.yaml), how the user's alias files add to it, and that code holds no place.</summary>
public sealed partial class BuiltInDataTests
{
    [Fact]
    public void The_built_in_places_read_without_errors_and_each_has_a_level()
    {
        var places = BuiltInData.Places;
        Assert.Empty(places.Errors);
        var names = places.JurisdictionNames.ToList();
        Assert.True(names.Count >= 20, $"{names.Count} places");
        Assert.All(names, n => Assert.NotNull(places.SettingsFor(n)?.Level));
        Assert.DoesNotContain(places.JurisdictionNames, n => places.Find(n, "财政局") is not null); // places, no unit aliases
    }

    [Fact]
    public void Every_parent_in_the_built_in_places_is_a_place_there_at_a_higher_level()
    {
        var places = BuiltInData.Places;
        foreach (var name in places.JurisdictionNames)
        {
            if (places.SettingsFor(name)!.Parent is { } parent)
            {
                var parentLevel = places.SettingsFor(parent)?.Level;
                Assert.True(parentLevel is not null && parentLevel < places.SettingsFor(name)!.Level, $"{name}: parent {parent} is {parentLevel?.ToString() ?? "unknown"}");
            }
        }
    }

    [Fact]
    public void The_name_lexicon_reads_and_its_abbreviations_are_shorter_than_what_they_stand_for()
    {
        var names = BuiltInData.Names;
        Assert.True(names.Departments.Count >= 60 && names.Abbreviations.Count >= 40, $"{names.Departments.Count} departments, {names.Abbreviations.Count} abbreviations");
        Assert.All(names.Abbreviations, a => Assert.True(a.Key.Length <= a.Value.Length, $"{a.Key} → {a.Value}"));
        Assert.Equal(names.Departments.Count, names.Departments.Distinct().Count());
    }

    [Fact]
    public void A_broken_lexicon_is_refused_with_the_key_named() =>
        Assert.Contains("'nmaes'", Assert.Throws<InvalidDataException>(() => BuiltInData.ReadLexicon("nmaes: [a]\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_user_alias_file_adds_to_a_built_in_place_and_wins_where_both_speak()
    {
        var builtIn = new UnitResolver();
        var user = new UnitResolver(AliasTable.Parse("红旗区:\n  parent: 卫辉\n  prefixes: [红开区]\n"));
        Assert.Equal("新乡", builtIn.ProfileOf("红旗区").Parent);
        Assert.Equal("卫辉", user.ProfileOf("红旗区").Parent);
        Assert.Contains("红开区", user.ProfileOf("红旗区").SelfPrefixes);
        Assert.Contains("区", user.ProfileOf("红旗区").SelfPrefixes); // the built-in and generic prefixes stay
        Assert.Equal("卫辉/财政局", user.Resolve("红旗区", "市财政局").Key);
    }

    [Fact]
    public void A_user_file_teaches_a_new_place_its_names_marks_level_and_party_marks()
    {
        const string yaml = """
            金山:
              level: city
              parent: 福建
              names: [金山湾示范区]
              prefixes: [示范区]
              party-marks: [党工委]
              number-marks: [金管]
            福建:
              level: province
              number-marks: [闽政]
            """;
        var table = AliasTable.Parse(yaml, "places.yaml");
        Assert.Empty(table.Errors);
        var resolver = new UnitResolver(table);
        Assert.Equal("金山", resolver.JurisdictionOf(Doc(issuer: "金山湾示范区管理委员会")));
        Assert.Equal("金山", resolver.JurisdictionOf(Doc(number: "金管〔2024〕1号")));
        Assert.Equal("福建", resolver.JurisdictionOf(Doc(number: "闽政〔2024〕3号")));
        Assert.Equal("金山/财政局", resolver.Resolve("金山", "示范区财政局").Key);
        Assert.Equal("金山/市委组织部", resolver.Resolve("金山", "示范区党工委组织部").Key);
        Assert.Equal("福建/财政厅", resolver.Resolve("金山", "省财政厅").Key);
    }

    [Theory]
    [InlineData("某地:\n  level: village\n", 2, "unknown level 'village'")]
    [InlineData("某地:\n  names: 某地新区\n", 2, "names: expects a list")]
    [InlineData("某地:\n  number-marks: [\"\"]\n", 2, "each entry must be text")]
    [InlineData("某地:\n  levle: city\n", 2, "unknown field 'levle'")]
    public void A_bad_place_entry_is_named_with_its_line(string yaml, int line, string message)
    {
        var error = Assert.Single(AliasTable.Parse(yaml, "places.yaml").Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_one_place_may_give_its_level_and_marks()
    {
        var table = AliasTable.Parse("level: county\nnumber-marks: [云政]\n", "云岭县.yaml");
        Assert.Empty(table.Errors);
        Assert.Equal(JurisdictionLevel.County, table.SettingsFor("云岭县")!.Level);
        Assert.Equal("云岭县", new UnitResolver(table).JurisdictionOf(Doc(number: "云政〔2024〕1号")));
    }

    [Fact]
    public void The_ledger_fingerprint_names_the_rules_the_built_in_data_and_the_aliases()
    {
        var plain = new ResolverUnitResolution();
        Assert.Contains(UnitResolver.RulesVersion, plain.Fingerprint, StringComparison.Ordinal);
        Assert.Contains(UnitResolver.DataFingerprint, plain.Fingerprint, StringComparison.Ordinal);
        Assert.NotEqual(plain.Fingerprint, new ResolverUnitResolution(AliasTable.Parse("某地:\n  level: city\n")).Fingerprint);
    }

    /// <summary>
    /// Knowledge about places is data: no place, other name or document-number mark of the built-in places appears in
    /// the code of any project under src/ (comments may use them as examples).
    /// </summary>
    [Fact]
    public void No_place_of_the_data_is_written_in_code()
    {
        var places = BuiltInData.Places;
        var words = places.JurisdictionNames
            .SelectMany(j => new[] { j }.Concat(places.SettingsFor(j)!.Names).Concat(places.SettingsFor(j)!.NumberMarks))
            .Where(w => w.Length >= 2)
            .Distinct()
            .ToList();
        var offenders = ArchitectureTests.SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Code: CodeOf(line))))
            .Where(l => words.Any(w => l.Code.Contains(w, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(SharedData.RepositoryRoot, l.File)}:{l.Line}: {l.Code.Trim()}")
            .ToList();
        Assert.True(words.Count >= 25, $"{words.Count} words");
        Assert.Empty(offenders);
    }

    /// <summary>A line without its comment (// … and /// …; a // inside a string is rare enough in this code base).</summary>
    private static string CodeOf(string line)
    {
        var at = line.IndexOf("//", StringComparison.Ordinal);
        return at >= 0 && !Url().IsMatch(line) ? line[..at] : line;
    }

    [GeneratedRegex("https?://")]
    private static partial Regex Url();

    private static PolicyDocument Doc(string? issuer = null, string? number = null) => new()
    {
        Span = default,
        Issuer = issuer is null ? null : new Located<string>(issuer, default),
        DocNumber = number is null ? null : new Located<string>(number, default),
    };
}
