using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>Builds items: their ids (unique in the document), clauses with the part each governs, figures and diagnostics.</summary>
internal sealed class ItemBuilder(ClauseRules rules, TimeContext years)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _paragraphs = new(StringComparer.Ordinal);
    private int _bullets;

    /// <summary>The number of the item last found joined inside the item before (its gap is no gap).</summary>
    private int _joined = -1;

    /// <summary>An item opened by a mark of the item kind.</summary>
    public PolicyItem Marked(Block block, List<(Marker Marker, string Label)> stack)
    {
        var marker = block.Marker!;
        var full = block.Text;
        var body = full.Slice(marker.Length);
        var leading = 0;
        while (leading < body.Length && (Cjk.IsSpace(body.Text[leading]) || body.Text[leading] is '：' or ':'))
        {
            leading++;
        }

        body = body.Slice(leading);
        var headings = stack.Where(h => h.Marker.Level < marker.Level).Select(h => h.Label).ToList();
        var id = marker.Kind == MarkerKind.Bullet ? $"{marker.Normal}{++_bullets}" : ItemId(marker, stack);
        var number = marker.Kind == MarkerKind.Bullet || (marker.Kind == MarkerKind.Task && marker.Written.Length <= 5) ? (int?)null : marker.Number;
        var diagnostics = new List<Diagnostic>();
        if (block.NumberingNote is { } note && !(note.Code == DiagnosticCodes.ItemNumberGap && _joined == marker.Number - 1))
        {
            diagnostics.Add(note);
        }

        _joined = -1;
        if (JoinedMark(body.Text, marker) is { } joined)
        {
            diagnostics.Add(DiagnosticCodes.Joined(joined.Written, body.ToSource(joined.At, joined.Written.Length)));
            _joined = marker.Number + 1;
        }

        return Build(Unique(id, stack), number, marker.Written, headings, full, body, diagnostics);
    }

    /// <summary>
    /// Items from a paragraph without an item mark (or a heading's text after its title) when it carries a clause:
    /// one per 一是/二是 part where they enumerate, else the paragraph as one item.
    /// </summary>
    public bool Paragraph(MappedText text, string prefix, List<(Marker Marker, string Label)> stack, List<PolicyItem> items, int first = 1)
    {
        var scan = ClauseFinder.Scan(text.Text, nearMisses: false);
        if (scan.Clauses.Count == 0)
        {
            return false;
        }

        var headings = stack.Select(h => h.Label).ToList();
        var parts = Enumeration.Parts(text.Text, first);
        if (parts.Count >= 2 || (parts.Count == 1 && parts[0].Start == 0))
        {
            foreach (var part in parts)
            {
                var full = text.Slice(part.Start, part.End - part.Start);
                var body = full.Slice(part.MarkLength);
                items.Add(Build(Unique(prefix + part.Mark, stack), part.Number, part.Mark, headings, full, body, []));
            }

            return true;
        }

        var k = _paragraphs[prefix] = _paragraphs.GetValueOrDefault(prefix) + 1;
        items.Add(Build(Unique($"{prefix}第{k}段", stack), null, string.Empty, headings, text, text, []));
        return true;
    }

    private PolicyItem Build(string id, int? number, string marker, IReadOnlyList<string> headings, MappedText full, MappedText body, List<Diagnostic> diagnostics)
    {
        var scan = ClauseFinder.Scan(body.Text);
        var roles = new List<RoleMention>();
        Located<string>? previous = null;
        var taskEnd = 0;
        var task = new System.Text.StringBuilder();
        foreach (var clause in scan.Clauses)
        {
            var governs = Governed(body, taskEnd, clause.Start) ?? previous;
            task.Append(body.Text, taskEnd, clause.Start - taskEnd);
            var read = ClauseReader.Read(body, clause, rules.Lead, diagnostics);
            governs ??= Governed(body, clause.End, body.Length) ?? new Located<string>(body.Text, body.ToSource(0, body.Length));
            roles.AddRange(read.Select(r => r with { Governs = governs }));
            previous = governs;
            taskEnd = clause.End;
        }

        var rest = body.Text.AsSpan(taskEnd);
        if (scan.Clauses.Count == 0 || rest.Trim().TrimStart("。；;，,.").Length > 0)
        {
            task.Append(rest);
        }

        var explicitRoles = roles.Count;
        foreach (var near in scan.NearMisses)
        {
            var text = body.Text[near.Start..near.End];
            if (!near.InSentence)
            {
                diagnostics.Add(DiagnosticCodes.UnknownClause(text, body.ToSource(near.Start, near.End - near.Start)));
            }
            else if (explicitRoles == 0)
            {
                diagnostics.Add(DiagnosticCodes.InSentence(text, body.ToSource(near.Start, near.End - near.Start)));
            }
        }

        var taskText = scan.Clauses.Count == 0 ? body.Text : task.ToString().Trim();
        var span = full.ToSource(0, full.Length);
        AddImplied(roles, span.Start, new Located<string>(taskText, body.ToSource(0, body.Length)));
        var figures = FigureStage.Read(body, years);
        var times = TimeField.WithOngoing(body, figures.Times);
        return new PolicyItem(
            id,
            number,
            marker,
            headings,
            body.Text,
            span,
            roles,
            scan.Clauses.Count > 0 ? body.ToSource(scan.Clauses[0].Start, scan.Clauses[^1].End - scan.Clauses[0].Start) : null,
            figures.Quantities,
            times)
        {
            Task = taskText,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>Adds the roles declarations before the item imply, unless its own clause names the same unit.</summary>
    private void AddImplied(List<RoleMention> roles, int itemStart, Located<string> governs)
    {
        if (rules.Declarations.Count == 0)
        {
            return;
        }

        foreach (var implied in rules.ImpliedBefore(itemStart))
        {
            if (!roles.Any(r => r.Mention == implied.Mention))
            {
                roles.Add(implied with { Governs = governs });
            }
        }
    }

    /// <summary>The task text [start, end) between clauses, without the punctuation around it; null when empty.</summary>
    private static Located<string>? Governed(MappedText body, int start, int end)
    {
        var s = body.Text;
        while (start < end && (Cjk.IsSpace(s[start]) || s[start] is '。' or '；' or ';' or '，' or ',' or '、' or '.'))
        {
            start++;
        }

        while (end > start && (Cjk.IsSpace(s[end - 1]) || s[end - 1] is '；' or ';' or '，' or ',' or '、'))
        {
            end--;
        }

        return end > start ? new Located<string>(s[start..end], body.ToSource(start, end - start)) : null;
    }

    private string Unique(string id, List<(Marker Marker, string Label)> stack)
    {
        if (_ids.Add(id))
        {
            return id;
        }

        // Numbering that starts again under a new heading: the heading's mark makes the id unique ("二、1").
        var qualified = stack.Count > 0 ? stack[^1].Marker.Normal + id : id;
        if (_ids.Add(qualified))
        {
            return qualified;
        }

        var unique = id;
        for (var n = 2; !_ids.Add(unique); n++)
        {
            unique = $"{id}#{n}";
        }

        return unique;
    }

    private static string ItemId(Marker marker, List<(Marker Marker, string Label)> stack) => marker.Kind switch
    {
        MarkerKind.Numbered => marker.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MarkerKind.Subsection or MarkerKind.ParenNumbered => $"（{marker.Number}）",
        MarkerKind.Article => $"第{marker.Number}条",
        MarkerKind.Task => (stack.FirstOrDefault(h => h.Marker.Kind == MarkerKind.Section).Marker?.Normal ?? string.Empty) + marker.Normal,
        MarkerKind.Enumerated => (stack.Count > 0 ? stack[^1].Marker.Normal : string.Empty) + marker.Written,
        _ => marker.Normal,
    };

    /// <summary>A mark of the item's own kind, numbered next, after a full stop inside the item: two items joined.</summary>
    private static (int At, string Written)? JoinedMark(string text, Marker own)
    {
        if (own.Kind == MarkerKind.Bullet)
        {
            return null;
        }

        for (var i = 1; i < text.Length - 2; i++)
        {
            if (text[i - 1] is not ('。' or '；' or ';' or '）' or ')'))
            {
                continue;
            }

            if (Marker.Read(text[i..Math.Min(text.Length, i + 12)]) is { } m && m.Kind == own.Kind && m.Number == own.Number + 1)
            {
                return (i, m.Written);
            }
        }

        return null;
    }
}
