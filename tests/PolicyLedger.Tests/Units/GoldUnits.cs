using System.Text.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

/// <summary>
/// The gold readings' responsibility clauses, resolved the way a document reads them: each clause's mentions in
/// the order written (lead, then responsible, then cooperating), so a prefix carries across the list.
/// </summary>
internal sealed class GoldUnits
{
    private static readonly Lazy<GoldUnits?> Shared = new(() => SharedData.Available ? Read() : null);

    public static GoldUnits Instance => Shared.Value ?? throw new InvalidOperationException(SharedData.SkipReason);

    /// <summary>Per seed id: every (mention → keys it resolved to) over all clauses of the seed's documents.</summary>
    public Dictionary<string, Dictionary<string, HashSet<UnitRef>>> Resolved { get; } = [];

    /// <summary>Per seed id: the jurisdiction the resolver found for each document with items, and the gold one.</summary>
    public List<(string Seed, string? Issuer, string Found, string? Gold)> Jurisdictions { get; } = [];

    public List<Group> Same { get; } = [];

    public List<Group> Different { get; } = [];

    public sealed record Group(string Doc, IReadOnlyList<string> Mentions)
    {
        public override string ToString() => $"{Doc}: {string.Join(" | ", Mentions)}";
    }

    public static UnitResolver Resolver { get; } = new();

    private static GoldUnits Read()
    {
        var gold = new GoldUnits();
        foreach (var file in Directory.GetFiles(SharedData.Path("gold"), "0*.json").Order(StringComparer.Ordinal))
        {
            var seed = Path.GetFileNameWithoutExtension(file);
            var byMention = new Dictionary<string, HashSet<UnitRef>>(StringComparer.Ordinal);
            gold.Resolved[seed] = byMention;
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
            {
                var items = doc.TryGetProperty("item_list", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
                if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                {
                    continue;
                }

                var issuer = Text(doc, "issuer");
                var jurisdiction = Resolver.JurisdictionOf(new PolicyDocument
                {
                    Span = default,
                    Issuer = issuer is null ? null : new Located<string>(issuer, default),
                    Title = Text(doc, "title") is { } t ? new Located<string>(t, default) : null,
                    DocNumber = Text(doc, "doc_number") is { } n ? new Located<string>(n, default) : null,
                });
                gold.Jurisdictions.Add((seed, issuer, jurisdiction, Text(doc, "jurisdiction")));

                foreach (var item in items.EnumerateArray())
                {
                    if (!item.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var mentions = roles.EnumerateObject().SelectMany(r => r.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
                    var units = Resolver.ResolveClause(jurisdiction, mentions);
                    for (var i = 0; i < mentions.Count; i++)
                    {
                        if (!byMention.TryGetValue(mentions[i], out var set))
                        {
                            byMention[mentions[i]] = set = [];
                        }

                        set.Add(units[i]);
                    }
                }
            }
        }

        using var pairs = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "unit_pairs.json")));
        foreach (var (name, target) in new[] { ("same", gold.Same), ("different", gold.Different) })
        {
            foreach (var g in pairs.RootElement.GetProperty(name).EnumerateArray())
            {
                target.Add(new Group(g.GetProperty("doc").GetString()!, g.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!).ToArray()));
            }
        }

        return gold;
    }

    /// <summary>The units a mention of a seed resolved to in its clauses; resolved alone (in the seed's jurisdiction) where no clause holds it.</summary>
    public IReadOnlyCollection<UnitRef> UnitsOf(string seed, string mention)
    {
        if (Resolved.TryGetValue(seed, out var byMention) && byMention.TryGetValue(mention, out var set))
        {
            return set;
        }

        var jurisdiction = Jurisdictions.FirstOrDefault(j => j.Seed == seed).Found ?? string.Empty;
        return [Resolver.Resolve(jurisdiction, mention)];
    }

    /// <summary>Whether a same group resolves to exactly one unit (over every occurrence of every mention).</summary>
    public bool IsOne(Group g) => g.Mentions.SelectMany(m => UnitsOf(g.Doc, m)).Distinct().Count() == 1;

    /// <summary>Whether a different group resolves to distinct units: no unit is shared by two of its mentions.</summary>
    public bool IsDistinct(Group g)
    {
        var sets = g.Mentions.Select(m => UnitsOf(g.Doc, m).ToHashSet()).ToArray();
        for (var i = 0; i < sets.Length; i++)
        {
            for (var j = i + 1; j < sets.Length; j++)
            {
                if (sets[i].Overlaps(sets[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public string Describe(Group g) =>
        string.Join("\n", g.Mentions.Select(m => $"  {Visible.Show(m)} → {string.Join(", ", UnitsOf(g.Doc, m).Select(u => $"{u.Key} [{u.Name}, {u.Kind}]"))}"));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
