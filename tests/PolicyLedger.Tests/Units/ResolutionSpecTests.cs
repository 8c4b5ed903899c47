using System.Text;
using System.Text.Json;
using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

/// <summary>Runs every case of Specs/units/*.json as a test named after its file and number.</summary>
public class ResolutionSpecTests
{
    private static readonly UnitResolver Resolver = new();

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in SpecFiles())
        {
            var cases = Load(file);
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(Path.GetFileName(file), i + 1, cases[i].Rule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_as_the_spec_says(string file, int number, string rule)
    {
        var spec = Load(Path.Combine(SpecDirectory, file))[number - 1];
        Assert.Equal(rule, spec.Rule);
        var report = new StringBuilder($"{file} #{number} ({rule}), jurisdiction {spec.Jurisdiction}\n");
        var ok = true;

        if (spec.Clause is { } clause)
        {
            var units = Resolver.ResolveClause(spec.Jurisdiction, clause);
            for (var i = 0; i < clause.Count; i++)
            {
                var expected = spec.Expect?.ElementAtOrDefault(i) ?? "(nothing expected)";
                var actual = $"{units[i].Key} : {KindName(units[i].Kind)}";
                var same = expected == actual;
                ok &= same;
                report.Append($"  {(same ? "  " : "✗ ")}{Visible.Show(clause[i])}\n      expected {Visible.Show(expected)}\n      actual   {Visible.Show(actual)} [{units[i].Name}]\n");
            }

            ok &= spec.Expect?.Count == clause.Count;
        }

        if (spec.Same is { } same1)
        {
            var units = same1.Select(m => Resolver.Resolve(spec.Jurisdiction, m)).ToArray();
            ok &= units.Select(u => u.Key).Distinct().Count() == 1;
            report.Append("  expected one unit for:\n").AppendJoin("", same1.Zip(units, (m, u) => $"    {Visible.Show(m)} → {u.Key} [{u.Name}, {KindName(u.Kind)}]\n"));
        }

        if (spec.Different is { } different)
        {
            var units = different.Select(m => Resolver.Resolve(spec.Jurisdiction, m)).ToArray();
            ok &= units.Select(u => u.Key).Distinct().Count() == units.Length;
            report.Append("  expected distinct units for:\n").AppendJoin("", different.Zip(units, (m, u) => $"    {Visible.Show(m)} → {u.Key} [{u.Name}, {KindName(u.Kind)}]\n"));
        }

        Assert.True(ok, report.ToString());
    }

    [Fact]
    public void Every_spec_case_checks_something()
    {
        foreach (var file in SpecFiles())
        {
            foreach (var (spec, i) in Load(file).Select((s, i) => (s, i + 1)))
            {
                Assert.True(spec.Clause is not null || spec.Same is not null || spec.Different is not null, $"{file} #{i} has no clause, same or different");
                Assert.True(spec.Clause is null || spec.Expect?.Count == spec.Clause.Count, $"{file} #{i}: expect must give one unit per mention of the clause");
            }
        }
    }

    public static string KindName(UnitKind kind) => AliasTable.KindNames[kind switch
    {
        UnitKind.Department => 0,
        UnitKind.Collective => 1,
        UnitKind.OutsideBody => 2,
        UnitKind.Company => 3,
        UnitKind.PartyOrgan => 4,
        UnitKind.Government => 5,
        UnitKind.MassOrganization => 6,
        _ => 7,
    }];

    private sealed record Case(string Rule, string Jurisdiction, IReadOnlyList<string>? Clause, IReadOnlyList<string>? Expect, IReadOnlyList<string>? Same, IReadOnlyList<string>? Different);

    private static string SpecDirectory => Path.Combine(AppContext.BaseDirectory, "Specs", "units");

    private static IEnumerable<string> SpecFiles() => Directory.GetFiles(SpecDirectory, "*.json").Order(StringComparer.Ordinal);

    private static List<Case> Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("rule").GetString()!,
            c.GetProperty("jurisdiction").GetString()!,
            Strings(c, "clause"),
            Strings(c, "expect"),
            Strings(c, "same"),
            Strings(c, "different"))).ToList();
    }

    private static IReadOnlyList<string>? Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
}
