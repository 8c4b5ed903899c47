using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// A declaration that names units for every later item ("以下各项均需各县（市、区）人民政府落实，不再列出"): where it
/// stands and the roles it implies (their spans point at the names in the declaration).
/// </summary>
internal sealed record Declaration(int SourceStart, IReadOnlyList<RoleMention> Roles);

/// <summary>The lead rule a document states once: none, the first unit named leads, or it leads and the others cooperate.</summary>
internal enum LeadRule
{
    None,
    FirstLeads,
    FirstLeadsOthersCooperate,
}

/// <summary>What a document states once for all its clauses: the lead rule and the declarations covering later items.</summary>
internal sealed record ClauseRules(LeadRule Lead, IReadOnlyList<Declaration> Declarations)
{
    public static readonly ClauseRules None = new(LeadRule.None, []);

    /// <summary>
    /// Finds the lead rule anywhere in the document's paragraphs (a clause, the preamble, a note after the tasks) and
    /// every declaration covering later items. The declaring words are never names: only the units they name are.
    /// </summary>
    public static ClauseRules Read(IReadOnlyList<Block> blocks)
    {
        var lead = LeadRule.None;
        List<Declaration>? declarations = null;
        foreach (var block in blocks)
        {
            var text = block.Text;
            if (lead != LeadRule.FirstLeadsOthersCooperate && text.Text.Contains("为牵头", StringComparison.Ordinal) && ClauseVocabulary.LeadRule().IsMatch(text.Text))
            {
                lead = ClauseVocabulary.OthersCooperate().IsMatch(text.Text) ? LeadRule.FirstLeadsOthersCooperate : LeadRule.FirstLeads;
            }

            if (!text.Text.Contains("不再", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var pattern in new[] { ClauseVocabulary.DeclarationBefore(), ClauseVocabulary.DeclarationAfter() })
            {
                foreach (Match m in pattern.Matches(text.Text))
                {
                    var units = m.Groups["units"];
                    var verb = m.Groups["verb"];
                    var role = verb.Success ? ClauseVocabulary.RoleOfWord(verb.Value) : Role.Responsible;
                    var roles = ClauseReader.Mentions(text, units.Index, units.Index + units.Length, role)
                        .Select(r => r with { Implied = true })
                        .ToList();
                    if (roles.Count > 0)
                    {
                        (declarations ??= []).Add(new Declaration(text.SourceOffset(m.Index), roles));
                    }
                }
            }
        }

        return lead != LeadRule.None || declarations is not null ? new ClauseRules(lead, (IReadOnlyList<Declaration>?)declarations ?? []) : None;
    }

    /// <summary>The roles implied for an item that starts at <paramref name="itemStart"/>: those of every declaration before it.</summary>
    public IEnumerable<RoleMention> ImpliedBefore(int itemStart) =>
        Declarations.Where(d => d.SourceStart < itemStart).SelectMany(d => d.Roles);
}
