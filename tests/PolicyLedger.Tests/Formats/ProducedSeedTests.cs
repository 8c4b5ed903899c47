using System.Text.Json;
using PolicyLedger.Tests.Formats.Producers;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Each seed as a web page printed by Chromium and as a Word file converted by LibreOffice reads like the seed text
/// against ../shared/gold: every item, heading, start and role, and every document element.
/// </summary>
public class ProducedSeedTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "chromium", "000" }, { "chromium", "001" }, { "chromium", "002" }, { "chromium", "003" }, { "chromium", "004" },
        { "libreoffice", "000" }, { "libreoffice", "001" }, { "libreoffice", "002" }, { "libreoffice", "003" }, { "libreoffice", "004" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void A_seed_printed_to_pdf_reads_as_the_gold_reading(string producer, string seed)
    {
        SharedData.Require();
        var index = Array.IndexOf(SeedDocuments.Seeds, seed);
        var pdf = producer == "chromium" ? SeedDocuments.Printed()[index] : SeedDocuments.Converted()[index];
        var name = SeedDocuments.FullName(seed);

        var result = Agreement.Read($"{name}.pdf", pdf);
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", name + ".json")));
        var score = GoldComparison.Compare(gold.RootElement.GetProperty("documents"), result.Documents);

        output.WriteLine($"{producer} {seed}: items {score.ItemsRight}/{score.Items}, elements {score.ElementsRight}/{score.Documents}, checks {score.Correct}/{score.Checked}");
        foreach (var miss in score.Misses.Take(40))
        {
            output.WriteLine("  " + miss);
        }

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.True(score.Misses.Count == 0, $"{producer} {seed}: {score.Misses.Count} disagreements with the gold reading:\n" + string.Join("\n", score.Misses.Take(40)));
    }
}
