using PolicyLedger.Benefits.Quotes;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Tests.Support;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>Every quote of the shipped rules against the seed texts, and a changed text making a quote stale.</summary>
public sealed class QuoteTests
{
    private static readonly string[] Seeds = ["000_9d4e57dbb9f33d71.txt", "001_a1185b48fffa7541.txt", "003_0d2851ec049d1a5f.txt", "004_e671b60dfd04a703.txt"];

    private static DocumentTextIndex SeedTexts()
    {
        var reader = new PolicyReader(new ReadingOptions(), new SourceLoader([new PlainTextFormat()]));
        return DocumentTextIndex.Build(Seeds.SelectMany(s => DocumentSources.From(reader.ReadFile(SharedData.Path("seeds", s)))));
    }

    [SkippableFact]
    public void Every_quote_of_the_shipped_rules_is_in_its_seed_and_in_the_item_it_cites()
    {
        SharedData.Require();
        var report = QuoteChecker.Check(RuleFiles.Rules, SeedTexts());
        Assert.Empty(report.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(0, report.Stale);
        Assert.Equal(0, report.Unchecked);
        Assert.True(report.Checked >= RuleFiles.Rules.Rules.Count(), $"{report.Checked} quotes checked");
    }

    [SkippableFact]
    public void A_quote_no_longer_in_the_current_version_is_stale()
    {
        SharedData.Require();
        var reader = new PolicyReader(new ReadingOptions(), new SourceLoader([new PlainTextFormat()]));
        var path = SharedData.Path("seeds", Seeds[0]);
        var text = File.ReadAllText(path).Replace("5%给予消费者补贴", "3%给予消费者补贴", StringComparison.Ordinal);
        var changed = reader.ReadText("000_changed.txt", text);
        var report = QuoteChecker.Check(RuleFiles.Rules, DocumentTextIndex.Build(DocumentSources.From(changed)));
        var stale = Assert.Single(report.Diagnostics, d => d.Code == "PL801");
        Assert.Contains("购车补贴", stale.Path);
        Assert.Contains("济管〔2023〕19号.yaml", stale.File);
        Assert.True(stale.Line > 0);
        Assert.Equal(1, report.Stale);
    }

    [SkippableFact]
    public void Clause_spans_point_at_the_quote_in_the_original_text()
    {
        SharedData.Require();
        var texts = SeedTexts();
        foreach (var document in RuleFiles.Rules.Documents)
        {
            var source = texts.Find(document)!;
            foreach (var rule in document.Rules)
            {
                var span = texts.Locate(document, rule.Quote)!.Value;
                var original = source.Text.Substring(span.Start, span.Length);

                // The original span, with its page footers (a quote may run across a page break) and whitespace removed.
                var lines = original.Split('\n').Where(l => !TextNormalizer.IsPageFooter(l));
                Assert.Equal(NoSpace(rule.Quote), NoSpace(string.Concat(lines)));
            }
        }
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
