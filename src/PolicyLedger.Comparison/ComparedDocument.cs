using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison;

/// <summary>
/// A document to compare: the name people know it by (文号, the ledger's document key, or the file name), its title,
/// and its items as the reading library read them. Files and documents stored in the ledger become the same input.
/// </summary>
public sealed record ComparedDocument(string Name, string? Title, IReadOnlyList<PolicyItem> Items)
{
    /// <summary>A read document, named by its 文号, else its title, else <paramref name="fallbackName"/>.</summary>
    public static ComparedDocument From(PolicyDocument document, string fallbackName) =>
        new(document.DocNumber?.Value ?? document.Title?.Value ?? fallbackName, document.Title?.Value, document.Items);

    /// <summary>The text of an item that is compared: what is to be done (its task), without the responsibility clause, whose units differ by place.</summary>
    public static string TextOf(PolicyItem item) => string.IsNullOrWhiteSpace(item.Task) ? item.Text : item.Task;

    /// <summary>How the document numbers an item: its own number ("12", "十二" read as 12), else its id.</summary>
    public static string Label(PolicyItem item) =>
        item.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? item.Id;
}
