using System.Reflection;
using System.Text.RegularExpressions;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>Convention tests that keep the benefit finder honest without review.</summary>
public sealed partial class ConventionTests
{
    private static readonly string Source = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Benefits");

    private static IEnumerable<(string File, string Text)> SourceFiles() => Directory
        .EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|DateOnly\.FromDateTime|TimeProvider\.System|Environment\.TickCount")]
    private static partial Regex ClockRead();

    [GeneratedRegex(@"\bConsole\.")]
    private static partial Regex Printing();

    /// <summary>Place knowledge lives in rules/places.yaml: no place of the seeds (or of their jurisdictions) in the code.</summary>
    [GeneratedRegex("济源|焦作|三门峡|红旗区|中站区|示范区|新乡|灵宝|温县|孟州|武陟")]
    private static partial Regex SeedPlaces();

    [Fact]
    public void The_benefit_library_never_reads_the_clock() =>
        Assert.Empty(SourceFiles().Where(f => ClockRead().IsMatch(f.Text)).Select(f => f.File));

    [Fact]
    public void The_benefit_library_never_prints() =>
        Assert.Empty(SourceFiles().Where(f => Printing().IsMatch(f.Text)).Select(f => f.File));

    [Fact]
    public void The_benefit_library_names_no_place() =>
        Assert.Empty(SourceFiles().Where(f => SeedPlaces().IsMatch(f.Text)).Select(f => $"{f.File}: {SeedPlaces().Match(f.Text).Value}"));

    [Fact]
    public void The_benefit_library_depends_on_no_database_console_or_file_format_library()
    {
        var references = typeof(BenefitCalculator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || r.StartsWith("Npgsql", StringComparison.Ordinal)
            || r.StartsWith("Spectre", StringComparison.Ordinal) || r.StartsWith("System.CommandLine", StringComparison.Ordinal)
            || r.StartsWith("DocumentFormat", StringComparison.Ordinal) || r.StartsWith("ClosedXML", StringComparison.Ordinal));
    }

    [Fact]
    public void Money_never_passes_through_floating_point() =>
        Assert.Empty(SourceFiles().Where(f => Regex.IsMatch(f.Text, @"\b(double|float)\b")).Select(f => f.File));

    [Fact]
    public void Public_records_of_the_rule_and_result_model_are_immutable()
    {
        var mutable = typeof(BenefitCalculator).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "PolicyLedger.Benefits.Rules" or "PolicyLedger.Benefits.Calculation" or "PolicyLedger.Benefits.Scenarios" or "PolicyLedger.Benefits.Quotes")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(mutable);
    }
}
