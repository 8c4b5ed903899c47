using PolicyLedger.Benefits.Expressions;

namespace PolicyLedger.Benefits.Places;

/// <summary>
/// A named term of the rules (小微, 服务业, 登记失业半年以上 …): the phrases that say it, and the phrases that deny it
/// ("never registered unemployed" does not say 登记失业).
/// </summary>
public sealed record Term(string Name, IReadOnlyList<string> Any, IReadOnlyList<string> Not);

/// <summary>
/// The vocabulary of free-text facts (rules/terms.yaml): how the words scenario files use for sizes, industries,
/// hire categories or premises map to the terms of the clauses. Data, not code. Matching ignores ASCII case.
/// </summary>
public sealed class TermBook
{
    private readonly Dictionary<string, Term> _terms;

    public TermBook(IEnumerable<Term> terms) => _terms = terms.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static TermBook Empty { get; } = new([]);

    public IReadOnlyCollection<Term> Terms => _terms.Values;

    public bool Knows(string name) => _terms.ContainsKey(name);

    /// <summary>Whether any text of the value says the term and none of its denials. An unknown term matches its own name.</summary>
    public bool Says(object? value, string term)
    {
        var t = _terms.GetValueOrDefault(term) ?? new Term(term, [term], []);
        return Values.Texts(value).Any(text =>
            t.Any.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase))
            && !t.Not.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }
}
