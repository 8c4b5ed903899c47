using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Conventions;

/// <summary>The figure readers are hand-written scanners: no regular expressions (nothing to backtrack, nothing to
/// time out), and amounts never pass through floating point.</summary>
public sealed class QuantityConventionTests
{
    private static string Source(string file) =>
        File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Reading", "Quantities", file));

    [Theory]
    [InlineData("QuantityReader.cs")]
    [InlineData("TimeReader.cs")]
    [InlineData("ChineseNumber.cs")]
    [InlineData("NumberScanner.cs")]
    [InlineData("QuantityWords.cs")]
    public void Figure_readers_use_no_regular_expressions(string file) =>
        Assert.DoesNotContain("Regex", Source(file), StringComparison.Ordinal);

    [Theory]
    [InlineData("QuantityReader.cs")]
    [InlineData("ChineseNumber.cs")]
    public void Amounts_never_pass_through_floating_point(string file)
    {
        var source = Source(file);
        Assert.DoesNotContain("double", source, StringComparison.Ordinal);
        Assert.DoesNotContain("float", source, StringComparison.Ordinal);
    }
}
