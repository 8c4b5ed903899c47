using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>What a command or page is asked about: one jurisdiction, one document, or (both null) the saved default, else everything the actor sees.</summary>
public sealed record TrackingScope(string? Jurisdiction = null, string? Document = null)
{
    public static TrackingScope Default { get; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Jurisdiction) && string.IsNullOrWhiteSpace(Document);
}

/// <summary>A scope resolved against the ledger: the items in it the actor sees, and how to name it.</summary>
/// <param name="Description">How a person names it: 青石新区, 青管〔2023〕7号, or empty for everything.</param>
/// <param name="InJurisdictions">Every item of the scope in the actor's jurisdictions (a reporter sees only its units' of these): where a unit is looked up, so a reporter asking for another unit is refused, not told it does not exist.</param>
public sealed record ResolvedScope(string Description, IReadOnlyList<TrackedItem> Items, IReadOnlyList<TrackedItem> InJurisdictions)
{
    public IReadOnlyList<string> Jurisdictions => Items.Select(i => i.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// The scope of supervision: resolves --jurisdiction / --document (or the default saved in the ledger) to the items
/// in it, saves the default, and finds a unit by name or key within a scope (a name that means several units is an
/// error listing them with their jurisdictions; a key always works).
/// </summary>
public sealed class ScopeService(LedgerContext db, TrackingItems items)
{
    public const string JurisdictionSetting = "scope.jurisdiction";
    public const string DocumentSetting = "scope.document";

    /// <summary>Checks that the actor may do <paramref name="action"/>, then resolves the scope: what every scoped service starts with.</summary>
    public async Task<Result<ResolvedScope>> AuthorizeAsync(Actor actor, TrackingAction action, TrackingScope? scope, CancellationToken ct = default) =>
        Permissions.Check(actor, action) is { } denied ? denied : await ResolveAsync(actor, scope, ct);

    /// <summary>The scope asked for, else the saved default, resolved to the items the actor sees in it.</summary>
    public async Task<Result<ResolvedScope>> ResolveAsync(Actor actor, TrackingScope? scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (scope is null || scope.IsEmpty)
        {
            scope = await DefaultAsync(ct);
        }

        var all = await items.AllAsync(ct);
        IEnumerable<TrackedItem> chosen = all;
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(scope.Jurisdiction))
        {
            var known = all.Select(i => i.Jurisdiction).Distinct(StringComparer.Ordinal).ToList();
            var match = MatchJurisdiction(actor, known, scope.Jurisdiction);
            if (!match.Ok)
            {
                return match.Problem;
            }

            chosen = chosen.Where(i => i.Jurisdiction == match.Value);
            names.Add(match.Value);
        }

        if (!string.IsNullOrWhiteSpace(scope.Document))
        {
            var documents = chosen.GroupBy(i => i.DocumentId).Select(g => g.First()).ToList();
            var found = MatchDocuments(actor, documents, d => d.DocumentKey, d => d.Document, d => d.Jurisdiction, scope.Document);
            if (!found.Ok)
            {
                return found.Problem;
            }

            var matches = found.Value;
            var ids = matches.Select(d => d.DocumentId).ToHashSet();
            chosen = chosen.Where(i => ids.Contains(i.DocumentId));
            names.Add(matches[0].DocumentKey);
        }

        var inJurisdictions = chosen.Where(i => actor.Sees(i.Jurisdiction)).ToList();
        return new ResolvedScope(string.Join("", names.Distinct()), inJurisdictions.Where(i => Permissions.Sees(actor, i)).ToList(), inJurisdictions);
    }

    /// <summary>
    /// The jurisdiction a person means among <paramref name="known"/>: the one written in full, else the one whose
    /// name contains what was typed; none or several is an error, and one the actor does not see is a denial.
    /// </summary>
    public static Result<string> MatchJurisdiction(Actor actor, IReadOnlyList<string> known, string typed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(known);
        var sorted = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var text = (typed ?? "").Trim();
        var matches = sorted.Contains(text, StringComparer.Ordinal) ? [text] : sorted.Where(j => j.Contains(text, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0)
        {
            return Problems.JurisdictionNotFound(text, sorted);
        }

        if (matches.Count > 1)
        {
            return Problems.JurisdictionAmbiguous(text, matches);
        }

        return actor.Sees(matches[0]) ? matches[0] : Problems.OutsideJurisdiction(actor, matches[0]);
    }

    /// <summary>
    /// The documents a person means by a typed key, 文号 or title: those whose key or name is it (punctuation
    /// variants allowed), else those containing it; several different documents is an error, none is not found,
    /// and one in a jurisdiction the actor does not see is a denial.
    /// </summary>
    public static Result<IReadOnlyList<T>> MatchDocuments<T>(Actor actor, IReadOnlyList<T> documents, Func<T, string> key, Func<T, string> name, Func<T, string> jurisdiction, string typed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(documents);
        var text = (typed ?? "").Trim();
        var normalized = DocumentKey.Normalize(text);
        var matches = documents.Where(d => DocumentKey.Normalize(key(d)) == normalized || DocumentKey.Normalize(name(d)) == normalized).ToList();
        if (matches.Count == 0)
        {
            matches = documents.Where(d => key(d).Contains(text, StringComparison.Ordinal) || name(d).Contains(text, StringComparison.Ordinal)).ToList();
        }

        if (matches.Select(key).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return Problems.DocumentAmbiguous(text, matches.Select(d => $"{key(d)}（{jurisdiction(d)}）").Distinct());
        }

        if (matches.Count == 0)
        {
            return Problems.DocumentNotFound(text);
        }

        if (matches.FirstOrDefault(d => !actor.Sees(jurisdiction(d))) is { } hidden)
        {
            return Problems.OutsideJurisdiction(actor, jurisdiction(hidden));
        }

        return matches;
    }

    /// <summary>The saved default scope's two settings (parameters @j and @d: <see cref="DefaultParameters"/>).</summary>
    internal const string DefaultSql = """SELECT s."Key", s."Value" FROM settings AS s WHERE s."Key" IN (@j, @d)""";

    internal static readonly (string Name, object Value)[] DefaultParameters = [("j", JurisdictionSetting), ("d", DocumentSetting)];

    /// <summary>The default scope saved in the ledger (empty where none is saved).</summary>
    public async Task<TrackingScope> DefaultAsync(CancellationToken ct = default) =>
        // Read on every status request: a hand-written command (EF Core's query pipeline cost more than the query).
        await RawCommand.ReadAsync(db, DefaultSql, DefaultParameters, r => ReadDefaultAsync(r, ct), ct);

    /// <summary>The default scope from the rows of <see cref="DefaultSql"/>.</summary>
    internal static async Task<TrackingScope> ReadDefaultAsync(System.Data.Common.DbDataReader r, CancellationToken ct)
    {
        string? jurisdiction = null, document = null;
        while (await r.ReadAsync(ct))
        {
            var value = RawCommand.NullableString(r, 1);
            if (r.GetString(0) == JurisdictionSetting)
            {
                jurisdiction = value;
            }
            else
            {
                document = value;
            }
        }

        return new TrackingScope(jurisdiction, document);
    }

    /// <summary>Saves (or, given an empty scope, clears) the default scope; it must resolve first.</summary>
    public async Task<Result<TrackingScope>> SaveDefaultAsync(Actor actor, TrackingScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Permissions.Check(actor, TrackingAction.ChangeSettings) is { } denied)
        {
            return denied;
        }

        if (!scope.IsEmpty)
        {
            var resolved = await ResolveAsync(actor, scope, ct);
            if (!resolved.Ok)
            {
                return resolved.Problem;
            }
        }

        db.AuditActor = actor.Name;
        foreach (var (key, value) in new[] { (JurisdictionSetting, scope.Jurisdiction), (DocumentSetting, scope.Document) })
        {
            var row = await db.Settings.AsTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (row is not null)
                {
                    db.Settings.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Settings.Add(new LedgerSetting { Key = key, Value = value.Trim() });
            }
            else
            {
                row.Value = value.Trim();
            }
        }

        await db.SaveChangesAsync(ct);
        return scope;
    }

    /// <summary>
    /// The unit a person means, among the units that report on the items of <paramref name="scope"/>: its key, or its
    /// name where one unit has it; several units of that name is an error listing them with their jurisdictions.
    /// </summary>
    public static Result<TrackedUnit> FindUnit(IReadOnlyList<TrackedItem> scope, string typed)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var text = (typed ?? "").Trim();
        var units = scope.SelectMany(i => i.Units).DistinctBy(u => u.Id).ToList();
        if (units.FirstOrDefault(u => u.Key == text) is { } byKey)
        {
            return byKey;
        }

        var named = units.Where(u => u.Name == text).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => Problems.UnitNotInScope(text),
            _ => Problems.UnitAmbiguous(text, named.OrderBy(u => u.Jurisdiction, StringComparer.Ordinal).Select(u => (u.Name, u.Key, u.Jurisdiction))),
        };
    }
}
