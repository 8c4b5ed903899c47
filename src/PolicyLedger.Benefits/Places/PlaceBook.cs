namespace PolicyLedger.Benefits.Places;

/// <summary>A place of the gazetteer: a province, a city, a county or district, a town or street.</summary>
public sealed record PlaceNode(string Name, IReadOnlyList<string> Aliases, string? Parent, int Depth);

/// <summary>
/// A place as an applicant or an event gives it ("某市某县", "某县县城 (某街道)", or province/city/district),
/// resolved against the gazetteer: the chains from the province down to each most specific place named.
/// </summary>
public sealed record PlaceValue(string Text, IReadOnlyList<IReadOnlyList<PlaceNode>> Chains)
{
    public bool IsKnown => Chains.Count > 0;

    /// <summary>The most specific place named (a county), or the text when nothing is known.</summary>
    public string Name => Chains.Count > 0 ? Chains[0][^1].Name : Text;

    /// <summary>The place at a depth of the first chain: 0 province, 1 city, 2 county or district, 3 town or street.</summary>
    public string? At(int depth) => Chains.Count > 0 && Chains[0].Count > depth ? Chains[0][depth].Name : null;

    public override string ToString() => Chains.Count > 0 ? string.Join(string.Empty, Chains[0].Skip(1).Select(n => n.Name)) : Text;
}

/// <summary>
/// The gazetteer the rules use (rules/places.yaml): which places lie inside which, their other names, and the areas
/// that clauses name (a city's 城区 = its urban districts). Knowledge about places is data, never code.
/// </summary>
public sealed class PlaceBook
{
    private readonly Dictionary<string, PlaceNode> _nodes;
    private readonly Dictionary<string, IReadOnlyList<string>> _areas;
    private readonly List<(string Name, PlaceNode Node)> _names;

    public PlaceBook(IEnumerable<PlaceNode> nodes, IReadOnlyDictionary<string, IReadOnlyList<string>> areas)
    {
        _nodes = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        _areas = areas.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        _names = _nodes.Values
            .SelectMany(n => n.Aliases.Prepend(n.Name).Select(name => (name, n)))
            .OrderByDescending(x => x.name.Length)
            .ToList();
    }

    public static PlaceBook Empty { get; } = new([], new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyCollection<PlaceNode> Nodes => _nodes.Values;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Areas => _areas;

    /// <summary>Whether the book knows this name as a place or an area.</summary>
    public bool Knows(string name) => _nodes.ContainsKey(name) || _areas.ContainsKey(name);

    /// <summary>Resolves a place text, or a map of province/city/district (and any other parts), or a list of them.</summary>
    public PlaceValue Resolve(object? value)
    {
        if (value is PlaceValue already)
        {
            return already;
        }

        var text = value switch
        {
            null => string.Empty,
            string s => s,
            IReadOnlyDictionary<string, object?> map => string.Join(" ", new[] { "province", "city", "county", "district", "town", "street" }
                .Select(k => map.GetValueOrDefault(k) as string)
                .Concat(map.Where(kv => kv.Key is not ("province" or "city" or "county" or "district" or "town" or "street")).Select(kv => kv.Value as string))
                .Where(s => !string.IsNullOrWhiteSpace(s))),
            _ => Expressions.Values.Format(value),
        };
        return new PlaceValue(text.Trim(), Chains(text));
    }

    /// <summary>Whether the place lies in any of the named places or areas.</summary>
    public bool Within(PlaceValue place, IEnumerable<string> names)
    {
        var targets = names.ToList();
        foreach (var chain in place.Chains)
        {
            foreach (var target in targets)
            {
                if (chain.Any(n => n.Name == target))
                {
                    return true;
                }

                if (_areas.TryGetValue(target, out var members) && chain.Any(n => members.Contains(n.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private List<IReadOnlyList<PlaceNode>> Chains(string text)
    {
        // Every name found, longest first, each character claimed once (a full name before its short form).
        var claimed = new bool[text.Length];
        var found = new List<PlaceNode>();
        foreach (var (name, node) in _names)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!claimed.AsSpan(at, name.Length).Contains(true))
                {
                    claimed.AsSpan(at, name.Length).Fill(true);
                    if (!found.Contains(node))
                    {
                        found.Add(node);
                    }
                }

                at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal);
            }
        }

        var chains = found.Select(ChainOf).ToList();

        // Keep the most specific: drop a place that is an ancestor of another one found.
        return chains
            .Where(c => !chains.Any(other => other.Count > c.Count && other[c.Count - 1] == c[^1]))
            .OrderByDescending(c => c.Count)
            .ToList();
    }

    private IReadOnlyList<PlaceNode> ChainOf(PlaceNode node)
    {
        var chain = new List<PlaceNode> { node };
        var current = node;
        while (current.Parent is { } parent && _nodes.TryGetValue(parent, out var up) && !chain.Contains(up))
        {
            chain.Insert(0, up);
            current = up;
        }

        return chain;
    }
}
