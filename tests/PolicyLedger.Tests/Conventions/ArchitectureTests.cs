using System.Reflection;
using System.Text.RegularExpressions;
using PolicyLedger.Reading;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Conventions;

/// <summary>Convention tests that keep the architecture honest without review.</summary>
public partial class ArchitectureTests
{
    private static readonly string ReadingSource = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Reading");

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|Environment\.TickCount|Stopwatch\.GetTimestamp")]
    private static partial Regex ClockRead();

    [Fact]
    public void The_reading_library_never_reads_the_clock()
    {
        var offenders = Directory.EnumerateFiles(ReadingSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => ClockRead().IsMatch(File.ReadAllText(f)))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_reading_library_depends_on_no_database_or_file_format_library()
    {
        var references = typeof(PolicyReader).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore") || r.StartsWith("Npgsql")
            || r.StartsWith("DocumentFormat") || r.StartsWith("ClosedXML") || r.StartsWith("UglyToad") || r.StartsWith("AngleSharp"));
    }

    [Fact]
    public void Public_records_of_the_reading_model_are_immutable()
    {
        var mutable = typeof(PolicyReader).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "PolicyLedger.Reading.Syntax")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(mutable);
    }

    /// <summary>Every C# file of every project under src/ (generated files under obj/ left out).</summary>
    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Every_regex_under_src_has_a_timeout_or_is_non_backtracking()
    {
        var files = SourceFiles().ToList();
        Assert.Contains(files, f => f.Contains("PolicyLedger.Tracking", StringComparison.Ordinal)); // every project, not only the reader
        Assert.Contains(files, f => f.Contains("PolicyLedger.Formats", StringComparison.Ordinal));
        var offenders = files.SelectMany(f => RegexWithoutTimeout(File.ReadAllText(f)).Select(o => $"{Path.GetRelativePath(SharedData.RepositoryRoot, f)}: {o}")).ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("[GeneratedRegex(@\"a+\")]", 1)]
    [InlineData("[GeneratedRegex(@\"a+\", RegexOptions.IgnoreCase)]", 1)]
    [InlineData("[GeneratedRegex(@\"a+\", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]", 0)]
    [InlineData("[GeneratedRegex(@\"a+\", RegexOptions.None, 500)]", 0)]
    [InlineData("[GeneratedRegex(@\"a+\", RegexOptions.NonBacktracking)]", 0)]
    [InlineData("var r = new Regex(\"a+\");", 1)]
    [InlineData("var r = new Regex(\"a+\", RegexOptions.None, TimeSpan.FromSeconds(1));", 0)]
    [InlineData("if (Regex.IsMatch(text, \"a+\")) { }", 1)]
    [InlineData("if (Regex.IsMatch(text, \"a+\", RegexOptions.None, TimeSpan.FromSeconds(1))) { }", 0)]
    [InlineData("if (Pattern().IsMatch(text)) { }", 0)]
    public void The_regex_convention_check_finds_what_it_should(string source, int expected) =>
        Assert.Equal(expected, RegexWithoutTimeout(source).Count);

    /// <summary>Regexes in a C# source without a match timeout: generated ones, constructed ones and the static helpers.</summary>
    private static List<string> RegexWithoutTimeout(string text)
    {
        var offenders = new List<string>();
        foreach (Match m in Regex.Matches(text, @"\[GeneratedRegex\((?<args>[^\]]*)\)\]"))
        {
            if (!Regex.IsMatch(m.Groups["args"].Value, @",\s*(\d+|[\w.]*Timeout\w*)\s*$") && !m.Value.Contains("NonBacktracking", StringComparison.Ordinal))
            {
                offenders.Add(m.Value);
            }
        }

        foreach (Match m in Regex.Matches(text, @"(new Regex|\bRegex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches))\([^;{]*"))
        {
            if (!Regex.IsMatch(m.Value, "TimeSpan|NonBacktracking"))
            {
                offenders.Add(m.Value);
            }
        }

        return offenders;
    }
}
