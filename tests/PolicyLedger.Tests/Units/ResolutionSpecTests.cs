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
        var report = new StringBuilder($"{file} #{number} ({rule}), {(spec.Issuer is null ? $"jurisdiction {spec.Jurisdiction}" : $"issuer {spec.Issuer}")}\n");
        var ok = true;

        // A document (an issuer, or clauses read in order): mentions are looked up in what the document resolved.
        var document = spec.Document ?? (spec.Issuer is not null && spec.Clause is not null ? [spec.Clause] : null);
        Dictionary<string, ResolvedMention>? inDocument = null;
        if (spec.Issuer is not null || document is not null)
        {
            var units = spec.Issuer is not null ? Resolver.ForDocument(Doc(spec.Issuer)) : Resolver.ForJurisdiction(spec.Jurisdiction!);
            if (spec.ExpectJurisdiction is { } expectedJurisdiction)
            {
                ok &= units.Jurisdiction == expectedJurisdiction;
                report.Append($"  jurisdiction: expected {expectedJurisdiction}, actual {units.Jurisdiction} (above: {string.Join(", ", units.Profile.Above.Select(a => a.Jurisdiction))})\n");
            }

            inDocument = new Dictionary<string, ResolvedMention>(StringComparer.Ordinal);
            foreach (var clause in document ?? [])
            {
                foreach (var resolved in units.ExplainClause(clause))
                {
                    inDocument.TryAdd(resolved.Mention, resolved);
                }
            }
        }

        ResolvedMention Alone(string mention) =>
            inDocument?.GetValueOrDefault(mention) ?? (spec.Issuer is not null ? Resolver.ForDocument(Doc(spec.Issuer)) : Resolver.ForJurisdiction(spec.Jurisdiction!))
                .ExplainClause([mention])[0];

        if (spec.Clause is { } clause1 && spec.Expect is not null)
        {
            var units = inDocument is not null ? clause1.Select(Alone).ToArray() : Resolver.ExplainClause(spec.Jurisdiction!, clause1).ToArray();
            for (var i = 0; i < clause1.Count; i++)
            {
                var expected = spec.Expect.ElementAtOrDefault(i) ?? "(nothing expected)";
                var actual = Describe(units[i]);
                var same = expected == actual;
                ok &= same;
                report.Append($"  {(same ? "  " : "✗ ")}{Visible.Show(clause1[i])}\n      expected {Visible.Show(expected)}\n      actual   {Visible.Show(actual)} [{units[i].Unit.Name}]\n");
            }

            ok &= spec.Expect.Count == clause1.Count;
        }

        if (spec.Same is { } same1)
        {
            var units = same1.Select(Alone).ToArray();
            ok &= units.All(u => u.IsUnit) && units.Select(u => u.Unit.Key).Distinct().Count() == 1;
            report.Append("  expected one unit for:\n").AppendJoin("", same1.Zip(units, (m, u) => $"    {Visible.Show(m)} → {Describe(u)} [{u.Unit.Name}]\n"));
        }

        if (spec.Different is { } different)
        {
            var units = different.Select(Alone).ToArray();
            ok &= units.Select(u => u.Unit.Key).Distinct().Count() == units.Length;
            report.Append("  expected distinct units for:\n").AppendJoin("", different.Zip(units, (m, u) => $"    {Visible.Show(m)} → {Describe(u)} [{u.Unit.Name}]\n"));
        }

        Assert.True(ok, report.ToString());
    }

    /// <summary>"key : kind", or "not a unit: reason" for a mention that is no organisation's name.</summary>
    public static string Describe(ResolvedMention m) =>
        m.NotAUnit is { } reason ? $"not a unit: {reason}" : $"{m.Unit.Key} : {KindName(m.Unit.Kind)}";

    private static PolicyLedger.Reading.Syntax.PolicyDocument Doc(string issuer) => new()
    {
        Span = default,
        Issuer = new PolicyLedger.Reading.Syntax.Located<string>(issuer, default),
    };

    [Fact]
    public void Every_spec_case_checks_something()
    {
        foreach (var file in SpecFiles())
        {
            foreach (var (spec, i) in Load(file).Select((s, i) => (s, i + 1)))
            {
                Assert.True(spec.Expect is not null || spec.Same is not null || spec.Different is not null || spec.ExpectJurisdiction is not null,
                    $"{file} #{i} expects nothing (expect, same, different or expect_jurisdiction)");
                Assert.True(spec.Clause is null || spec.Expect is null || spec.Expect.Count == spec.Clause.Count, $"{file} #{i}: expect must give one unit per mention of the clause");
                Assert.True(spec.Jurisdiction is not null || spec.Issuer is not null, $"{file} #{i} names neither a jurisdiction nor an issuer");
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

    private sealed record Case(
        string Rule,
        string? Jurisdiction,
        IReadOnlyList<string>? Clause,
        IReadOnlyList<string>? Expect,
        IReadOnlyList<string>? Same,
        IReadOnlyList<string>? Different,
        string? Issuer,
        IReadOnlyList<IReadOnlyList<string>>? Document,
        string? ExpectJurisdiction);

    private static string SpecDirectory => Path.Combine(AppContext.BaseDirectory, "Specs", "units");

    private static IEnumerable<string> SpecFiles() => Directory.GetFiles(SpecDirectory, "*.json").Order(StringComparer.Ordinal);

    private static List<Case> Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("rule").GetString()!,
            c.TryGetProperty("jurisdiction", out var j) ? j.GetString() : null,
            Strings(c, "clause"),
            Strings(c, "expect"),
            Strings(c, "same"),
            Strings(c, "different"),
            c.TryGetProperty("issuer", out var issuer) ? issuer.GetString() : null,
            c.TryGetProperty("document", out var d) ? d.EnumerateArray().Select(x => (IReadOnlyList<string>)x.EnumerateArray().Select(m => m.GetString()!).ToArray()).ToArray() : null,
            c.TryGetProperty("expect_jurisdiction", out var ej) ? ej.GetString() : null)).ToList();
    }

    private static IReadOnlyList<string>? Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
}
