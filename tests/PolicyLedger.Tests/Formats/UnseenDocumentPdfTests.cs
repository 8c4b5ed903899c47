using System.Text.Json;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Formats.Producers;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Documents the PDF reading was not written against: every web page under tests/corpus (whatever is there when the
/// test runs; each <c>X.html</c> with its hand-written reading <c>X.expected.json</c> in the format of ../shared/gold)
/// printed to PDF by Chromium reads with the same role F1 — on (document, item, role, mention) — as the page itself.
/// </summary>
public class UnseenDocumentPdfTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Web_pages_of_the_corpus_printed_to_pdf_read_with_the_role_F1_of_the_pages()
    {
        var root = Path.Combine(SharedData.RepositoryRoot, "tests", "corpus");
        var pages = Directory.Exists(root)
            ? Directory.GetFiles(root, "*.html", SearchOption.AllDirectories).Where(f => File.Exists(Expected(f))).Order(StringComparer.Ordinal).ToList()
            : [];
        Skip.If(pages.Count == 0, "SKIPPED: no web page with an .expected.json under tests/corpus yet");
        PdfProducers.RequireChromium();

        var html = new RoleScore();
        var pdf = new RoleScore();
        var differing = new List<string>();
        foreach (var page in pages)
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Expected(page)));
            var gold = RoleScore.Triples(expected.RootElement.GetProperty("documents"));
            var fromPage = Agreement.Read(Path.GetFileName(page), File.ReadAllBytes(page));
            var fromPdf = Agreement.Read(Path.ChangeExtension(Path.GetFileName(page), ".pdf"), PdfProducers.PrintFile(page));
            var one = new RoleScore().Add(gold, RoleScore.Triples(fromPage));
            var other = new RoleScore().Add(gold, RoleScore.Triples(fromPdf));
            html.Add(gold, RoleScore.Triples(fromPage));
            pdf.Add(gold, RoleScore.Triples(fromPdf));
            var name = Path.GetRelativePath(root, page);
            output.WriteLine($"{name}: role F1 html {one.F1:F3}, pdf {other.F1:F3}");
            if (Math.Abs(one.F1 - other.F1) > 1e-9)
            {
                differing.Add($"{name}: html {one.F1:F3} pdf {other.F1:F3}; in the html reading only: {string.Join(" ", RoleScore.Triples(fromPage).Except(RoleScore.Triples(fromPdf)).Take(5))}; in the pdf reading only: {string.Join(" ", RoleScore.Triples(fromPdf).Except(RoleScore.Triples(fromPage)).Take(5))}");
            }
        }

        output.WriteLine($"{pages.Count} pages: role F1 html {html.F1:F3} (P {html.Precision:F3}, R {html.Recall:F3}), pdf {pdf.F1:F3} (P {pdf.Precision:F3}, R {pdf.Recall:F3})");
        Assert.True(differing.Count == 0, $"{differing.Count} of {pages.Count} pages read differently as PDF:\n" + string.Join("\n", differing));
    }

    private static string Expected(string page) => Path.ChangeExtension(page, null) + ".expected.json";
}

/// <summary>Precision, recall and F1 of (document, item, role, mention) against a hand-written reading in the gold format.</summary>
internal sealed class RoleScore
{
    public int Gold { get; private set; }

    public int Read { get; private set; }

    public int Right { get; private set; }

    public double Precision => Read == 0 ? 1 : (double)Right / Read;

    public double Recall => Gold == 0 ? 1 : (double)Right / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public RoleScore Add(IReadOnlyCollection<string> gold, IReadOnlyCollection<string> read)
    {
        Gold += gold.Count;
        Read += read.Count;
        Right += read.Intersect(gold).Count();
        return this;
    }

    /// <summary>The gold reading's triples: an item is named by its number (n), else its id.</summary>
    public static IReadOnlyCollection<string> Triples(JsonElement documents) =>
        documents.EnumerateArray().SelectMany((d, i) => d.TryGetProperty("item_list", out var items)
            ? items.EnumerateArray().SelectMany(item =>
            {
                var key = item.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : item.TryGetProperty("id", out var id) ? id.GetString() : "?";
                return item.GetProperty("roles").EnumerateObject().SelectMany(r => r.Value.EnumerateArray().Select(m => $"{i}|{key}|{r.Name}|{m.GetString()}"));
            })
            : []).ToHashSet();

    public static IReadOnlyCollection<string> Triples(ReadResult result) =>
        result.Documents.SelectMany((d, i) => d.Items.SelectMany(item => item.Roles.Select(r =>
            $"{i}|{item.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? item.Id}|{ReadResultJson.RoleName(r.Role)}|{r.Mention}"))).ToHashSet();
}
