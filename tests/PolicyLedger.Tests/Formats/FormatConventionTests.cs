using PolicyLedger.Cli.Commands;
using PolicyLedger.Formats;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Formats;

public class FormatConventionTests
{
    private static readonly string[] FormatPackages = ["DocumentFormat.OpenXml", "UglyToad.PdfPig", "AngleSharp"];

    [Fact]
    public void The_reading_library_stays_free_of_the_format_packages()
    {
        var references = typeof(PolicyReader).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.DoesNotContain(references, name => FormatPackages.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("通知.docx")]
    [InlineData("通知.PDF")]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("notes.txt")]
    public void The_cli_reads_every_format(string fileName) => Assert.True(Readers.Create().Loader.Handles(fileName));

    [Fact]
    public void Every_format_claims_its_own_extensions() =>
        Assert.Equal(
            SourceFormats.All().SelectMany(f => f.Extensions).Count(),
            SourceFormats.All().SelectMany(f => f.Extensions).Distinct(StringComparer.OrdinalIgnoreCase).Count());
}
