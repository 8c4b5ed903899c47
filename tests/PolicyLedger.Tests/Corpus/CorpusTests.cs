using System.Globalization;
using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Corpus;

/// <summary>
/// Reads every document of each set under tests/corpus (documents from other places, written for this project with a
/// hand-written expected reading, see tests/corpus/README.md) as .txt and as .html, and scores the readings: role F1
/// on (item, role, mention) at least 0.97, quantities and times F1 at least 0.95, for each set and format apart.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const double RoleF1 = 0.97;
    private const double FigureF1 = 0.95;

    private static readonly PolicyReader Reader = new(loader: new SourceLoader([new PlainTextFormat(), .. SourceFormats.All()]));

    public static string Root => Path.Combine(SharedData.RepositoryRoot, "tests", "corpus");

    public static TheoryData<string, string> Sets()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(set!, ".txt");
            data.Add(set!, ".html");
        }

        return data;
    }

    /// <summary>The documents of a set: each .expected.json with the file of the format beside it.</summary>
    public static IReadOnlyList<(string Expected, string File)> Documents(string set, string extension) =>
        Directory.GetFiles(Path.Combine(Root, set), "*.expected.json")
            .Order(StringComparer.Ordinal)
            .Select(e => (e, e[..^".expected.json".Length] + extension))
            .ToList();

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_set_reads_as_its_expected_readings(string set, string extension)
    {
        var documents = Documents(set, extension);
        Assert.True(documents.Count > 0, $"no documents in tests/corpus/{set}");
        CorpusScoreResult? total = null;
        foreach (var (expected, file) in documents)
        {
            Assert.True(File.Exists(file), $"{file} is missing: every expected reading has its .txt and .html (python3 tests/corpus/make-html.py writes the .html)");
            var score = CorpusScore.Score(expected, Reader.ReadFile(file));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)}: items {score.Items.Right}/{score.Items.Expected} (read {score.Items.Read}), roles F1 {score.Roles.F1:F3}, quantities F1 {score.Quantities.F1:F3}, times F1 {score.Times.F1:F3}"));
            total = total is null ? score : total + score;
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{set} {extension}: {documents.Count} documents\n  items      {total!.Items}\n  roles      {total.Roles}\n  implied    {total.Implied}\n  quantities {total.Quantities}\n  times      {total.Times}");
        output.WriteLine(summary);
        foreach (var miss in total.Misses)
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(
            total.Roles.F1 >= RoleF1 && total.Quantities.F1 >= FigureF1 && total.Times.F1 >= FigureF1,
            summary + "\n" + string.Join("\n", total.Misses.Take(60)));
    }
}
