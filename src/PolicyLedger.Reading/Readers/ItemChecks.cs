using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Readers;

/// <summary>Checks over a document's items once they are read: the diagnostics that need the other items to see.</summary>
internal static class ItemChecks
{
    /// <summary>The share of items with a clause above which an item without one is flagged.</summary>
    private const double ClauseMajority = 0.6;

    /// <summary>Flags items without a clause in a document whose items mostly carry one (a clause lost or misread).</summary>
    public static List<PolicyItem> MissingClauses(List<PolicyItem> items)
    {
        var withClause = items.Count(i => i.ClauseSpan is not null);
        if (withClause < 3 || withClause < ClauseMajority * items.Count)
        {
            return items;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ClauseSpan is null && item.Roles.All(r => r.Implied))
            {
                items[i] = item with { Diagnostics = [.. item.Diagnostics, DiagnosticCodes.MissingClause(item.Span)] };
            }
        }

        return items;
    }

    /// <summary>
    /// Flags a name written once that differs in one inner character from a name the document writes several times
    /// (区财攻局 beside 区财政局 ×5): most likely a typo, which no rule about names can see.
    /// </summary>
    public static List<PolicyItem> OddNames(List<PolicyItem> items)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in items.SelectMany(i => i.Roles).Where(r => !r.Implied))
        {
            counts[role.Mention] = counts.GetValueOrDefault(role.Mention) + 1;
        }

        var frequent = counts.Where(c => c.Value >= 2).Select(c => c.Key).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            List<Diagnostic>? added = null;
            foreach (var role in item.Roles.Where(r => !r.Implied && r.Mention.Length >= 4 && counts[r.Mention] == 1))
            {
                if (frequent.FirstOrDefault(f => OneInnerCharacterApart(f, role.Mention)) is { } like && !KnownName(role.Mention))
                {
                    (added ??= []).Add(DiagnosticCodes.DoubtfulOrganisation(role.Mention, $"与本文件多次出现的“{like}”只差一字", role.Span));
                }
            }

            if (added is not null)
            {
                items[i] = item with { Diagnostics = [.. item.Diagnostics, .. added] };
            }
        }

        return items;
    }

    /// <summary>A department name the unit knowledge knows, with or without its place prefix (区民政局 beside 区财政局 is no typo).</summary>
    private static bool KnownName(string mention) =>
        Units.UnitNames.IsKnownWhole(mention) || (mention.Length > 2 && Units.UnitNames.IsKnownWhole(mention[1..]));

    private static bool OneInnerCharacterApart(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differing = -1;
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] != b[k])
            {
                if (differing >= 0)
                {
                    return false;
                }

                differing = k;
            }
        }

        return differing > 0 && differing < a.Length - 1;
    }
}
