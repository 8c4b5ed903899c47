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

    [Fact]
    public void Every_regex_of_the_reading_library_has_a_timeout_or_is_non_backtracking()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ReadingSource, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"\[GeneratedRegex\((?<args>[^\]]*)\)\]"))
            {
                if (!Regex.IsMatch(m.Groups["args"].Value, @",\s*(\d+|[\w.]*Timeout\w*)\s*$") && !m.Value.Contains("NonBacktracking"))
                {
                    offenders.Add($"{Path.GetFileName(file)}: {m.Value}");
                }
            }

            if (Regex.IsMatch(text, @"new Regex\([^;]*\);") && !Regex.IsMatch(text, @"new Regex\([^;]*(TimeSpan|NonBacktracking)[^;]*\);"))
            {
                offenders.Add($"{Path.GetFileName(file)}: new Regex without a timeout");
            }
        }

        Assert.Empty(offenders);
    }
}
