using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Units;

/// <summary>
/// The units of one document, resolved clause after clause in reading order. What the document wrote earlier explains
/// what it writes later: a short form the tables do not know (交建局) is the unit whose full name it shortens
/// (区交通建设局), and a short form written without a prefix (发改委) is the unit the document named in full under
/// another jurisdiction (省发展改革委) when it named that unit under that jurisdiction only. Made by
/// <see cref="UnitResolver.ForDocument"/>; holds state, so one per document and one thread at a time.
/// </summary>
public sealed class DocumentUnits
{
    private readonly UnitResolver _resolver;
    private readonly DocumentMemory _memory = new();

    internal DocumentUnits(UnitResolver resolver, JurisdictionProfile profile)
    {
        _resolver = resolver;
        Profile = profile;
    }

    /// <summary>The document's jurisdiction, with the places above it as its issuer or the data names them.</summary>
    public JurisdictionProfile Profile { get; }

    public string Jurisdiction => Profile.Name;

    /// <summary>Resolves the mentions of the document's next clause, in the order written.</summary>
    public IReadOnlyList<ResolvedMention> ExplainClause(IReadOnlyList<string> mentionsInOrder) =>
        _resolver.Explain(Profile, mentionsInOrder, _memory);

    public IReadOnlyList<UnitRef> ResolveClause(IReadOnlyList<string> mentionsInOrder) =>
        ExplainClause(mentionsInOrder).Select(r => r.Unit).ToArray();

    /// <summary>Resolves the roles of the document's next item (lead, responsible, cooperating as the clause gives them), spans kept.</summary>
    public IReadOnlyList<ResolvedRole> ResolveItem(PolicyItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var explained = ExplainClause(item.Roles.Select(r => r.Mention).ToArray());
        return item.Roles.Select((r, i) => new ResolvedRole(r, explained[i])).ToArray();
    }
}

/// <summary>What a document has named so far: each department's canonical name with the jurisdictions it was written under.</summary>
internal sealed class DocumentMemory
{
    private readonly Dictionary<string, List<UnitResolver.Scope?>> _scopes = new(StringComparer.Ordinal);
    private readonly List<string> _fullNames = [];

    /// <summary>
    /// Notes a resolved department: its canonical name (a full name later short forms may shorten) and, where it was
    /// written in full, the jurisdiction it was written under (the document's own when no prefix was written).
    /// </summary>
    public void Remember(UnitRef unit, UnitResolver.Scope? writtenScope, bool writtenInFull)
    {
        if (unit.Kind != UnitKind.Department)
        {
            return;
        }

        if (!_scopes.TryGetValue(unit.Name, out var scopes))
        {
            _scopes[unit.Name] = scopes = [];
            _fullNames.Add(unit.Name);
        }

        if (writtenInFull && !scopes.Any(s => s?.Jurisdiction == writtenScope?.Jurisdiction))
        {
            scopes.Add(writtenScope);
        }
    }

    /// <summary>The one full name written so far that <paramref name="shortForm"/> shortens (交建局 → 交通建设局), or null (none, or several).</summary>
    public string? FullNameFor(string shortForm)
    {
        string? found = null;
        foreach (var full in _fullNames)
        {
            if (ShortForms.IsShortFormOf(shortForm, full))
            {
                if (found is not null)
                {
                    return null;
                }

                found = full;
            }
        }

        return found;
    }

    /// <summary>The scope a unit was written in full in, when the document wrote it in full under one jurisdiction only (null for the document's own).</summary>
    public UnitResolver.Scope? OnlyScopeOf(string canonicalName) =>
        _scopes.TryGetValue(canonicalName, out var scopes) && scopes.Count == 1 ? scopes[0] : null;
}
