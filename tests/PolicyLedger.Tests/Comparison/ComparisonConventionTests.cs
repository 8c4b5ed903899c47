using System.Text.RegularExpressions;
using PolicyLedger.Comparison;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Comparison;

/// <summary>The comparison library stays a library: no database, no clock, no console, no place names in its code.</summary>
[Collection(ComparisonCollection.Name)]
public partial class ComparisonConventionTests
{
    private static readonly string Source = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Comparison");

    private static IEnumerable<(string File, string Text)> Files() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    [Fact]
    public void It_references_no_database_library()
    {
        var references = typeof(ComparisonService).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("PolicyLedger.Ledger", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|Console\.|Environment\.GetEnvironmentVariable|File\.Read")]
    private static partial Regex Forbidden();

    [Fact]
    public void It_reads_no_clock_no_console_no_environment_and_no_file()
    {
        Assert.Empty(Files().Where(f => Forbidden().IsMatch(f.Text)).Select(f => f.File));
    }

    [GeneratedRegex("济源|焦作|三门峡|红旗区|中站区|示范区|河南")]
    private static partial Regex PlaceNames();

    [Fact]
    public void Its_code_names_no_place()
    {
        Assert.Empty(Files().Where(f => PlaceNames().IsMatch(f.Text)).Select(f => f.File));
    }
}
