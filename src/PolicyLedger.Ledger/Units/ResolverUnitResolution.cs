using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Units;

/// <summary>
/// The reading library's <see cref="UnitResolver"/> with the user's alias file or folder. The fingerprint names the
/// resolver's rules and the aliases' contents, so editing an alias file (or new rules) and re-importing re-resolves
/// the units of unchanged files.
/// </summary>
public sealed class ResolverUnitResolution : IUnitResolution
{
    private readonly UnitResolver _resolver;

    public ResolverUnitResolution(AliasTable? aliases = null)
    {
        aliases ??= AliasTable.Empty;
        _resolver = new UnitResolver(aliases);
        Aliases = aliases;
        Fingerprint = string.IsNullOrEmpty(aliases.Fingerprint) ? UnitResolver.RulesVersion : $"{UnitResolver.RulesVersion}:{aliases.Fingerprint}";
    }

    /// <summary>Loads the alias file, or the folder of per-jurisdiction files, when there is one (its problems are in <see cref="AliasTable.Errors"/>).</summary>
    public static ResolverUnitResolution FromFile(string? aliasFile) =>
        new(string.IsNullOrWhiteSpace(aliasFile) ? null : AliasTable.Load(aliasFile));

    public AliasTable Aliases { get; }

    public string Fingerprint { get; }

    public string JurisdictionOf(PolicyDocument document) => _resolver.JurisdictionOf(document);

    public IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        _resolver.ResolveClause(jurisdiction, mentionsInOrder).Select(u => new ResolvedUnit(u.Key, u.Name, u.Jurisdiction, u.Kind)).ToList();
}
