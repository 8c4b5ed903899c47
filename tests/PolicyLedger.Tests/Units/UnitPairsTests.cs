using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Units;

/// <summary>
/// Acceptance: ../shared/gold/unit_pairs.json. Every `same` group resolves to one unit and every `different` group
/// to distinct units, each mention resolved in the clauses of the gold reading where it stands.
/// </summary>
public class UnitPairsTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> SameGroups => Groups("same");

    public static TheoryData<string, int> DifferentGroups => Groups("different");

    [SkippableTheory]
    [MemberData(nameof(SameGroups))]
    public void Same_group_resolves_to_one_unit(string doc, int index)
    {
        SharedData.Require();
        var group = GoldUnits.Instance.Same[index];
        Assert.Equal(doc, group.Doc);
        Assert.True(GoldUnits.Instance.IsOne(group), $"same group {index} ({group}) resolves to more than one unit:\n{GoldUnits.Instance.Describe(group)}");
    }

    [SkippableTheory]
    [MemberData(nameof(DifferentGroups))]
    public void Different_group_resolves_to_distinct_units(string doc, int index)
    {
        SharedData.Require();
        var group = GoldUnits.Instance.Different[index];
        Assert.Equal(doc, group.Doc);
        Assert.True(GoldUnits.Instance.IsDistinct(group), $"different group {index} ({group}) shares a unit:\n{GoldUnits.Instance.Describe(group)}");
    }

    [SkippableFact]
    public void Reports_the_figure()
    {
        SharedData.Require();
        var gold = GoldUnits.Instance;
        var same = gold.Same.Count(gold.IsOne);
        var different = gold.Different.Count(gold.IsDistinct);
        var figure = $"unit_pairs: same {same}/{gold.Same.Count} resolve to one unit, different {different}/{gold.Different.Count} to distinct units";
        output.WriteLine(figure);
        Console.WriteLine(figure);
        foreach (var g in gold.Same.Where(g => !gold.IsOne(g)).Concat(gold.Different.Where(g => !gold.IsDistinct(g))))
        {
            output.WriteLine($"FAILED {g}\n{gold.Describe(g)}");
        }

        Assert.Equal(gold.Same.Count + gold.Different.Count, same + different);
    }

    [SkippableFact]
    public void Finds_each_documents_jurisdiction()
    {
        SharedData.Require();
        foreach (var (seed, issuer, found, expected) in GoldUnits.Instance.Jurisdictions.Where(j => j.Gold is not null))
        {
            Assert.True(expected == found, $"{seed} ({issuer}): expected {expected}, found {found}");
        }
    }

    private static TheoryData<string, int> Groups(string kind)
    {
        var data = new TheoryData<string, int>();
        if (!SharedData.Available)
        {
            data.Add("(../shared absent)", -1);
            return data;
        }

        var groups = kind == "same" ? GoldUnits.Instance.Same : GoldUnits.Instance.Different;
        for (var i = 0; i < groups.Count; i++)
        {
            data.Add(groups[i].Doc, i);
        }

        return data;
    }
}
