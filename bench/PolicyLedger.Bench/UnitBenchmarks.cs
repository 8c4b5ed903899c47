using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Bench;

/// <summary>
/// Resolving the units of every responsibility clause of the gold readings (../shared/gold), single thread, a new
/// resolver each run (as an import does). The baseline only cleans each mention, so the ratio says what the rules cost.
/// Without ../shared the clauses of the unit spec (tests/…/Specs/units/resolution.json) are used.
/// </summary>
[MemoryDiagnoser]
public class UnitBenchmarks
{
    private IReadOnlyList<(string Jurisdiction, string[] Mentions)> _clauses = [];

    [GlobalSetup]
    public void Setup()
    {
        _clauses = LoadClauses();
        Console.WriteLine($"// clauses: {_clauses.Count}, mentions: {_clauses.Sum(c => c.Mentions.Length)}");
    }

    [Benchmark(Baseline = true)]
    public int CleanOnly()
    {
        var n = 0;
        foreach (var (_, mentions) in _clauses)
        {
            foreach (var m in mentions)
            {
                n += MentionText.Clean(m).Length;
            }
        }

        return n;
    }

    [Benchmark]
    public int ResolveAll()
    {
        var resolver = new UnitResolver();
        var n = 0;
        foreach (var (jurisdiction, mentions) in _clauses)
        {
            n += resolver.ResolveClause(jurisdiction, mentions).Count;
        }

        return n;
    }

    /// <summary>The gold readings' clauses with their documents' jurisdictions (else the unit spec's clauses).</summary>
    internal static List<(string, string[])> LoadClauses()
    {
        var root = Corpus.RepositoryRoot();
        var gold = Path.GetFullPath(Path.Combine(root, "..", "shared", "gold"));
        var clauses = new List<(string, string[])>();
        if (Directory.Exists(gold))
        {
            foreach (var file in Directory.EnumerateFiles(gold, "0*.json").Order(StringComparer.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
                {
                    var jurisdiction = doc.TryGetProperty("jurisdiction", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString()! : string.Empty;
                    if (!doc.TryGetProperty("item_list", out var items) || items.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var item in items.EnumerateArray())
                    {
                        if (item.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Object)
                        {
                            clauses.Add((jurisdiction, roles.EnumerateObject().SelectMany(r => r.Value.EnumerateArray().Select(m => m.GetString()!)).ToArray()));
                        }
                    }
                }
            }

            return clauses;
        }

        var spec = Path.Combine(root, "tests", "PolicyLedger.Tests", "Specs", "units", "resolution.json");
        using var specJson = JsonDocument.Parse(File.ReadAllText(spec));
        foreach (var c in specJson.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.TryGetProperty("clause", out var clause))
            {
                clauses.Add((c.GetProperty("jurisdiction").GetString()!, clause.EnumerateArray().Select(m => m.GetString()!).ToArray()));
            }
        }

        return clauses;
    }
}
