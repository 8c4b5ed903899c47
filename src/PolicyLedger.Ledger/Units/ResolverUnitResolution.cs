using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Units;

/// <summary>
/// The reading library's <see cref="UnitResolver"/> (built-in places and names) with the user's alias file or folder.
/// The fingerprint names the resolver's rules, the built-in data and the aliases' contents, so editing an alias file
/// (or new rules or data) and re-importing re-resolves the units of unchanged files.
/// </summary>
public sealed class ResolverUnitResolution : IUnitResolution
{
    private readonly UnitResolver _resolver;

    public ResolverUnitResolution(AliasTable? aliases = null)
    {
        aliases ??= AliasTable.Empty;
        _resolver = new UnitResolver(aliases);
        Aliases = aliases;
        var rules = $"{UnitResolver.RulesVersion}+{UnitResolver.DataFingerprint}";
        Fingerprint = string.IsNullOrEmpty(aliases.Fingerprint) ? rules : $"{rules}:{aliases.Fingerprint}";
    }

    /// <summary>Loads the alias file, or the folder of per-jurisdiction files, when there is one (its problems are in <see cref="AliasTable.Errors"/>).</summary>
    public static ResolverUnitResolution FromFile(string? aliasFile) =>
        new(string.IsNullOrWhiteSpace(aliasFile) ? null : AliasTable.Load(aliasFile));

    public AliasTable Aliases { get; }

    public string Fingerprint { get; }

    public string JurisdictionOf(PolicyDocument document) => _resolver.JurisdictionOf(document);

    public IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        _resolver.ExplainClause(jurisdiction, mentionsInOrder).Select(ToResolved).ToList();

    /// <summary>Clause after clause through one <see cref="DocumentUnits"/>, with the places above the document that its issuer names.</summary>
    public IReadOnlyList<IReadOnlyList<ResolvedUnit>> ResolveDocument(PolicyDocument document)
    {
        var units = _resolver.ForDocument(document);
        return document.Items
            .Select(item => (IReadOnlyList<ResolvedUnit>)units.ExplainClause(item.Roles.Select(r => r.Mention).ToArray()).Select(ToResolved).ToList())
            .ToList();
    }

    private static ResolvedUnit ToResolved(ResolvedMention m) => new(m.Unit.Key, m.Unit.Name, m.Unit.Jurisdiction, m.Unit.Kind, m.NotAUnit);
}
