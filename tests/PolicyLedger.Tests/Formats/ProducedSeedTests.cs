using System.Text.Json;
using PolicyLedger.Formats;
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

    /// <summary>
    /// The radicals Chromium's text layer holds instead of the ideographs on the page (Noto CJK maps one glyph to both),
    /// counted per seed, are all mapped back: the text read holds none of them and each is read as what it stands for.
    /// </summary>
    [SkippableTheory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Radicals_in_a_printed_seed_are_read_as_the_ideographs_the_page_shows(string seed)
    {
        SharedData.Require();
        var pdf = SeedDocuments.Printed()[Array.IndexOf(SeedDocuments.Seeds, seed)];
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var layer = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        var found = ExtractedText.LookAlikes(layer);

        var text = Agreement.Read($"{seed}.pdf", pdf).Text;

        var supplement = found.Where(f => f.LookAlike[0] is >= '\u2E80' and <= '\u2EFF').ToList();
        output.WriteLine($"{seed}: {found.Sum(f => f.Count)} look-alikes of {found.Count} kinds, of them CJK Radicals Supplement {supplement.Sum(f => f.Count)} of {supplement.Count} kinds: {string.Join(" ", found.Select(f => $"{f.LookAlike}→{f.Meant}×{f.Count}"))}");
        Assert.NotEmpty(found); // the font does map glyphs to radicals, or this test proves nothing
        Assert.Empty(ExtractedText.LookAlikes(text));
        var seedText = SeedDocuments.Text(seed);
        Assert.All(found, f => Assert.Contains(f.Meant, seedText, StringComparison.Ordinal));
    }
}
