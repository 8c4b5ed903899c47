using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Conventions;

/// <summary>The figure readers are hand-written scanners: no regular expressions (nothing to backtrack, nothing to
/// time out), and amounts never pass through floating point.</summary>
public sealed class QuantityConventionTests
{
    private static string Source(string file) =>
        File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Reading", "Quantities", file));

    /// <summary>Every file of the figures stage (the readers and the stages they are split into).</summary>
    public static TheoryData<string> FigureFiles() => new(FigureFileNames());

    private static string[] FigureFileNames() =>
        Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Reading", "Quantities"), "*.cs")
            .Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_figures_stage_is_all_there() =>
        Assert.Superset(
            new HashSet<string> { "QuantityReader.cs", "TimeReader.cs", "ChineseNumber.cs", "NumberScanner.cs", "NumberWithUnitReader.cs", "BoundReader.cs", "PerReader.cs", "DatePointReader.cs", "RecurrenceReader.cs" },
            FigureFileNames().ToHashSet());

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Figure_readers_use_no_regular_expressions(string file) =>
        Assert.DoesNotContain("Regex", Source(file), StringComparison.Ordinal);

    /// <summary>The files that compute amounts: every figure file but NumberScanner, whose exponents (1.2e3, for the peer specs' number model) are no amounts.</summary>
    public static TheoryData<string> AmountFiles() => new(FigureFileNames().Where(f => f != "NumberScanner.cs"));

    [Theory]
    [MemberData(nameof(AmountFiles))]
    public void Amounts_never_pass_through_floating_point(string file)
    {
        var source = Source(file);
        Assert.DoesNotContain("double", source, StringComparison.Ordinal);
        Assert.DoesNotContain("float", source, StringComparison.Ordinal);
    }

    /// <summary>A bug in a figure reader must surface at the facade as PL999, not vanish: the only catch allowed is a
    /// figure beyond decimal's range.</summary>
    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Figure_readers_catch_nothing_but_overflow(string file)
    {
        var catches = Regex.Matches(Source(file), @"\bcatch\b\s*(\([^)]*\))?(\s*when\b[^\n]*)?")
            .Select(m => m.Value.Trim()).ToList();
        Assert.All(catches, c => Assert.Equal("catch (OverflowException)", c));
    }

    [Fact]
    public void A_reader_bug_is_reported_as_PL999_naming_the_method_it_was_thrown_in()
    {
        var e = Assert.Throws<IndexOutOfRangeException>(FailingStage);
        var diagnostic = DiagnosticCodes.Internal("reading", e);
        Assert.Equal(DiagnosticCodes.InternalError, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"{nameof(QuantityConventionTests)}.{nameof(FailingStage)}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IndexOutOfRangeException), diagnostic.Message, StringComparison.Ordinal);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void FailingStage()
    {
        int[] none = [];
        _ = none[Environment.ProcessorCount];
    }
}
