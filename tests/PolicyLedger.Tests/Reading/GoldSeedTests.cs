using System.Text.Json;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Reading;

/// <summary>
/// Reads each seed in ../shared/seeds and compares with its hand-checked reading in ../shared/gold: the document
/// elements the gold gives, item count and order, number (or id), headings, the first 12 characters of the task
/// (whitespace removed), and every role's mentions. Prints the figure per seed; requires 100 %.
/// </summary>
public class GoldSeedTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds() =>
    [
        "000_9d4e57dbb9f33d71",
        "001_a1185b48fffa7541",
        "002_1db4aff5efda3015",
        "003_0d2851ec049d1a5f",
        "004_e671b60dfd04a703",
    ];

    [SkippableTheory]
    [MemberData(nameof(Seeds))]
    public void Seed_reads_as_the_gold_reading(string seed)
    {
        SharedData.Require();
        var result = PolicyReader.Default.ReadFile(SharedData.Path("seeds", seed + ".txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", seed + ".json")));
        var score = GoldComparison.Compare(gold.RootElement.GetProperty("documents"), result.Documents);

        output.WriteLine($"{seed}: {score.Correct}/{score.Checked} checks agree ({score.Percent:F2} %), {result.Documents.Sum(d => d.Items.Count)} items read");
        foreach (var miss in score.Misses.Take(40))
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(score.Misses.Count == 0, $"{seed}: {score.Misses.Count} disagreements with the gold reading:\n" + string.Join("\n", score.Misses.Take(40)));
    }
}
