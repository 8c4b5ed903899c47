using System.Security.Cryptography;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Units;

/// <summary>
/// The reading library's <see cref="UnitResolver"/> with the user's alias file. The fingerprint names the alias file's
/// contents, so editing it and re-importing re-resolves the units of unchanged files.
/// </summary>
public sealed class ResolverUnitResolution : IUnitResolution
{
    /// <summary>Raise when the resolver's rules change in a way stored units should follow.</summary>
    private const string Rules = "units-1";

    private readonly UnitResolver _resolver;

    public ResolverUnitResolution(AliasTable? aliases = null)
    {
        aliases ??= AliasTable.Empty;
        _resolver = new UnitResolver(aliases);
        Aliases = aliases;
        Fingerprint = aliases == AliasTable.Empty || !File.Exists(aliases.File)
            ? Rules
            : $"{Rules}:{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(aliases.File)))[..16]}";
    }

    /// <summary>Loads the alias file when there is one (its problems are in <see cref="AliasTable.Errors"/>).</summary>
    public static ResolverUnitResolution FromFile(string? aliasFile) =>
        new(string.IsNullOrWhiteSpace(aliasFile) ? null : AliasTable.Load(aliasFile));

    public AliasTable Aliases { get; }

    public string Fingerprint { get; }

    public string JurisdictionOf(PolicyDocument document) => _resolver.JurisdictionOf(document);

    public IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
        _resolver.ResolveClause(jurisdiction, mentionsInOrder).Select(u => new ResolvedUnit(u.Key, u.Name, u.Jurisdiction, u.Kind)).ToList();
}
