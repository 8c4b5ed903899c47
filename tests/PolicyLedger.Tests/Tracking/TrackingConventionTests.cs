using System.Text.RegularExpressions;
using PolicyLedger.Tests.Support;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>The architecture of tracking, checked: its rules read no clock and know no database.</summary>
public class TrackingConventionTests
{
    [Fact]
    public void The_tracking_library_never_reads_the_wall_clock()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Tracking");
        var forbidden = new Regex(@"DateTime(Offset)?\.(Now|UtcNow|Today)\b|TimeProvider\.System\.|Stopwatch\.");
        var hits = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal) && forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(hits);
    }

    [Fact]
    public void The_tracking_library_knows_no_database()
    {
        var references = typeof(StatusRules).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || r.StartsWith("PolicyLedger.Ledger", StringComparison.Ordinal));
    }

    /// <summary>
    /// The application services never print, never read the clock or the current user, and read no file but the
    /// evidence a form names (EvidenceFolder) — never a source document after import (issue 15, finding 5).
    /// </summary>
    [Fact]
    public void The_services_print_nothing_read_no_clock_no_user_and_no_source_file()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "src", "PolicyLedger.Ledger", "Tracking");
        var forbidden = new Regex(@"Console\.|DateTime(Offset)?\.(Now|UtcNow|Today)\b|TimeProvider\.System|Environment\.UserName|DefaultActor\(|TextDecoder|File\.(Read|Open|Exists)|Directory\.GetFiles");
        var hits = Directory.EnumerateFiles(folder, "*.cs")
            .Where(f => Path.GetFileName(f) is not "EvidenceFolder.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal) && forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(hits);
    }
}
