using PolicyLedger.Cli.Commands;
using PolicyLedger.Formats;

namespace PolicyLedger.Tests.Formats;

/// <summary>(That the reading library stays free of the format packages is checked in Conventions/ArchitectureTests.)</summary>
public class FormatConventionTests
{
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
