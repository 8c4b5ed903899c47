using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Ledger;

/// <summary>
/// ../shared/gold/unit_pairs.json end to end: the five seeds read, resolved and stored, then each group's mentions
/// looked up in the ledger. A `same` group must share one stored unit, a `different` group must not. (The units
/// tests check the resolver on the gold clauses; this checks what the ledger keeps from the real reading.)
/// </summary>
public sealed class LedgerUnitPairsTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-pairs-").FullName;

    [SkippableFact]
    public async Task Stored_units_keep_the_gold_unit_pairs()
    {
        SharedData.Require();
        var database = LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));
        var seeds = Directory.GetFiles(SharedData.Path("seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var summary = await new LedgerImporter(database, PolicyReader.Default, new ResolverUnitResolution(), TimeProvider.System).ImportAsync(seeds);
        Assert.Equal(0, summary.Failed);

        await using var context = database.CreateContext();
        var stored = await context.Responsibilities
            .Select(r => new { File = r.Item!.Document!.Source!.FileName, r.Mention, r.Unit!.Key })
            .ToListAsync();
        var keys = stored
            .GroupBy(r => (Seed: Path.GetFileNameWithoutExtension(r.File), r.Mention))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Key).Distinct().ToList());

        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "unit_pairs.json")));
        int Check(string kind, out int missing, List<string> failures)
        {
            var passed = 0;
            missing = 0;
            foreach (var group in gold.RootElement.GetProperty(kind).EnumerateArray())
            {
                var seed = group.GetProperty("doc").GetString()!;
                var mentions = group.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!).ToList();
                var found = mentions.Select(m => keys.GetValueOrDefault((seed, m))).ToList();
                if (found.Any(f => f is null))
                {
                    missing++;
                    failures.Add($"{kind} {seed} [{string.Join("、", mentions)}]: not stored: {string.Join("、", mentions.Where((_, i) => found[i] is null))}");
                    continue;
                }

                var units = found.SelectMany(f => f!).ToList();
                var ok = kind == "same" ? units.Distinct().Count() == 1 : units.Distinct().Count() == units.Count;
                if (ok)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{kind} {seed} [{string.Join("、", mentions)}] → {string.Join(" | ", units)}");
                }
            }

            return passed;
        }

        var failures = new List<string>();
        var same = Check("same", out var sameMissing, failures);
        var different = Check("different", out var differentMissing, failures);
        var sameTotal = gold.RootElement.GetProperty("same").GetArrayLength();
        var differentTotal = gold.RootElement.GetProperty("different").GetArrayLength();
        var figure = $"ledger unit_pairs: same {same}/{sameTotal} share one stored unit, different {different}/{differentTotal} are distinct; {sameMissing + differentMissing} groups have a mention the reading did not store";
        output.WriteLine(figure);
        Console.WriteLine(figure);
        failures.ForEach(output.WriteLine);

        // Every group whose mentions were all stored must hold.
        Assert.True(failures.Count == sameMissing + differentMissing, string.Join("\n", failures));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
